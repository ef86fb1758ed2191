/**
 * The progress part of the learner model (lessons completed, last visit,
 * reflections), shared by every island on every page. Only the actions below
 * change it; each calls a pure reducer of src/lib/progress/progress.ts
 * (imported as `progress`, the convention of every store). Persistence and
 * its failure modes: ./persist.ts.
 */
import * as progress from '../lib/progress/progress';
import { STORAGE_KEY, persistedPart } from './persist';

// Islands that save progress also say when it cannot be kept.
export { $storageStatus } from './persist';

/** The reader's progress; read it, subscribe to it, change it only through the actions below. */
export const $progress = persistedPart(STORAGE_KEY, progress.progressPart);

/** Marks the lesson complete, or not complete when it already was. */
export function toggleLessonComplete(slug: string): void {
	$progress.set(progress.toggleComplete($progress.get(), slug, new Date()));
}

/** Remembers the lesson (and heading) the reader is on. */
export function recordVisit(slug: string, position?: string): void {
	$progress.set(progress.recordVisit($progress.get(), slug, position, new Date()));
}

/** Saves one reflection answer. */
export function saveReflection(id: string, text: string): void {
	$progress.set(progress.saveReflection($progress.get(), id, text, new Date()));
}
