/** Builders shared by the network calculation tests: one contact, invitation or group with sensible defaults. */
import { CURRENT_VERSION } from '../../../../src/lib/progress/progress';
import type { Contact, Group, Invitation, NetworkState } from '../../../../src/lib/network/network';

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
