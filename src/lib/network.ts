/**
 * The reader’s network map (issue 4). STUB: the network feature replaces this file's
 * contents; the learner model relies only on `NetworkState`, `emptyNetwork` and
 * `sanitizeNetwork` (which must never throw and must list what it dropped).
 */
import { CURRENT_VERSION, isObject, partData } from './learner-state';

export interface NetworkState {
	version: typeof CURRENT_VERSION;
	items: unknown[];
}

/** An empty network map. */
export function emptyNetwork(): NetworkState {
	return { version: CURRENT_VERSION, items: [] };
}

/** Reads a stored network map of any quality, keeping every valid part. */
export function sanitizeNetwork(raw: unknown): { state: NetworkState; dropped: string[] } {
	const { data, unreadable } = partData(raw);
	if (unreadable) return { state: emptyNetwork(), dropped: ['the network map (unreadable)'] };
	const dropped: string[] = [];
	const items = data && Array.isArray(data.items) ? data.items.filter(isObject) : [];
	return { state: { version: CURRENT_VERSION, items }, dropped };
}

/** One line for the "Your data" page saying what this part holds, or '' when empty. */
export function summarizeNetwork(state: NetworkState): string {
	return state.items.length ? `${state.items.length} saved` : '';
}
