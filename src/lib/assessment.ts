/**
 * The reader’s self-assessment attempts (issue 5). STUB: the assessment feature replaces this file's
 * contents; the learner model relies only on `AssessmentState`, `emptyAssessment` and
 * `sanitizeAssessment` (which must never throw and must list what it dropped).
 */
import { CURRENT_VERSION, isObject, partData } from './learner-state';

export interface AssessmentState {
	version: typeof CURRENT_VERSION;
	items: unknown[];
}

/** No attempts yet. */
export function emptyAssessment(): AssessmentState {
	return { version: CURRENT_VERSION, items: [] };
}

/** Reads stored assessment data of any quality, keeping every valid attempt. */
export function sanitizeAssessment(raw: unknown): { state: AssessmentState; dropped: string[] } {
	const { data, unreadable } = partData(raw);
	if (unreadable) return { state: emptyAssessment(), dropped: ['all self-assessment results (unreadable)'] };
	const dropped: string[] = [];
	const items = data && Array.isArray(data.items) ? data.items.filter(isObject) : [];
	return { state: { version: CURRENT_VERSION, items }, dropped };
}

/** One line for the "Your data" page saying what this part holds, or '' when empty. */
export function summarizeAssessment(state: AssessmentState): string {
	return state.items.length ? `${state.items.length} saved` : '';
}
