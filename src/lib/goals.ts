/**
 * The reader's goals (issue 6). STUB: the goals feature replaces this file's
 * contents; the learner model relies only on `GoalsState`, `emptyGoals` and
 * `sanitizeGoals` (which must never throw and must list what it dropped).
 */
import { CURRENT_VERSION, isObject, partData } from './learner-state';

export interface GoalsState {
	version: typeof CURRENT_VERSION;
	items: unknown[];
}

/** No goals yet. */
export function emptyGoals(): GoalsState {
	return { version: CURRENT_VERSION, items: [] };
}

/** Reads stored goals of any quality, keeping every valid goal. */
export function sanitizeGoals(raw: unknown): { state: GoalsState; dropped: string[] } {
	const { data, unreadable } = partData(raw);
	if (unreadable) return { state: emptyGoals(), dropped: ['all goals (unreadable)'] };
	const dropped: string[] = [];
	const items = data && Array.isArray(data.items) ? data.items.filter(isObject) : [];
	return { state: { version: CURRENT_VERSION, items }, dropped };
}

/** One line for the "Your data" page saying what this part holds, or '' when empty. */
export function summarizeGoals(state: GoalsState): string {
	return state.items.length ? `${state.items.length} saved` : '';
}
