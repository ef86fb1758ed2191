/**
 * The reader's goals: commitments taken from the lessons' suggested
 * goals, from the self-assessment, or written by the reader. Pure: no DOM, no
 * storage, every rule unit-tested.
 *
 * This module is the model every goal island loads (lesson pages included),
 * so it holds only what they all need:
 * - `goalsPart`, the goals part of the learner model described once
 *   (../learner/shape.ts): the `Goal` type, the lenient reader and the
 *   strict import check derive from it, and its value rules (`isGoalText`,
 *   ...) are the ones the goal form checks;
 * - `addGoal`, the one change a lesson page makes.
 *
 * The checklist's other changes are in ./changes.ts, form validation in
 * ./form.ts, filters, progress and the data page's summary in ./lists.ts,
 * the calendar file in ../calendar/ics.ts: each loads only where it is used.
 */
import { date, dateTime, fit, integer, is, object, optional, slug, type Infer } from '../learner/shape';
import { definePart, listOf, type StateOf } from '../learner/stored-part';
import { isCleanLine, isObject, isSlug, quoted } from '../learner/values';

/** Longest goal text, in characters, after trimming. */
export const MAX_GOAL_TEXT = 200;
/** Longest notes, in characters. */
export const MAX_GOAL_NOTES = 1000;
/** Longest goal id. Frontmatter ids are far shorter; own ids are `own-` and 10 characters. */
const MAX_GOAL_ID = 80;
/** The source of goals suggested by the self-assessment (lesson goals use the lesson slug). */
export const ASSESSMENT_SOURCE = 'assessment';

// Notes may hold line feeds (\n), no other control character.
const NOTES_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

/** True for goal text as stored: trimmed, 1–200 characters, no control characters. */
export function isGoalText(value: unknown): value is string {
	return isCleanLine(value, MAX_GOAL_TEXT);
}

/** True for notes as stored: trimmed, 1–1000 characters, line feeds the only control characters. */
export function isGoalNotes(value: unknown): value is string {
	return isCleanLine(value, MAX_GOAL_NOTES, NOTES_CONTROL);
}

/** True for a goal's source: null (the reader's own) or a lesson slug / `assessment`. */
function isGoalSource(value: unknown): value is string | null {
	return value === null || isSlug(value, MAX_GOAL_ID);
}

/** One goal the reader keeps, described field by field. */
export const goalShape = object({
	/** Suggested goals keep their frontmatter id; the reader's own goals get `own-<random>`. */
	id: slug(MAX_GOAL_ID),
	/** What the reader commits to: 1–200 characters, trimmed, no control characters. */
	text: is(isGoalText, 'text'),
	/** Where it was suggested: a lesson slug or `assessment`; null for the reader's own goals. */
	source: is(isGoalSource, 'id'),
	/** The day the reader aims to be done by, YYYY-MM-DD (a past date is allowed: the goal is overdue). */
	targetDate: optional(date),
	/** Free notes, up to 1000 characters, trimmed; line breaks allowed. */
	notes: optional(is(isGoalNotes, 'text')),
	/** ISO date-time the goal was added. */
	createdAt: dateTime,
	/** ISO date-time of the last change. */
	updatedAt: dateTime,
	/** ISO date-time the reader ticked it off; absent while open. */
	doneAt: optional(dateTime),
	/** Counts changes since the goal was added: the calendar event's SEQUENCE. */
	revision: integer(0, Number.MAX_SAFE_INTEGER),
});

/** One goal the reader keeps. */
export type Goal = Infer<typeof goalShape>;

/** A short human name for a goal in the repair notice: its text (or else its id), cut to 40 characters. */
export function goalLabel(raw: unknown): string {
	const { text, id } = isObject(raw) ? raw : {};
	const name = (typeof text === 'string' && text.trim()) || (typeof id === 'string' && id);
	return name ? `goal ${quoted(name)}` : 'a goal without text';
}

/** The goals part of the learner model. */
export const goalsPart = definePart('all goals', {
	/** Goals in the order they were added; each id once (a later copy is dropped). */
	items: listOf(
		goalShape,
		{ all: 'the list of goals', item: goalLabel, copy: (raw) => `${goalLabel(raw)} (a second copy)` },
		{ uniqueIds: true },
	),
});

/** The goals part of the learner model, as stored. */
export type GoalsState = StateOf<typeof goalsPart>;

/** The fields the reader edits. */
export type GoalFields = Pick<Goal, 'text' | 'targetDate' | 'notes'>;

/** The goal with this id, if the reader has it. */
export function findGoal(state: GoalsState, id: string): Goal | undefined {
	return state.items.find((goal) => goal.id === id);
}

/** The goal with `fields` as its text, target date and notes (absent when empty). */
export function withFields(goal: Goal, fields: GoalFields): Goal {
	const { targetDate: _date, notes: _notes, ...rest } = goal;
	const next: Goal = { ...rest, text: fields.text };
	if (fields.targetDate) next.targetDate = fields.targetDate;
	if (fields.notes) next.notes = fields.notes;
	return next;
}

/**
 * Adds a goal at the end (dated `now`, revision 0). A goal whose id the
 * reader already has is not added twice, and invalid data (a goal that does
 * not fit `goalShape`) is never added: in both cases the state comes back
 * unchanged.
 */
export function addGoal(state: GoalsState, id: string, source: string | null, fields: GoalFields, now: Date): GoalsState {
	const at = now.toISOString();
	const goal = fit(goalShape, withFields({ id, text: fields.text, source, createdAt: at, updatedAt: at, revision: 0 }, fields));
	return !goal || findGoal(state, id) ? state : { ...state, items: [...state.items, goal] };
}
