/**
 * Value rules the stored parts use: plain objects, ids, dates, date-times
 * and trimmed text. Each is a type guard, so the part descriptions
 * (./shape.ts) and the forms that check what the reader types share one rule.
 */

/** A parsed JSON object, before it is checked. */
export type Json = Record<string, unknown>;

/** True for plain objects (not arrays, not null). */
export function isObject(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** True for a lowercase kebab-case id (lessons, prompts, goals, statements, network items) of at most `max` characters. */
export function isSlug(value: unknown, max = Infinity): value is string {
	return typeof value === 'string' && value.length <= max && SLUG.test(value);
}

/** True for `YYYY-MM-DD` strings naming a day that exists (no 30 February). */
export function isRealIsoDate(value: unknown): value is string {
	if (typeof value !== 'string' || !/^\d{4}-\d\d-\d\d$/.test(value)) return false;
	const [year, month, day] = value.split('-').map(Number) as [number, number, number];
	const date = new Date(0);
	date.setUTCFullYear(year, month - 1, day);
	// An impossible day (30 February, month 13) rolls over into another date.
	return date.toISOString().startsWith(value);
}

/**
 * True for ISO 8601 date-times with seconds and an offset (or Z), on a real
 * calendar day: what `Date#toISOString` writes, and what a reader's edited
 * export may reasonably hold.
 */
export function isIsoDateTime(value: unknown): value is string {
	return (
		typeof value === 'string' &&
		/^\d{4}-\d\d-\d\dT([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/.test(value) &&
		isRealIsoDate(value.slice(0, 10))
	);
}

/** C0 and C1 control characters and DEL: one-line values (names, goal text, sectors) allow none of them. */
export const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * A value as a trimmed text field stores it: 1–`max` characters, no spaces
 * around it, none of `control` (by default every control character: one line).
 */
export function isCleanLine(value: unknown, max: number, control: RegExp = CONTROL): value is string {
	return typeof value === 'string' && value !== '' && value.length <= max && value === value.trim() && !control.test(value);
}

/** `text` cut to 40 characters between curly quotes: how a dropped item is named in the repair notice. */
export function quoted(text: string): string {
	return `“${text.slice(0, 40)}”`;
}
