import { describe, expect, it } from 'vitest';
import { dayOf, daysBetween, localIsoDate, monthKey, quarterOf, recentMonths } from '../../../../src/lib/calendar/dates';

describe('daysBetween', () => {
	it.each([
		['2026-03-14', '2026-03-14', 0],
		['2026-03-13', '2026-03-14', 1],
		['2026-03-14', '2026-03-13', -1],
		['2025-12-14', '2026-03-14', 90],
		['2024-02-28', '2024-03-01', 2],
		['2026-03-28', '2026-03-30', 2],
		['2025-03-14', '2026-03-14', 365],
	])('from %s to %s is %i days', (from, to, days) => {
		expect(daysBetween(from, to)).toBe(days);
	});
});

describe('local calendar helpers', () => {
	it('formats the local day and month of a moment', () => {
		const moment = new Date(2026, 0, 5, 23, 30);
		expect(localIsoDate(moment)).toBe('2026-01-05');
		expect(monthKey(moment)).toBe('2026-01');
		expect(dayOf(moment.toISOString())).toBe('2026-01-05');
	});

	it.each([
		[new Date(2026, 0, 1), new Date(2026, 0, 1), new Date(2026, 3, 1)],
		[new Date(2026, 2, 31, 23, 59), new Date(2026, 0, 1), new Date(2026, 3, 1)],
		[new Date(2026, 3, 1), new Date(2026, 3, 1), new Date(2026, 6, 1)],
		[new Date(2026, 11, 31), new Date(2026, 9, 1), new Date(2027, 0, 1)],
	])('the quarter of %s runs from %s to %s', (now, start, end) => {
		expect(quarterOf(now)).toEqual({ start, end });
	});

	it('lists recent months oldest first, across a year boundary', () => {
		expect(recentMonths(new Date(2026, 1, 15), 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
		expect(recentMonths(new Date(2026, 1, 15), 1)).toEqual(['2026-02']);
	});
});
