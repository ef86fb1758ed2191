/**
 * Where the home page's main action leads, from the reader's progress. Apart
 * from ./progress.ts because only the home page needs it, while every page
 * loads the progress state.
 */
import { completedCount, type ProgressState } from './progress';

/** Where the home page's main action leads (`continueTarget`). */
export interface ContinueTarget {
	kind: 'start' | 'continue' | 'review';
	/** Index into the course's lesson list. */
	index: number;
	/** Heading id to resume at, when the reader was last inside this lesson. */
	position?: string;
}

/**
 * Where the home page's main action leads: a first-time reader starts at
 * lesson 1; a returning reader continues the lesson last visited if it is
 * unfinished, else the first unfinished one; when all are done, review.
 */
export function continueTarget(state: ProgressState, slugs: readonly string[]): ContinueTarget {
	const started =
		Object.keys(state.lessons).some((slug) => slugs.includes(slug)) || Boolean(state.lastVisit && slugs.includes(state.lastVisit.lesson));
	if (!started) return { kind: 'start', index: 0 };
	if (completedCount(state, slugs) === slugs.length) return { kind: 'review', index: 0 };
	const last = state.lastVisit;
	const lastIndex = last ? slugs.indexOf(last.lesson) : -1;
	if (last && lastIndex >= 0 && !state.lessons[last.lesson]) {
		return last.position ? { kind: 'continue', index: lastIndex, position: last.position } : { kind: 'continue', index: lastIndex };
	}
	return { kind: 'continue', index: slugs.findIndex((slug) => !state.lessons[slug]) };
}
