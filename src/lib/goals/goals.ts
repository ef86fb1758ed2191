/**
 * The reader's goals: commitments taken from the lessons' suggested
 * goals, from the self-assessment, or written by the reader. Pure: no DOM, no
 * storage, every rule unit-tested.
 *
 * This module is the model every goal island loads (lesson pages included),
 * so it holds only what they all need:
 * - `GoalsState`, the goals part of the learner model, and the predicates a
 *   stored goal must pass (`isGoalText`, `isCalendarDate`, ...);
 * - `sanitizeGoals`, which reads stored data of any quality and never
 *   throws; `goalsSchema` (goals-schema.ts) accepts exactly what it keeps
 *   because it reuses the same predicates;
 * - `addGoal`, the one change a lesson page makes.
 *
 * The checklist's other changes are in ./goal-changes.ts, form validation in
 * ./goal-form.ts, filters and progress in ./goal-lists.ts, the calendar file
 * in ./ics.ts: each loads only where it is used.
 */
import { CURRENT_VERSION, isIsoDateTime, isObject, partData, type Json } from '../learner/stored-part';

/** Longest goal text, in characters, after trimming. */
export const MAX_GOAL_TEXT = 200;
/** Longest notes, in characters. */
export const MAX_GOAL_NOTES = 1000;
/** Longest goal id. Frontmatter ids are far shorter; own ids are `own-` and 10 characters. */
export const MAX_GOAL_ID = 80;
/** The source of goals suggested by the self-assessment (lesson goals use the lesson slug). */
export const ASSESSMENT_SOURCE = 'assessment';

/** One goal the reader keeps. */
export interface Goal {
	/** Suggested goals keep their frontmatter id; the reader's own goals get `own-<random>`. */
	id: string;
	/** What the reader commits to: 1–200 characters, trimmed, no control characters. */
	text: string;
	/** Where it was suggested: a lesson slug or `assessment`; null for the reader's own goals. */
	source: string | null;
	/** The day the reader aims to be done by, YYYY-MM-DD (a past date is allowed: the goal is overdue). */
	targetDate?: string;
	/** Free notes, up to 1000 characters; line breaks allowed. */
	notes?: string;
	/** ISO date-time the goal was added. */
	createdAt: string;
	/** ISO date-time of the last change. */
	updatedAt: string;
	/** ISO date-time the reader ticked it off; absent while open. */
	doneAt?: string;
	/** Counts changes since the goal was added: the calendar event's SEQUENCE. */
	revision: number;
}

/** The goals part of the learner model. */
export interface GoalsState {
	version: typeof CURRENT_VERSION;
	/** Goals in the order they were added. */
	items: Goal[];
}

/** The fields the reader edits. */
export interface GoalFields {
	text: string;
	targetDate?: string;
	notes?: string;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// C0 and C1 control characters; notes may hold line feeds (\n), nothing else.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const NOTES_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

/** No goals yet. */
export function emptyGoals(): GoalsState {
	return { version: CURRENT_VERSION, items: [] };
}

/** True for a usable goal id (lowercase kebab-case, at most 80 characters). */
export function isGoalId(value: unknown): value is string {
	return typeof value === 'string' && value.length <= MAX_GOAL_ID && ID.test(value);
}

/** True for a trimmed, non-empty string of at most `max` characters without `control` characters. */
function isCleanText(value: unknown, max: number, control: RegExp): value is string {
	return typeof value === 'string' && value === value.trim() && value !== '' && value.length <= max && !control.test(value);
}

/** True for goal text as stored: trimmed, 1–200 characters, no control characters. */
export function isGoalText(value: unknown): value is string {
	return isCleanText(value, MAX_GOAL_TEXT, CONTROL);
}

/** True for notes as stored: trimmed, 1–1000 characters, line feeds the only control characters. */
export function isGoalNotes(value: unknown): value is string {
	return isCleanText(value, MAX_GOAL_NOTES, NOTES_CONTROL);
}

/** True for a real calendar date written YYYY-MM-DD (2026-02-29 is not one). */
export function isCalendarDate(value: unknown): value is string {
	if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const [year, month, day] = value.split('-').map(Number) as [number, number, number];
	const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
	const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
	return days !== undefined && day >= 1 && day <= days;
}

/** True for a goal's source: null (the reader's own) or a lesson slug / `assessment`. */
export function isGoalSource(value: unknown): value is string | null {
	return value === null || isGoalId(value);
}

/** A short human name for a goal in messages: its text (or else its id), cut to 40 characters. */
export function goalLabel(raw: unknown): string {
	const { text, id } = isObject(raw) ? raw : {};
	const name = String((typeof text === 'string' && text.trim()) || (typeof id === 'string' && id) || '').slice(0, 40);
	return name ? `goal “${name}”` : 'a goal without text';
}

/** Reads one stored goal, keeping only known fields; undefined when any field is invalid. */
function readGoal(raw: unknown): Goal | undefined {
	if (!isObject(raw)) return undefined;
	const { id, text, source, targetDate, notes, createdAt, updatedAt, doneAt, revision } = raw;
	const valid =
		isGoalId(id) &&
		isGoalText(text) &&
		isGoalSource(source) &&
		(targetDate === undefined || isCalendarDate(targetDate)) &&
		(notes === undefined || isGoalNotes(notes)) &&
		isIsoDateTime(createdAt) &&
		isIsoDateTime(updatedAt) &&
		(doneAt === undefined || isIsoDateTime(doneAt)) &&
		Number.isSafeInteger(revision) &&
		(revision as number) >= 0;
	if (!valid) return undefined;
	const goal = { id, text, source, targetDate, notes, createdAt, updatedAt, doneAt, revision } as Goal & Json;
	// Optional fields that are absent stay absent (not `undefined`), so the goal round-trips exactly.
	for (const key in goal) if (goal[key] === undefined) delete goal[key];
	return goal;
}

/**
 * Reads stored goals of any quality: keeps every valid goal (unknown fields
 * are left out), drops invalid ones and later duplicates of an id, and names
 * each dropped goal. Never throws.
 */
export function sanitizeGoals(raw: unknown): { state: GoalsState; dropped: string[] } {
	const { data, unreadable } = partData(raw);
	if (unreadable) return { state: emptyGoals(), dropped: ['all goals (unreadable)'] };
	const dropped: string[] = [];
	const items: Goal[] = [];
	if (data?.items !== undefined && !Array.isArray(data.items)) dropped.push('the list of goals');
	if (data && Array.isArray(data.items)) {
		const seen = new Set<string>();
		for (const item of data.items) {
			const goal = readGoal(item);
			if (!goal) dropped.push(goalLabel(item));
			else if (seen.has(goal.id)) dropped.push(`${goalLabel(item)} (a second copy)`);
			else {
				seen.add(goal.id);
				items.push(goal);
			}
		}
	}
	return { state: { version: CURRENT_VERSION, items }, dropped };
}

/** One line for the "Your data" page saying what this part holds, or '' when empty. */
export function summarizeGoals(state: GoalsState): string {
	const total = state.items.length;
	if (!total) return '';
	const done = state.items.filter((goal) => goal.doneAt).length;
	return `${total} ${total === 1 ? 'goal' : 'goals'} (${done} done, ${total - done} open)`;
}

/** The goal with this id, if the reader has it. */
export function findGoal(state: GoalsState, id: string): Goal | undefined {
	return state.items.find((goal) => goal.id === id);
}

/** True for fields that satisfy the stored goal's rules (what `validateGoalInput` produces). */
export function isGoalFields(fields: GoalFields): boolean {
	return (
		isGoalText(fields.text) &&
		(fields.targetDate === undefined || isCalendarDate(fields.targetDate)) &&
		(fields.notes === undefined || isGoalNotes(fields.notes))
	);
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
 * reader already has is not added twice, and invalid data is never added:
 * in both cases the state comes back unchanged.
 */
export function addGoal(state: GoalsState, id: string, source: string | null, fields: GoalFields, now: Date): GoalsState {
	if (findGoal(state, id) || !isGoalId(id) || !isGoalSource(source) || !isGoalFields(fields)) return state;
	const at = now.toISOString();
	const goal = withFields({ id, text: fields.text, source, createdAt: at, updatedAt: at, revision: 0 }, fields);
	return { ...state, items: [...state.items, goal] };
}
