/**
 * Reads what the reader typed into a goal form (add or edit) and returns
 * clean fields or one error per field. Errors are keys of messages in
 * src/i18n/en.json, so wording stays out of code. Loaded only when a form
 * is submitted.
 */
import { isRealIsoDate } from '../learner/values';
import { MAX_GOAL_NOTES, MAX_GOAL_TEXT, isGoalNotes, isGoalText, type GoalFields } from './goals';

/** A goal form's fields as typed. `dateIncomplete` is true when the browser's date field holds a partial or impossible date. */
export interface GoalInput {
	text: string;
	targetDate: string;
	notes: string;
	dateIncomplete?: boolean;
}

/** Keys of the error messages in src/i18n/en.json. */
export type GoalErrorKey =
	| 'goals.error.textEmpty'
	| 'goals.error.textLong'
	| 'goals.error.textControl'
	| 'goals.error.date'
	| 'goals.error.notesLong'
	| 'goals.error.notesControl';

/** Field-level errors: for each invalid field, the key of its message. */
export type GoalErrors = Partial<Record<keyof GoalFields, GoalErrorKey>>;

export type GoalValidation = { ok: true; fields: GoalFields } | { ok: false; errors: GoalErrors };

/**
 * Checks a goal form. Text is trimmed; notes are trimmed with line breaks
 * kept (CRLF becomes LF, tabs become spaces); an empty date or empty notes
 * mean none. A date in the past is valid (the goal is then overdue).
 */
export function validateGoalInput(input: GoalInput): GoalValidation {
	const text = input.text.trim();
	const notes = input.notes.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').trim();
	const targetDate = input.targetDate.trim();
	const errors: GoalErrors = {};
	if (!text) errors.text = 'goals.error.textEmpty';
	else if (text.length > MAX_GOAL_TEXT) errors.text = 'goals.error.textLong';
	else if (!isGoalText(text)) errors.text = 'goals.error.textControl';
	if (input.dateIncomplete || (targetDate && !isRealIsoDate(targetDate))) errors.targetDate = 'goals.error.date';
	if (notes.length > MAX_GOAL_NOTES) errors.notes = 'goals.error.notesLong';
	else if (notes && !isGoalNotes(notes)) errors.notes = 'goals.error.notesControl';
	if (Object.keys(errors).length) return { ok: false, errors };
	const fields: GoalFields = { text };
	if (targetDate) fields.targetDate = targetDate;
	if (notes) fields.notes = notes;
	return { ok: true, fields };
}
