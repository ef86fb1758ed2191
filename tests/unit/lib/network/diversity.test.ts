import { describe, expect, it } from 'vitest';
import {
	diversityIndex,
	diversityLevel,
	giniSimpson,
	newMembersTotal,
	ownSectorShare,
	sectorMix,
} from '../../../../src/lib/network/diversity';
import type { Contact } from '../../../../src/lib/network/network';
import { contact, group } from './fixtures';

const inSector = (...sectors: (string | undefined)[]) => sectors.map((sector) => contact(sector ? { sector } : {}));

describe('giniSimpson', () => {
	it.each([
		[[], 0],
		[[0, 0], 0],
		[[5], 0],
		[[1, 1], 0.5],
		[[2, 2], 0.5],
		[[1, 1, 1], 2 / 3],
		[[1, 1, 1, 1], 0.75],
		[[3, 1], 1 - (0.75 ** 2 + 0.25 ** 2)],
		[[6, 2, 1, 1], 1 - (0.36 + 0.04 + 0.01 + 0.01)],
	])('of %j is %s', (counts, index) => {
		expect(giniSimpson(counts)).toBeCloseTo(index, 12);
	});
});

describe('sectorMix', () => {
	it('of an empty network is empty', () => {
		expect(sectorMix([])).toEqual({ sectors: [], known: 0, unknown: 0 });
	});

	it('of one contact is one sector with all the share', () => {
		expect(sectorMix(inSector('health'))).toEqual({
			sectors: [{ key: 'health', sector: 'health', count: 1, share: 1 }],
			known: 1,
			unknown: 0,
		});
	});

	it('groups a sector typed in different cases, most contacts first, ties alphabetically, unknown apart', () => {
		const mix = sectorMix(inSector('Retail', 'health', 'retail', 'arts', undefined, 'health'));
		expect(mix.sectors.map((s) => [s.sector, s.count])).toEqual([
			['health', 2],
			['Retail', 2],
			['arts', 1],
		]);
		expect(mix.sectors[0]!.share).toBeCloseTo(0.4, 12);
		expect([mix.known, mix.unknown]).toEqual([5, 1]);
	});
});

describe('diversityIndex and its reading', () => {
	it.each<[string, Contact[], number, string]>([
		['an empty network', [], 0, 'none'],
		['one contact', inSector('health'), 0, 'none'],
		['contacts without sectors', inSector(undefined, undefined), 0, 'none'],
		['two contacts in one sector', inSector('health', 'health'), 0, 'low'],
		['three in one sector and one elsewhere', inSector('health', 'health', 'health', 'arts'), 0.375, 'low'],
		['two sectors in balance', inSector('health', 'arts'), 0.5, 'moderate'],
		['three sectors in balance', inSector('health', 'arts', 'justice'), 2 / 3, 'moderate'],
		['four sectors in balance', inSector('health', 'arts', 'justice', 'finance'), 0.75, 'high'],
	])('%s has index %s, read as %s', (_name, contacts, index, level) => {
		const value = diversityIndex(contacts);
		expect(value).toBeCloseTo(index, 12);
		expect(diversityLevel(value, sectorMix(contacts).known)).toBe(level);
	});

	it.each([
		[0.3999, 'low'],
		[0.4, 'moderate'],
		[0.6999, 'moderate'],
		[0.7, 'high'],
	])('an index of %s with enough contacts reads %s', (index, level) => {
		expect(diversityLevel(index, 10)).toBe(level);
	});
});

describe('ownSectorShare: the birds-of-a-feather warning', () => {
	it.each<[string, Contact[], { same: number; known: number; birdsOfAFeather: boolean }]>([
		['an empty network', [], { same: 0, known: 0, birdsOfAFeather: false }],
		['one contact in the own sector', inSector('justice'), { same: 1, known: 1, birdsOfAFeather: true }],
		['one contact elsewhere', inSector('health'), { same: 0, known: 1, birdsOfAFeather: false }],
		['exactly half in the own sector', inSector('justice', 'health'), { same: 1, known: 2, birdsOfAFeather: false }],
		['just over half', inSector('justice', 'Justice', 'health'), { same: 2, known: 3, birdsOfAFeather: true }],
		[
			'half, with unknown sectors left out',
			inSector('justice', 'health', undefined, undefined),
			{ same: 1, known: 2, birdsOfAFeather: false },
		],
	])('%s', (_name, contacts, expected) => {
		const result = ownSectorShare(contacts, 'justice');
		expect({ same: result.same, known: result.known, birdsOfAFeather: result.birdsOfAFeather }).toEqual(expected);
	});
});

describe('newMembersTotal', () => {
	it.each([
		['no groups', [], { newMembers: 0, members: 0 }],
		['the executive’s group: 5 of 7 new', [group(7, 5)], { newMembers: 5, members: 7 }],
		['two groups', [group(7, 5), group(10, 0)], { newMembers: 5, members: 17 }],
	])('sums %s', (_name, groups, total) => {
		expect(newMembersTotal(groups)).toEqual(total);
	});
});
