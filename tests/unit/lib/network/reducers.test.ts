import { describe, expect, it } from 'vitest';
import { introducerName, groupNameOf, networkPart } from '../../../../src/lib/network/network';
import {
	contactFromDraft,
	deleteContact,
	deleteGroup,
	deleteInvitation,
	logInvitation,
	markFollowedUp,
	recordContact,
	setBenefits,
	setOwnSector,
	updateContact,
} from '../../../../src/lib/network/reducers';
import { fullNetwork, later, now } from './fixtures';

const emptyNetwork = () => networkPart.empty();

describe('reducers', () => {
	it('an accepted invitation creates a contact who invited the reader, last in touch on the invitation day', () => {
		const state = fullNetwork();
		expect(state.contacts[0]).toEqual({
			id: 'c-priya',
			name: 'Priya N.',
			sector: 'health',
			started: 'invitation',
			initiatedBy: 'them',
			benefitsToMe: [],
			benefitsFromMe: [],
			lastContact: '2026-03-02',
			createdAt: now.toISOString(),
		});
		expect(state.invitations[0]?.contactId).toBe('c-priya');
	});

	it('a declined invitation creates no contact', () => {
		const state = logInvitation(
			emptyNetwork(),
			{ from: 'Tom', response: 'declined', date: '2026-03-03' },
			{ invitation: 'i', newContactId: 'c' },
			now,
		);
		expect(state.contacts).toEqual([]);
		expect(state.invitations).toEqual([{ id: 'i', from: 'Tom', response: 'declined', date: '2026-03-03', createdAt: now.toISOString() }]);
	});

	it('an accepted invitation from someone already in the map links to them and moves their last contact up', () => {
		const state = logInvitation(
			fullNetwork(),
			{ from: 'priya n.', response: 'accepted', date: '2026-03-12' },
			{ invitation: 'i3', newContactId: 'c-new', linkTo: 'c-priya' },
			later,
		);
		expect(state.contacts).toHaveLength(4);
		expect(state.contacts.find((c) => c.id === 'c-priya')?.lastContact).toBe('2026-03-12');
		expect(state.invitations.at(-1)?.contactId).toBe('c-priya');
	});

	it('referrals become pending introductions by the referrer, first move the reader’s', () => {
		const jk = fullNetwork().contacts.find((c) => c.id === 'c-jk');
		expect(jk).toEqual({
			id: 'c-jk',
			name: 'J. K.',
			started: 'introduced',
			introducedById: 'c-priya',
			initiatedBy: 'me',
			benefitsToMe: [],
			benefitsFromMe: [],
			followUp: 'pending',
			createdAt: later.toISOString(),
		});
	});

	it('marking a referral followed up sets it done and in touch today', () => {
		const lee = fullNetwork().contacts.find((c) => c.id === 'c-lee');
		expect(lee?.followUp).toBe('done');
		expect(lee?.lastContact).toBe('2026-03-21');
	});

	it('recording contact never moves the last-contact day back', () => {
		const state = recordContact(fullNetwork(), 'c-ana', '2026-01-01');
		expect(state.contacts.find((c) => c.id === 'c-ana')?.lastContact).toBe('2026-03-10');
	});

	it('benefits are stored in the post’s order without repeats', () => {
		const state = setBenefits(fullNetwork(), 'c-priya', ['repurpose', 'trends', 'trends'], ['strategy']);
		const priya = state.contacts.find((c) => c.id === 'c-priya');
		expect([priya?.benefitsToMe, priya?.benefitsFromMe]).toEqual([['trends', 'repurpose'], ['strategy']]);
	});

	it('deleting an introducer keeps their name on the people they introduced and unlinks their invitation', () => {
		const state = deleteContact(fullNetwork(), 'c-priya');
		expect(state.contacts.map((c) => c.id)).toEqual(['c-ana', 'c-jk', 'c-lee']);
		const jk = state.contacts.find((c) => c.id === 'c-jk')!;
		expect(jk.introducedById).toBeUndefined();
		expect(introducerName(state, jk)).toBe('Priya N.');
		expect(state.invitations[0]?.contactId).toBeUndefined();
		expect(networkPart.read(JSON.parse(JSON.stringify(state))).dropped).toEqual([]);
	});

	it('deleting a contact that is not there changes nothing', () => {
		const state = fullNetwork();
		expect(deleteContact(state, 'c-nobody')).toBe(state);
	});

	it('deleting a group keeps its name on the contacts met there', () => {
		const state = deleteGroup(fullNetwork(), 'g-mh');
		const ana = state.contacts.find((c) => c.id === 'c-ana')!;
		expect(state.groups).toEqual([]);
		expect(groupNameOf(state, ana)).toBe('Mental health working group');
		expect(ana.groupId).toBeUndefined();
	});

	it('deleting an invitation keeps the contact it created', () => {
		const state = deleteInvitation(fullNetwork(), 'inv-1');
		expect(state.invitations.map((i) => i.id)).toEqual(['inv-2']);
		expect(state.contacts.some((c) => c.id === 'c-priya')).toBe(true);
	});

	it('editing a contact keeps its id and creation time and drops fields that no longer apply', () => {
		const state = updateContact(fullNetwork(), 'c-jk', {
			name: 'Jo King',
			started: 'reached-out',
			initiatedBy: 'me',
			followUp: 'pending',
			introducedById: 'c-priya',
		});
		expect(state.contacts.find((c) => c.id === 'c-jk')).toEqual({
			id: 'c-jk',
			name: 'Jo King',
			started: 'reached-out',
			initiatedBy: 'me',
			benefitsToMe: [],
			benefitsFromMe: [],
			createdAt: later.toISOString(),
		});
	});

	it('a draft with blank optional text stores no empty fields', () => {
		expect(
			contactFromDraft(
				{ name: '  Sam  ', sector: ' ', field: '', notes: '  ', started: 'group', groupName: ' ', initiatedBy: 'me' },
				'c',
				now.toISOString(),
			),
		).toEqual({
			id: 'c',
			name: 'Sam',
			started: 'group',
			initiatedBy: 'me',
			benefitsToMe: [],
			benefitsFromMe: [],
			createdAt: now.toISOString(),
		});
	});

	it('setting a blank own sector clears it', () => {
		expect(setOwnSector(setOwnSector(emptyNetwork(), 'justice'), '  ')).toEqual(emptyNetwork());
	});

	it('reducers never change the state they are given', () => {
		const state = fullNetwork();
		const copy = JSON.parse(JSON.stringify(state));
		deleteContact(state, 'c-priya');
		setBenefits(state, 'c-ana', [], []);
		markFollowedUp(state, 'c-jk', '2026-04-01');
		deleteGroup(state, 'g-mh');
		expect(state).toEqual(copy);
	});
});
