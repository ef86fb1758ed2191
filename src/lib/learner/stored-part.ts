/**
 * What every stored part of the learner model (progress, goals, network,
 * assessment) has in common: the version number, the checks for plain
 * objects and ISO date-times, and decoding a stored JSON string. Kept apart
 * from the progress rules (progress/progress.ts) so a page that uses one part
 * loads only that part's code.
 */

/** Bump when the shape of any part changes, and add a migration step (progress/progress.ts, learner-model.ts). */
export const CURRENT_VERSION = 2;

/** A parsed JSON object, before it is checked. */
export type Json = Record<string, unknown>;

/** True for plain objects (not arrays, not null). */
export function isObject(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * True for ISO 8601 date-times with seconds and an offset, on a real calendar
 * day: exactly what the import schema (zod's iso.datetime) accepts, so
 * anything kept from storage can be exported and imported again.
 */
export function isIsoDateTime(value: unknown): value is string {
	if (typeof value !== 'string') return false;
	const match = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/.exec(value);
	if (!match) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(0);
	date.setUTCFullYear(year, month - 1, day);
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The version a stored object claims, or undefined when it has none usable. */
export function versionOf(data: unknown): number | undefined {
	return isObject(data) && Number.isInteger(data.version) && (data.version as number) >= 1 ? (data.version as number) : undefined;
}

/**
 * Decodes one stored part: parses JSON and sanitizes it. Unreadable JSON, or
 * data from a newer version of the course, yields the empty part and a note
 * naming `label`. Shared by every part's store so they behave alike.
 */
export function decodeWith<T>(
	json: string | undefined | null,
	sanitizePart: (raw: unknown) => { state: T; dropped: string[] },
	empty: () => T,
	label: string,
): { state: T; dropped: string[] } {
	if (json === undefined || json === null || json === '') return { state: empty(), dropped: [] };
	try {
		return sanitizePart(JSON.parse(json));
	} catch {
		return { state: empty(), dropped: [`${label} (unreadable)`] };
	}
}

/**
 * The common start of every part's sanitizer: null means nothing stored; a
 * non-object, a missing version or a newer version than this code knows
 * cannot be read. Returns the data to read, or the reason it cannot be.
 */
export function partData(raw: unknown): { data?: Json; unreadable: boolean } {
	if (raw === undefined || raw === null) return { unreadable: false };
	const version = versionOf(raw);
	if (version === undefined || version > CURRENT_VERSION) return { unreadable: true };
	return { data: raw as Json, unreadable: false };
}
