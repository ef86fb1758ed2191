/** Builders shared by the network calculation tests: one contact, invitation or group with sensible defaults. */
import { CURRENT_VERSION } from '../../../../src/lib/learner/stored-part';
import { networkPart, type Contact, type Group, type Invitation, type NetworkState } from '../../../../src/lib/network/network';
import { addContact, addGroup, addReferrals, logInvitation, markFollowedUp, setOwnSector } from '../../../../src/lib/network/reducers';

let counter = 0;

/** A contact; `createdAt` defaults to a fixed instant. */
export function contact(parts: Partial<Contact> = {}): Contact {
	counter += 1;
	return {
		id: `c-${counter}`,
		name: `Contact ${counter}`,
		started: 'reached-out',
		initiatedBy: 'me',
		benefitsToMe: [],
		benefitsFromMe: [],
		createdAt: '2026-03-01T10:00:00.000Z',
		...parts,
	};
}

/** An accepted invitation dated `date`. */
export function invitation(date: string, parts: Partial<Invitation> = {}): Invitation {
	counter += 1;
	return { id: `i-${counter}`, from: `Inviter ${counter}`, response: 'accepted', date, createdAt: '2026-03-01T10:00:00.000Z', ...parts };
}

/** A group with `newMembers` of `members` new to the reader. */
export function group(members: number, newMembers: number, parts: Partial<Group> = {}): Group {
	counter += 1;
	return {
		id: `g-${counter}`,
		name: `Group ${counter}`,
		joined: '2026-03-01',
		members,
		newMembers,
		createdAt: '2026-03-01T10:00:00.000Z',
		...parts,
	};
}

/** A network holding these contacts. */
export function network(contacts: Contact[], parts: Partial<NetworkState> = {}): NetworkState {
	return { version: CURRENT_VERSION, contacts, invitations: [], groups: [], ...parts };
}

/** An ISO date-time for a local calendar moment (so tests hold in every time zone). */
export function local(year: number, month: number, day: number, hour = 12): string {
	return new Date(year, month - 1, day, hour).toISOString();
}

/** The instant the full network's first items were recorded. */
export const now = new Date('2026-03-14T09:26:53.589Z');
/** The instant its referrals were recorded. */
export const later = new Date('2026-03-20T12:00:00.000Z');

/** A network with something of every kind, built by the reducers as the tools build it. */
export function fullNetwork(): NetworkState {
	let state = setOwnSector(networkPart.empty(), 'justice');
	state = logInvitation(
		state,
		{
			from: 'Priya N.',
			sector: 'health',
			response: 'accepted',
			iCouldLearn: 'How they triage demand.',
			theyCouldLearn: 'Case law basics.',
			date: '2026-03-02',
		},
		{ invitation: 'inv-1', newContactId: 'c-priya' },
		now,
	);
	state = logInvitation(
		state,
		{ from: 'Tom', response: 'declined', date: '2026-03-03' },
		{ invitation: 'inv-2', newContactId: 'c-unused' },
		now,
	);
	state = addGroup(state, { name: 'Mental health working group', joined: '2026-02-01', members: 7, newMembers: 5 }, 'g-mh', now);
	state = addContact(
		state,
		{
			name: 'Ana Silva',
			sector: 'Retail',
			field: 'Operations',
			started: 'group',
			groupId: 'g-mh',
			initiatedBy: 'me',
			benefitsToMe: ['innovate', 'trends'],
			benefitsFromMe: ['challenges'],
			lastContact: '2026-03-10',
			notes: 'Met at the kick-off.\nFollow up on supply chains.',
		},
		'c-ana',
		now,
	);
	state = addReferrals(state, 'c-priya', ['J. K.', 'Lee'], ['c-jk', 'c-lee'], later);
	return markFollowedUp(state, 'c-lee', '2026-03-21');
}
