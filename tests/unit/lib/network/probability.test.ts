import { describe, expect, it } from 'vitest';
import {
	N_RANGE,
	P_RANGE,
	chanceOfAtLeastOne,
	clamp,
	clampN,
	clampP,
	isOutreach,
	outreachThisQuarter,
	peopleNeeded,
	probabilityCurve,
	plotPoint,
	curvePath,
} from '../../../../src/lib/network/probability';
import type { Contact } from '../../../../src/lib/network/network';
import { contact, local } from './fixtures';

describe('clamping', () => {
	it.each([
		[5, 0, 10, 5],
		[-1, 0, 10, 0],
		[11, 0, 10, 10],
		[0, 0, 10, 0],
		[10, 0, 10, 10],
		[Number.NaN, 0, 10, 0],
		[Number.POSITIVE_INFINITY, 0, 10, 10],
	])('clamp(%s, %s, %s) is %s', (value, min, max, expected) => {
		expect(clamp(value, min, max)).toBe(expected);
	});

	it.each([
		[0.1, 0.1],
		[0, P_RANGE.min],
		[-0.2, P_RANGE.min],
		[0.01, 0.01],
		[0.5, 0.5],
		[0.9, P_RANGE.max],
		[Number.NaN, P_RANGE.min],
	])('p %s is clamped to %s', (p, expected) => {
		expect(clampP(p)).toBe(expected);
	});

	it.each([
		[20, 20],
		[-3, 0],
		[0, 0],
		[100, 100],
		[900, N_RANGE.max],
		[7.4, 7],
		[7.5, 8],
	])('n %s is clamped to %s', (n, expected) => {
		expect(clampN(n)).toBe(expected);
	});
});

describe('chanceOfAtLeastOne', () => {
	it.each([
		[0.1, 0, 0],
		[0.1, 1, 0.1],
		[0.1, 2, 0.19],
		[0.1, 10, 1 - 0.9 ** 10],
		[0.5, 1, 0.5],
		[0.5, 3, 0.875],
		[0.01, 100, 1 - 0.99 ** 100],
		[0.9, 1, 0.5],
		[0.1, 500, 1 - 0.9 ** 100],
		[0, 10, 1 - 0.99 ** 10],
	])('p %s and n %s give %s', (p, n, expected) => {
		expect(chanceOfAtLeastOne(p, n)).toBeCloseTo(expected, 12);
	});
});

describe('the curve over n', () => {
	it('has a point for every n from 0 to 100, rising from 0', () => {
		const curve = probabilityCurve(0.1);
		expect(curve).toHaveLength(101);
		expect(curve[0]).toEqual({ n: 0, chance: 0 });
		expect(curve.every((point, index) => index === 0 || point.chance > curve[index - 1]!.chance)).toBe(true);
	});

	it.each([
		[0.5, 0.5, 1],
		[0.1, 0.5, 7],
		[0.1, 0.9, 22],
		[0.01, 0.5, 69],
		[0.01, 0.9, undefined],
	])('at p %s, a %s chance needs %s people', (p, target, n) => {
		expect(peopleNeeded(p, target)).toBe(n);
	});
});

describe('outreach this quarter', () => {
	const now = new Date(2026, 4, 15, 12); // 15 May 2026: the quarter is April to June
	it.each<[string, Contact[], number]>([
		['an empty network', [], 0],
		['one contact the reader reached out to this quarter', [contact({ createdAt: local(2026, 4, 2) })], 1],
		['a contact recorded on the first moment of the quarter', [contact({ createdAt: new Date(2026, 3, 1, 0, 0).toISOString() })], 1],
		[
			'a contact recorded on the last moment of the previous quarter',
			[contact({ createdAt: new Date(2026, 2, 31, 23, 59, 59).toISOString() })],
			0,
		],
		['a contact recorded next quarter', [contact({ createdAt: local(2026, 7, 1) })], 0],
		['an invitation the reader accepted', [contact({ started: 'invitation', initiatedBy: 'them', createdAt: local(2026, 5, 1) })], 0],
		['a group contact the reader approached', [contact({ started: 'group', initiatedBy: 'me', createdAt: local(2026, 5, 1) })], 1],
		[
			'a mix',
			[
				contact({ createdAt: local(2026, 4, 10) }),
				contact({ started: 'introduced', createdAt: local(2026, 6, 30) }),
				contact({ createdAt: local(2026, 1, 10) }),
			],
			2,
		],
	])('counts %s', (_name, contacts, count) => {
		expect(outreachThisQuarter(contacts, now)).toBe(count);
	});

	it('counts a contact the reader reached out to even if "them" was ticked', () => {
		expect(isOutreach(contact({ started: 'reached-out', initiatedBy: 'them' }))).toBe(true);
	});
});

describe('the curve as an SVG path', () => {
	const box = { left: 0, right: 100, top: 0, bottom: 100 };
	it('maps n to x and the chance to y, top being 100%', () => {
		expect(plotPoint(0, 0, box)).toEqual({ x: 0, y: 100 });
		expect(plotPoint(100, 1, box)).toEqual({ x: 100, y: 0 });
		expect(plotPoint(50, 0.5, box)).toEqual({ x: 50, y: 50 });
		expect(plotPoint(500, 2, box)).toEqual({ x: 100, y: 0 });
	});

	it('starts at n = 0 with no chance and has a point per n', () => {
		const path = curvePath(0.5, box);
		expect(path.startsWith('M0 100L1 50L2 25')).toBe(true);
		expect(path.match(/[ML]/g)).toHaveLength(101);
	});

	it('can take every few points, always ending at n = 100', () => {
		expect(curvePath(0.5, box, 4).match(/[ML]/g)).toHaveLength(26);
		expect(curvePath(0.5, box, 3).match(/[ML]/g)).toHaveLength(35);
		expect(curvePath(0.5, box, 3).endsWith('L100 0')).toBe(true);
	});
});
