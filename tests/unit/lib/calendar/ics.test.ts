import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import {
	MAX_LINE_OCTETS,
	PRODID,
	calendarGoals,
	escapeText,
	foldLine,
	formatDate,
	formatUtc,
	goalsCalendar,
	nextDay,
	type CalendarOptions,
} from '../../../../src/lib/calendar/ics';
import type { Goal } from '../../../../src/lib/goals/goals';

const options: CalendarOptions = {
	now: new Date('2026-03-14T09:26:53.589Z'),
	goalsUrl: 'https://course.example/goals/',
	name: 'Strategic network goals',
	linkLabel: 'Your goals:',
};

const goal = (id: string, changes: Partial<Goal> = {}): Goal => ({
	id,
	text: `Goal ${id}`,
	source: null,
	targetDate: '2026-04-30',
	createdAt: '2026-03-01T08:00:00.000Z',
	updatedAt: '2026-03-10T12:30:00.000Z',
	revision: 0,
	...changes,
});

/** The events of a calendar file, as the ical.js parser reads them. */
function parse(ics: string): ICAL.Event[] {
	const calendar = new ICAL.Component(ICAL.parse(ics));
	return calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
}

/** The physical lines of the file (without their CRLF). */
const physicalLines = (ics: string) => ics.split('\r\n').slice(0, -1);

const octets = (text: string) => new TextEncoder().encode(text).length;

describe('escapeText', () => {
	it.each([
		['plain text', 'Call Sam', 'Call Sam'],
		['commas', 'Sam, Jo, Priya', 'Sam\\, Jo\\, Priya'],
		['semicolons', 'first; second', 'first\\; second'],
		['backslashes first, so escapes are not doubled', 'a\\b;c', 'a\\\\b\\;c'],
		['LF, CRLF and CR line breaks', 'one\ntwo\r\nthree\rfour', 'one\\ntwo\\nthree\\nfour'],
		['colons and quotes untouched', 'Note: "yes"', 'Note: "yes"'],
		['non-ASCII untouched', 'Café – Renée 東京', 'Café – Renée 東京'],
	])('escapes %s', (_name, text, expected) => {
		expect(escapeText(text)).toBe(expected);
	});
});

describe('foldLine', () => {
	it('leaves a line of 75 octets whole, ending in CRLF', () => {
		const line = `SUMMARY:${'x'.repeat(75 - 8)}`;
		expect(foldLine(line)).toBe(`${line}\r\n`);
	});

	it('folds a longer line into lines of at most 75 octets, continuations starting with a space', () => {
		const line = `DESCRIPTION:${'abcdefghij'.repeat(20)}`;
		const folded = foldLine(line);
		const lines = physicalLines(folded);
		expect(lines.length).toBeGreaterThan(2);
		for (const physical of lines) expect(octets(physical)).toBeLessThanOrEqual(MAX_LINE_OCTETS);
		expect(lines.slice(1).every((physical) => physical.startsWith(' '))).toBe(true);
		expect(octets(lines[0]!)).toBe(75);
		expect(folded.replace(/\r\n /g, '')).toBe(`${line}\r\n`);
	});

	it.each([
		['two-byte characters', 'é'],
		['three-byte characters', '東'],
		['four-byte characters (surrogate pairs)', '🎯'],
		['mixed widths', 'aé東🎯'],
	])('never splits %s across lines', (_name, chars) => {
		const line = `SUMMARY:${chars.repeat(60)}`;
		const folded = foldLine(line);
		for (const physical of physicalLines(folded)) {
			expect(octets(physical)).toBeLessThanOrEqual(MAX_LINE_OCTETS);
			// A split sequence would not survive a round trip through UTF-8.
			expect(new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(physical))).toBe(physical);
			expect(physical).not.toMatch(/[\uD800-\uDBFF]$|^ ?[\uDC00-\uDFFF]/);
		}
		expect(folded.replace(/\r\n /g, '')).toBe(`${line}\r\n`);
	});
});

describe('dates', () => {
	it('writes UTC date-times in basic form', () => {
		expect(formatUtc(new Date('2026-03-14T09:26:53.589Z'))).toBe('20260314T092653Z');
	});

	it('writes DATE values', () => {
		expect(formatDate('2026-04-30')).toBe('20260430');
	});

	it.each([
		['2026-04-30', '20260501'],
		['2026-12-31', '20270101'],
		['2024-02-28', '20240229'],
		['2026-02-28', '20260301'],
		['0099-12-31', '01000101'],
	])('ends an all-day event on %s the next day, %s', (date, expected) => {
		expect(nextDay(date)).toBe(expected);
	});
});

describe('goalsCalendar', () => {
	const open = goal('own-open', {
		text: 'Call Sam, Jo; then C:\\board',
		notes: 'Ask Priya; bring the plan, and notes.\nSecond line',
		revision: 4,
	});
	const done = goal('own-done', { doneAt: '2026-03-12T10:00:00.000Z' });
	const undated = goal('own-undated', { targetDate: undefined });
	const overdue = goal('invitations-accept-next-two', {
		source: 'accept-invitations',
		targetDate: '2025-01-10',
		text: 'Accept the next two invitations',
	});
	const ics = goalsCalendar([open, done, undated, overdue], options);

	it('holds one event per open goal with a target date (overdue ones included)', () => {
		expect(calendarGoals([open, done, undated, overdue])).toEqual([open, overdue]);
		expect(parse(ics).map((event) => event.uid)).toEqual([
			'own-open@strategic-network-course',
			'invitations-accept-next-two@strategic-network-course',
		]);
	});

	it('is a VCALENDAR 2.0 with PRODID, Gregorian scale and PUBLISH method', () => {
		const calendar = new ICAL.Component(ICAL.parse(ics));
		expect(calendar.name).toBe('vcalendar');
		expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
		expect(calendar.getFirstPropertyValue('prodid')).toBe(PRODID);
		expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
		expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
		expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Strategic network goals');
	});

	it('ends every line with CRLF and has no bare LF or CR', () => {
		expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
		expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
	});

	it('makes all-day events from the target date to the next day', () => {
		const [event] = parse(ics);
		expect(event!.startDate.isDate).toBe(true);
		expect(event!.startDate.toString()).toBe('2026-04-30');
		expect(event!.endDate.toString()).toBe('2026-05-01');
		expect(ics).toContain('DTSTART;VALUE=DATE:20260430\r\nDTEND;VALUE=DATE:20260501\r\n');
	});

	it('carries the revision as SEQUENCE, a UTC DTSTAMP and LAST-MODIFIED', () => {
		const [event] = parse(ics);
		expect(event!.sequence).toBe(4);
		const vevent = event!.component;
		expect(vevent.getFirstPropertyValue('dtstamp')!.toString()).toBe('2026-03-14T09:26:53Z');
		expect(vevent.getFirstPropertyValue('last-modified')!.toString()).toBe('2026-03-10T12:30:00Z');
		expect(ics).toContain('DTSTAMP:20260314T092653Z\r\n');
	});

	it('keeps commas, semicolons and line breaks in the summary and description through a parser', () => {
		const [event] = parse(ics);
		expect(event!.summary).toBe('Call Sam, Jo; then C:\\board');
		expect(event!.description).toBe('Ask Priya; bring the plan, and notes.\nSecond line\n\nYour goals: https://course.example/goals/');
		const unfolded = ics.replace(/\r\n /g, '');
		expect(unfolded).toContain('SUMMARY:Call Sam\\, Jo\\; then C:\\\\board\r\n');
		expect(unfolded).toContain(
			'DESCRIPTION:Ask Priya\\; bring the plan\\, and notes.\\nSecond line\\n\\nYour goals: https://course.example/goals/\r\n',
		);
	});

	it('links every event to the goals page, with only the link when there are no notes', () => {
		const [, second] = parse(ics);
		expect(second!.description).toBe('Your goals: https://course.example/goals/');
		expect(second!.component.getFirstPropertyValue('url')).toBe('https://course.example/goals/');
	});

	it('keeps the same UID for a goal across downloads, so calendars update instead of duplicating', () => {
		const later = goalsCalendar([{ ...open, text: 'Renamed', revision: 5 }], { ...options, now: new Date('2026-04-01T00:00:00Z') });
		const [event] = parse(later);
		expect(event!.uid).toBe(parse(ics)[0]!.uid);
		expect(event!.sequence).toBe(5);
	});

	it('folds long non-ASCII text at 75 octets and a parser reads it back whole', () => {
		const text = `Café with Renée, Zoë; then 東京 office — ${'é東🎯'.repeat(20)}`.slice(0, 200);
		const notes = `Première étape: écrire à Łukasz, Søren; puis 🎯\n${'ü'.repeat(300)}`;
		const long = goalsCalendar([goal('own-long', { text, notes })], options);
		for (const line of physicalLines(long)) expect(octets(line)).toBeLessThanOrEqual(MAX_LINE_OCTETS);
		expect(physicalLines(long).some((line) => line.startsWith(' '))).toBe(true);
		const [event] = parse(long);
		expect(event!.summary).toBe(text);
		expect(event!.description).toBe(`${notes}\n\nYour goals: https://course.example/goals/`);
	});

	it('is an empty calendar when no open goal has a date', () => {
		const empty = goalsCalendar([done, undated], options);
		expect(parse(empty)).toEqual([]);
		expect(empty).toBe(
			[
				'BEGIN:VCALENDAR',
				'VERSION:2.0',
				`PRODID:${PRODID}`,
				'CALSCALE:GREGORIAN',
				'METHOD:PUBLISH',
				'X-WR-CALNAME:Strategic network goals',
				'END:VCALENDAR',
				'',
			].join('\r\n'),
		);
	});
});
