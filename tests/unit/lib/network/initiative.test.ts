import { describe, expect, it } from 'vitest';
import { initiationShare, initiationsByMonth, lastTouch, reachOutThisWeek } from '../../../../src/lib/network/initiative';
import type { Contact } from '../../../../src/lib/network/network';
import { contact, local } from './fixtures';

const now = new Date(2026, 2, 14, 12); // 14 March 2026

describe('initiationsByMonth', () => {
	it('shows six empty months for an empty network, oldest first', () => {
		expect(initiationsByMonth([], now)).toEqual(
			['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03'].map((month) => ({ month, byMe: 0, byThem: 0 })),
		);
	});

	it.each<[string, Contact[], { byMe: number; byThem: number; share?: number }]>([
		['one contact the reader initiated', [contact({ createdAt: local(2026, 3, 2) })], { byMe: 1, byThem: 0, share: 1 }],
		['one contact who initiated', [contact({ initiatedBy: 'them', createdAt: local(2026, 3, 2) })], { byMe: 0, byThem: 1, share: 0 }],
		[
			'a tie',
			[contact({ createdAt: local(2026, 3, 2) }), contact({ initiatedBy: 'them', createdAt: local(2026, 3, 3) })],
			{ byMe: 1, byThem: 1, share: 0.5 },
		],
		[
			'a contact on the first moment of the month',
			[contact({ createdAt: new Date(2026, 2, 1, 0, 0).toISOString() })],
			{ byMe: 1, byThem: 0, share: 1 },
		],
		[
			'a contact on the last moment of the month before',
			[contact({ createdAt: new Date(2026, 1, 28, 23, 59, 59).toISOString() })],
			{ byMe: 0, byThem: 0 },
		],
	])('counts %s in the current month', (_name, contacts, expected) => {
		expect(initiationsByMonth(contacts, now).at(-1)).toEqual({ month: '2026-03', ...expected });
	});

	it('leaves out contacts older than the months shown', () => {
		const months = initiationsByMonth([contact({ createdAt: local(2025, 9, 30) }), contact({ createdAt: local(2025, 10, 1) })], now);
		expect(months[0]).toEqual({ month: '2025-10', byMe: 1, byThem: 0, share: 1 });
		expect(months.reduce((sum, month) => sum + month.byMe, 0)).toBe(1);
	});

	it('gives the overall share of first moves', () => {
		expect(initiationShare([])).toBeUndefined();
		expect(initiationShare([contact(), contact({ initiatedBy: 'them' }), contact(), contact()])).toBe(0.75);
	});
});

describe('reachOutThisWeek', () => {
	const today = '2026-03-14';
	const named = (name: string, lastContact: string) => contact({ name, lastContact });

	it.each<[string, Contact[], string[]]>([
		['an empty network', [], []],
		['one contact in touch today', [named('Ann', today)], []],
		['one contact 59 days ago', [named('Ann', '2026-01-14')], []],
		['one contact exactly 60 days ago', [named('Ann', '2026-01-13')], ['Ann']],
		['one contact 61 days ago', [named('Ann', '2026-01-12')], ['Ann']],
		[
			'several, longest silence first',
			[named('Recent', '2026-01-10'), named('Oldest', '2025-06-01'), named('Middle', '2025-11-01')],
			['Oldest', 'Middle', 'Recent'],
		],
		['a tie, by name', [named('Bea', '2025-12-01'), named('Abe', '2025-12-01')], ['Abe', 'Bea']],
		['a contact never in touch, recorded 60 days ago', [contact({ name: 'Never', createdAt: local(2026, 1, 13) })], ['Never']],
		['a contact never in touch, recorded 59 days ago', [contact({ name: 'Never', createdAt: local(2026, 1, 14) })], []],
	])('lists %s', (_name, contacts, names) => {
		expect(reachOutThisWeek(contacts, today).map((due) => due.contact.name)).toEqual(names);
	});

	it('says since when and how many days', () => {
		expect(reachOutThisWeek([named('Ann', '2026-01-13')], today)).toEqual([
			{ contact: expect.objectContaining({ name: 'Ann' }), since: '2026-01-13', days: 60 },
		]);
	});

	it('takes the last contact over the day a contact was recorded', () => {
		expect(lastTouch(contact({ lastContact: '2026-03-01', createdAt: local(2026, 1, 1) }))).toBe('2026-03-01');
		expect(lastTouch(contact({ createdAt: local(2026, 1, 1) }))).toBe('2026-01-01');
	});
});
