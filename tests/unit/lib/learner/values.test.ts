import { describe, expect, it } from 'vitest';
import { isCleanLine, isIsoDateTime, isObject, isRealIsoDate, isSlug, quoted } from '../../../../src/lib/learner/values';

describe('isRealIsoDate', () => {
	it.each<[unknown, boolean]>([
		['2026-03-14', true],
		['2024-02-29', true],
		['2000-02-29', true],
		['0000-02-29', true],
		['0001-01-01', true],
		['2026-12-31', true],
		['2025-02-29', false],
		['1900-02-29', false],
		['2026-02-30', false],
		['2026-04-31', false],
		['2026-13-01', false],
		['2026-00-10', false],
		['2026-01-00', false],
		['2026-1-5', false],
		['14/03/2026', false],
		['2026-03-14T00:00', false],
		['', false],
		[20260314, false],
		[null, false],
	])('%s is a real date: %s', (value, real) => {
		expect(isRealIsoDate(value)).toBe(real);
	});
});

describe('isIsoDateTime', () => {
	it.each<[unknown, boolean]>([
		['2026-03-14T09:26:53.589Z', true],
		['2026-03-14T09:26:53Z', true],
		['2026-03-14T09:26:53.123456789Z', true],
		['2026-03-14T10:26:53+01:00', true],
		['2026-03-14T04:26:53-05:00', true],
		['2028-02-29T23:59:59.999-05:30', true],
		['2026-03-14', false],
		['2026-03-14 09:26:53Z', false],
		['2026-03-14T09:26:53', false],
		['2026-03-14T09:26Z', false],
		['2026-03-14T09:26:53+0100', false],
		['2026-03-14T24:00:00Z', false],
		['2026-03-14T09:26:60Z', false],
		['2026-03-14T09:26:53+24:00', false],
		['2026-02-30T10:00:00Z', false],
		['2026-13-01T00:00:00Z', false],
		['', false],
		[1_700_000_000_000, false],
	])('%s is an ISO date-time: %s', (value, valid) => {
		expect(isIsoDateTime(value)).toBe(valid);
	});
});

describe('other value rules', () => {
	it('isSlug accepts lowercase kebab-case ids within a length', () => {
		expect([isSlug('seek-linkages'), isSlug('a1'), isSlug('x'.repeat(64), 64)]).toEqual([true, true, true]);
		expect([isSlug('Seek'), isSlug('a--b'), isSlug('-a'), isSlug('a_b'), isSlug(''), isSlug('x'.repeat(65), 64), isSlug(7)]).toEqual(
			Array(7).fill(false),
		);
	});

	it('isCleanLine accepts trimmed text of 1 to max characters without control characters', () => {
		expect([isCleanLine('Sam', 3), isCleanLine('Café – 東京', 20)]).toEqual([true, true]);
		expect([
			isCleanLine('', 3),
			isCleanLine(' Sam', 9),
			isCleanLine('Samuel', 3),
			isCleanLine('a\nb', 9),
			isCleanLine('a\u0085b', 9),
		]).toEqual(Array(5).fill(false));
		expect(isCleanLine('a\nb', 9, /[\t]/), 'a custom rule can allow line feeds').toBe(true);
	});

	it('isObject accepts plain objects only', () => {
		expect([isObject({}), isObject(Object.create(null)), isObject([]), isObject(null), isObject('x')]).toEqual([
			true,
			true,
			false,
			false,
			false,
		]);
	});

	it('quoted names a value in curly quotes, cut to 40 characters', () => {
		expect(quoted('Sam')).toBe('“Sam”');
		expect(quoted('x'.repeat(60))).toBe(`“${'x'.repeat(40)}”`);
	});
});
