/**
 * The reader's goals as an iCalendar file (RFC 5545): one all-day event per
 * open goal with a target date. Pure, so every rule is unit-tested (and the
 * output is checked by parsing it with ical.js).
 *
 * - Stable UIDs (`<goal id>@strategic-network-course`) and SEQUENCE = the
 *   goal's revision, so importing a newer file updates events instead of
 *   duplicating them.
 * - TEXT values escape backslash, semicolon, comma and line breaks (3.3.11).
 * - Content lines end in CRLF and are folded at 75 octets of UTF-8, never
 *   inside a multi-byte character (3.1).
 */
import type { Goal } from '../goals/goals';

/** The domain part of every event UID. */
const UID_DOMAIN = 'strategic-network-course';
/** Identifies the program that made the file (3.7.3). */
export const PRODID = '-//Leadership Gold Blog//Strategic Network Course//EN';
/** Longest content line, in octets, without its CRLF. */
export const MAX_LINE_OCTETS = 75;

export interface CalendarOptions {
	/** When the file is made: every DTSTAMP. */
	now: Date;
	/** Absolute URL of the goals page, linked from each event. */
	goalsUrl: string;
	/** The calendar's display name. */
	name: string;
	/** Words before the link in each description, e.g. "Your goals:". */
	linkLabel: string;
}

/** Escapes a TEXT value: backslash, semicolon, comma, and line breaks as `\n`. */
export function escapeText(value: string): string {
	return value
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * Folds one content line so no physical line exceeds 75 octets: each
 * continuation starts with a space (which counts). Splits only between
 * characters (code points), so UTF-8 sequences stay whole. Lines end in CRLF.
 */
export function foldLine(line: string): string {
	const lines: string[] = [];
	let current = '';
	let octets = 0;
	for (const char of line) {
		const size = encoder.encode(char).length;
		if (octets + size > MAX_LINE_OCTETS) {
			lines.push(current);
			current = ' ';
			octets = 1;
		}
		current += char;
		octets += size;
	}
	lines.push(current);
	return lines.map((part) => `${part}\r\n`).join('');
}

/** A UTC date-time in iCalendar's basic form: 20260314T092653Z. */
export function formatUtc(date: Date): string {
	return date
		.toISOString()
		.replace(/\.\d+Z$/, 'Z')
		.replace(/[-:]/g, '');
}

/** A DATE value: 2026-03-14 becomes 20260314. */
export function formatDate(isoDate: string): string {
	return isoDate.replace(/-/g, '');
}

/** The day after a YYYY-MM-DD date, as a DATE value (all-day events end the next day, exclusive). */
export function nextDay(isoDate: string): string {
	const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
	const date = new Date(0);
	// setUTCFullYear, unlike Date.UTC, reads years 0–99 literally; day + 1 rolls over months and years.
	date.setUTCFullYear(year, month - 1, day + 1);
	const pad = (n: number, width = 2) => String(n).padStart(width, '0');
	return `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}`;
}

/** The goals that become events: open, with a target date. */
export function calendarGoals(goals: readonly Goal[]): Goal[] {
	return goals.filter((goal) => !goal.doneAt && goal.targetDate);
}

function event(goal: Goal, options: CalendarOptions): string[] {
	const description = [goal.notes, `${options.linkLabel} ${options.goalsUrl}`].filter(Boolean).join('\n\n');
	return [
		'BEGIN:VEVENT',
		`UID:${goal.id}@${UID_DOMAIN}`,
		`DTSTAMP:${formatUtc(options.now)}`,
		`DTSTART;VALUE=DATE:${formatDate(goal.targetDate!)}`,
		`DTEND;VALUE=DATE:${nextDay(goal.targetDate!)}`,
		`SUMMARY:${escapeText(goal.text)}`,
		`DESCRIPTION:${escapeText(description)}`,
		`URL:${options.goalsUrl}`,
		`SEQUENCE:${goal.revision}`,
		`CREATED:${formatUtc(new Date(goal.createdAt))}`,
		`LAST-MODIFIED:${formatUtc(new Date(goal.updatedAt))}`,
		// A goal's day should not show the reader as busy.
		'TRANSP:TRANSPARENT',
		'END:VEVENT',
	];
}

/** The whole calendar file: a VCALENDAR with one VEVENT per open goal that has a target date. */
export function goalsCalendar(goals: readonly Goal[], options: CalendarOptions): string {
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		`PRODID:${PRODID}`,
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		`X-WR-CALNAME:${escapeText(options.name)}`,
		...calendarGoals(goals).flatMap((goal) => event(goal, options)),
		'END:VCALENDAR',
	];
	return lines.map(foldLine).join('');
}
