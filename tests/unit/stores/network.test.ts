import { beforeEach, describe, expect, it } from 'vitest';
import { networkPart } from '../../../src/lib/network/network';
import {
	$network,
	addContact,
	addGroup,
	deleteContact,
	deleteGroup,
	logInvitation,
	markFollowedUp,
	addReferrals,
	undoDelete,
} from '../../../src/stores/network';

const names = () => $network.get().contacts.map((contact) => contact.name);

describe('network store actions', () => {
	beforeEach(() => $network.set(networkPart.empty()));

	it('give every new contact, invitation and group a distinct, valid id', () => {
		addContact({ name: 'Ann', started: 'reached-out', initiatedBy: 'me' });
		addContact({ name: 'Ben', started: 'reached-out', initiatedBy: 'me' });
		logInvitation({ from: 'Cy', response: 'accepted', date: '2026-03-01' });
		addGroup({ name: 'Board', joined: '2026-03-01', members: 5, newMembers: 2 });
		const state = $network.get();
		const ids = [...state.contacts, ...state.invitations, ...state.groups].map((item) => item.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
	});

	it('link an accepted invitation to the contact it created, and return its id', () => {
		const id = logInvitation({ from: 'Cy', response: 'accepted', date: '2026-03-01' });
		expect($network.get().contacts.map((contact) => contact.id)).toEqual([id]);
		expect(logInvitation({ from: 'Di', response: 'declined', date: '2026-03-01' })).toBeUndefined();
	});

	it('undo a deletion when nothing changed since, exactly', () => {
		const id = addContact({ name: 'Ann', started: 'reached-out', initiatedBy: 'me' });
		addReferrals(id, ['Ben']);
		const before = $network.get();
		deleteContact(id);
		expect(names()).toEqual(['Ben']);
		expect(undoDelete()).toBe(true);
		expect($network.get()).toBe(before);
		expect(undoDelete(), 'only once').toBe(false);
	});

	it('refuse to undo once something else changed', () => {
		const id = addContact({ name: 'Ann', started: 'reached-out', initiatedBy: 'me' });
		deleteContact(id);
		addContact({ name: 'Ben', started: 'reached-out', initiatedBy: 'me' });
		expect(undoDelete()).toBe(false);
		expect(names()).toEqual(['Ben']);
	});

	it('undo a group deletion too', () => {
		addGroup({ name: 'Board', joined: '2026-03-01', members: 5, newMembers: 2 });
		deleteGroup($network.get().groups[0]!.id);
		expect(undoDelete()).toBe(true);
		expect($network.get().groups.map((group) => group.name)).toEqual(['Board']);
	});

	it('mark a referral followed up, in touch today', () => {
		const id = addContact({ name: 'Ann', started: 'reached-out', initiatedBy: 'me' });
		addReferrals(id, ['Ben']);
		const ben = $network.get().contacts[1]!;
		markFollowedUp(ben.id);
		expect($network.get().contacts[1]).toMatchObject({ followUp: 'done', lastContact: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
	});
});
