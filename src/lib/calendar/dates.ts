/**
 * Calendar dates for the network tools. Dates the reader types are plain
 * calendar days (`YYYY-MM-DD`, no time zone); day counts between them use
 * UTC arithmetic so daylight-saving changes never add or lose a day.
 * Timestamps (`createdAt`) are read in the device's local time, as the
 * reader lives them: "this month" and "this quarter" are the reader's own.
 */

const DAY_MS = 86_400_000;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** The local calendar day of `date`, as `YYYY-MM-DD`. */
export function localIsoDate(date: Date): string {
	return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The local month of `date`, as `YYYY-MM`. */
export function monthKey(date: Date): string {
	return localIsoDate(date).slice(0, 7);
}

function dayNumber(isoDate: string): number {
	const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
	const date = new Date(Date.UTC(2000, month - 1, day));
	date.setUTCFullYear(year);
	return Math.round(date.getTime() / DAY_MS);
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`): negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
	return dayNumber(to) - dayNumber(from);
}

/** The local calendar day of an ISO date-time. */
export function dayOf(isoDateTime: string): string {
	return localIsoDate(new Date(isoDateTime));
}

/** The calendar quarter holding `now` (local time): its first instant and the first instant of the next. */
export function quarterOf(now: Date): { start: Date; end: Date } {
	const first = Math.floor(now.getMonth() / 3) * 3;
	return { start: new Date(now.getFullYear(), first, 1), end: new Date(now.getFullYear(), first + 3, 1) };
}

/** The `count` months up to and including the month of `now`, oldest first, as `YYYY-MM`. */
export function recentMonths(now: Date, count: number): string[] {
	return Array.from({ length: count }, (_, index) => monthKey(new Date(now.getFullYear(), now.getMonth() - (count - 1 - index), 1)));
}
