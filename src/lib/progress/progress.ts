/**
 * The progress part of the learner model: what the reader completed, where
 * they were, what they wrote. It lives only on the reader's device. Pure (no
 * DOM, no storage), so every rule is unit-tested:
 *
 * - `progressPart` describes the stored shape once (../learner/shape.ts);
 *   its type, the lenient reader every page runs (`progressPart.read`) and
 *   the strict import check all derive from it;
 * - reducers (`toggleComplete`, `recordVisit`, `saveReflection`) return new
 *   states and never mutate.
 */
import { dateTime, is, object, optional, slug } from '../learner/shape';
import { definePart, recordOf, valueOf, type StateOf } from '../learner/stored-part';
import { isSlug, quoted } from '../learner/values';

/** Longest reflection answer kept (characters). */
export const MAX_REFLECTION_LENGTH = 10_000;

/** The progress part, described field by field. */
export const progressPart = definePart('all saved progress', {
	/** Completed lessons by lesson slug: when the reader marked each complete (ISO date-time). */
	lessons: recordOf(slug(), object({ completedAt: dateTime }), {
		all: 'lesson progress',
		item: (_raw, key) => `progress for lesson ${quoted(key)}`,
	}),
	/** Reflection answers by prompt id. */
	reflections: recordOf(
		slug(),
		object({
			text: is((value): value is string => typeof value === 'string' && value.length <= MAX_REFLECTION_LENGTH, 'text'),
			updatedAt: dateTime,
		}),
		{ all: 'reflection answers', item: (_raw, key) => `reflection answer ${quoted(key)}` },
	),
	/** The lesson last read: its slug, the last heading the reader scrolled past (if any), and when. */
	lastVisit: valueOf(object({ lesson: slug(), position: optional(slug()), at: dateTime }), 'the last lesson visited'),
});

/** The progress part of the learner model, as stored (its other parts live in their own modules). */
export type ProgressState = StateOf<typeof progressPart>;

/** Marks a lesson complete (dated `now`) or, when it already is, not complete. */
export function toggleComplete(state: ProgressState, slug: string, now: Date): ProgressState {
	const lessons = { ...state.lessons };
	if (lessons[slug]) delete lessons[slug];
	else lessons[slug] = { completedAt: now.toISOString() };
	return { ...state, lessons };
}

/** Records that the reader is reading `slug`, at the heading `position` if known. */
export function recordVisit(state: ProgressState, slug: string, position: string | undefined, now: Date): ProgressState {
	const lastVisit: NonNullable<ProgressState['lastVisit']> = { lesson: slug, at: now.toISOString() };
	if (isSlug(position)) lastVisit.position = position;
	return { ...state, lastVisit };
}

/** Saves (or, for blank text, removes) the answer to one reflection prompt. */
export function saveReflection(state: ProgressState, id: string, text: string, now: Date): ProgressState {
	const reflections = { ...state.reflections };
	if (text.trim() === '') delete reflections[id];
	else reflections[id] = { text: text.slice(0, MAX_REFLECTION_LENGTH), updatedAt: now.toISOString() };
	return { ...state, reflections };
}

/** How many of `slugs` are complete. */
export function completedCount(state: ProgressState, slugs: readonly string[]): number {
	return slugs.filter((slug) => state.lessons[slug]).length;
}
