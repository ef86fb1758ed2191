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
	type ProgressState,
} from '../lib/progress/progress';
import { STORAGE_KEY, persistedPart } from './persist';

export { $repairNotice, $storageStatus, STORAGE_KEY, acknowledgeRepair } from './persist';

/** The reader's progress; read it, subscribe to it, change it only through the actions below. */
export const $progress = persistedPart<ProgressState>(STORAGE_KEY, emptyState, sanitize, 'all saved progress');

/** Completed lesson slugs, as a set for quick lookups. */
export const $completed = computed($progress, (state) => new Set(Object.keys(state.lessons)));

/** Marks the lesson complete, or not complete when it already was. */
export function toggleLessonComplete(slug: string): void {
	$progress.set(toggleCompleteIn($progress.get(), slug, new Date()));
}

/** Remembers the lesson (and heading) the reader is on. */
export function recordVisit(slug: string, position?: string): void {
	$progress.set(recordVisitIn($progress.get(), slug, position, new Date()));
}

/** Saves one reflection answer. */
export function saveReflection(id: string, text: string): void {
	$progress.set(saveReflectionIn($progress.get(), id, text, new Date()));
}
