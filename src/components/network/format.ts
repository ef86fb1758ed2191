/**
 * Number formats the network tools share between the page (rendered at
 * build time) and the islands: no DOM, so both can import it.
 */

/** A whole percentage: 0.4 → "40%". */
export function percent(value: number): string {
	return `${Math.round(value * 100)}%`;
}
