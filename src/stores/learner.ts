/**
 * The progress part of the learner model (lessons completed, last visit,
 * reflections), shared by every island on every page. Only the actions below
 * change it. Persistence and its failure modes: ./persist.ts.
 */
import { computed } from 'nanostores';
import {
	emptyState,
	recordVisit as recordVisitIn,
	sanitize,
	saveReflection as saveReflectionIn,
	toggleComplete as toggleCompleteIn,
	type LearnerState,
} from '../lib/learner-state';
import { STORAGE_KEY, persistedPart } from './persist';

export { $repairNotice, $storageStatus, STORAGE_KEY, acknowledgeRepair } from './persist';

/** The reader's progress; read it, subscribe to it, change it only through the actions below. */
export const $learner = persistedPart<LearnerState>(STORAGE_KEY, emptyState, sanitize, 'all saved progress');

/** Completed lesson slugs, as a set for quick lookups. */
export const $completed = computed($learner, (state) => new Set(Object.keys(state.lessons)));

/** Marks the lesson complete, or not complete when it already was. */
export function toggleLessonComplete(slug: string): void {
	$learner.set(toggleCompleteIn($learner.get(), slug, new Date()));
}

/** Remembers the lesson (and heading) the reader is on. */
export function recordVisit(slug: string, position?: string): void {
	$learner.set(recordVisitIn($learner.get(), slug, position, new Date()));
}

/** Saves one reflection answer. */
export function saveReflection(id: string, text: string): void {
	$learner.set(saveReflectionIn($learner.get(), id, text, new Date()));
}
