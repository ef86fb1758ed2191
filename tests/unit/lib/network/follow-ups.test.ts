import { describe, expect, it } from 'vitest';
import { pendingFollowUps } from '../../../../src/lib/network/follow-ups';
import type { Contact } from '../../../../src/lib/network/network';
import { contact, network } from './fixtures';

const referrer = contact({ id: 'c-ref', name: 'Referrer' });
const referral = (name: string, createdAt: string, parts: Partial<Contact> = {}) =>
	contact({ name, started: 'introduced', introducedById: 'c-ref', followUp: 'pending', createdAt, ...parts });

describe('pendingFollowUps', () => {
	it.each<[string, Contact[], string[]]>([
		['an empty network', [], []],
		['one pending referral', [referrer, referral('Ann', '2026-03-01T10:00:00Z')], ['Ann']],
		['one done referral', [referrer, referral('Ann', '2026-03-01T10:00:00Z', { followUp: 'done' })], []],
		['a contact the reader reached out to', [referrer], []],
		[
			'referrals recorded at different times, oldest first',
			[
				referrer,
				referral('New', '2026-03-05T10:00:00Z'),
				referral('Old', '2026-03-01T10:00:00Z'),
				referral('Middle', '2026-03-03T10:00:00+02:00'),
			],
			['Old', 'Middle', 'New'],
		],
		[
			'a tie in time, by name',
			[referrer, referral('Bea', '2026-03-01T10:00:00Z'), referral('Abe', '2026-03-01T10:00:00Z')],
			['Abe', 'Bea'],
		],
	])('lists %s', (_name, contacts, names) => {
		expect(pendingFollowUps(network(contacts)).map((due) => due.contact.name)).toEqual(names);
	});

	it('names who introduced each one: a contact in the map, a typed name, or nobody known', () => {
		const state = network([
			referrer,
			referral('Ann', '2026-03-01T10:00:00Z'),
			referral('Ben', '2026-03-02T10:00:00Z', { introducedById: undefined, introducedByName: 'Dee' }),
			referral('Cal', '2026-03-03T10:00:00Z', { introducedById: 'c-gone' }),
		]);
		expect(pendingFollowUps(state).map((due) => due.introducer)).toEqual(['Referrer', 'Dee', undefined]);
	});
});
