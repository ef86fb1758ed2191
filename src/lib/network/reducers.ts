/**
 * Changes to the network map: pure reducers that return new states and never
 * mutate. No clock or randomness of their own (callers pass `now` and new
 * ids), so every rule is unit-tested. The store (src/stores/network.ts)
 * supplies both and is the only caller in the site.
 */
import {
	orderBenefits,
	type Benefit,
	type Contact,
	type ContactDraft,
	type Group,
	type GroupDraft,
	type Invitation,
	type InvitationDraft,
	type NetworkState,
} from './network';

const blankToUndefined = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value.trim());

/** Builds a stored contact from a draft, keeping only the fields that apply to how it started. */
export function contactFromDraft(draft: ContactDraft, id: string, createdAt: string): Contact {
	const contact: Contact = {
		id,
		name: draft.name.trim(),
		started: draft.started,
		initiatedBy: draft.initiatedBy,
		benefitsToMe: orderBenefits(draft.benefitsToMe ?? []),
		benefitsFromMe: orderBenefits(draft.benefitsFromMe ?? []),
		createdAt,
	};
	const sector = blankToUndefined(draft.sector);
	const field = blankToUndefined(draft.field);
	const notes = draft.notes?.trim() ? draft.notes.trim() : undefined;
	if (sector) contact.sector = sector;
	if (field) contact.field = field;
	if (draft.started === 'introduced') {
		const byName = blankToUndefined(draft.introducedByName);
		if (draft.introducedById) contact.introducedById = draft.introducedById;
		else if (byName) contact.introducedByName = byName;
		contact.followUp = draft.followUp ?? 'pending';
	}
	if (draft.started === 'group') {
		const groupName = blankToUndefined(draft.groupName);
		if (draft.groupId) contact.groupId = draft.groupId;
		else if (groupName) contact.groupName = groupName;
	}
	if (draft.lastContact) contact.lastContact = draft.lastContact;
	if (notes) contact.notes = notes;
	return contact;
}

/** Sets the reader’s own sector (blank clears it). */
export function setOwnSector(state: NetworkState, sector: string): NetworkState {
	const value = blankToUndefined(sector);
	const { ownSector: _previous, ...rest } = state;
	return value ? { ...rest, ownSector: value } : rest;
}

/** Adds a contact. */
export function addContact(state: NetworkState, draft: ContactDraft, id: string, now: Date): NetworkState {
	return { ...state, contacts: [...state.contacts, contactFromDraft(draft, id, now.toISOString())] };
}

/** Replaces a contact’s details, keeping its id and creation time. */
export function updateContact(state: NetworkState, id: string, draft: ContactDraft): NetworkState {
	return {
		...state,
		contacts: state.contacts.map((contact) => (contact.id === id ? contactFromDraft(draft, id, contact.createdAt) : contact)),
	};
}

/**
 * Removes a contact. People they introduced keep the introducer’s name, and
 * invitations that created them are kept, unlinked: the history stays true.
 */
export function deleteContact(state: NetworkState, id: string): NetworkState {
	const gone = state.contacts.find((contact) => contact.id === id);
	if (!gone) return state;
	return {
		...state,
		contacts: state.contacts
			.filter((contact) => contact.id !== id)
			.map((contact) => {
				if (contact.introducedById !== id) return contact;
				const { introducedById: _id, ...rest } = contact;
				return { ...rest, introducedByName: gone.name };
			}),
		invitations: state.invitations.map((invitation) => {
			if (invitation.contactId !== id) return invitation;
			const { contactId: _id, ...rest } = invitation;
			return rest;
		}),
	};
}

/** Changes one contact with `change`, if it exists. */
function changeContact(state: NetworkState, id: string, change: (contact: Contact) => Contact): NetworkState {
	return { ...state, contacts: state.contacts.map((contact) => (contact.id === id ? change(contact) : contact)) };
}

/** Records which benefits could flow each way with a contact. */
export function setBenefits(state: NetworkState, id: string, toMe: readonly Benefit[], fromMe: readonly Benefit[]): NetworkState {
	return changeContact(state, id, (contact) => ({ ...contact, benefitsToMe: orderBenefits(toMe), benefitsFromMe: orderBenefits(fromMe) }));
}

/** Records that the reader was in touch with a contact on `day` (never moves the date back). */
export function recordContact(state: NetworkState, id: string, day: string): NetworkState {
	return changeContact(state, id, (contact) =>
		contact.lastContact && contact.lastContact >= day ? contact : { ...contact, lastContact: day },
	);
}

/** Marks a referral followed up, in touch on `day`. */
export function markFollowedUp(state: NetworkState, id: string, day: string): NetworkState {
	const touched = recordContact(state, id, day);
	return changeContact(touched, id, (contact) => (contact.started === 'introduced' ? { ...contact, followUp: 'done' } : contact));
}

/**
 * Logs an invitation. Accepting one links it to a contact: `linkTo` (an
 * existing contact the reader confirmed is the same person, whose last contact
 * moves up to the invitation day) or a new contact (`newContactId`) who
 * started the connection by inviting the reader.
 */
export function logInvitation(
	state: NetworkState,
	draft: InvitationDraft,
	ids: { invitation: string; newContactId: string; linkTo?: string },
	now: Date,
): NetworkState {
	const invitation: Invitation = {
		id: ids.invitation,
		from: draft.from.trim(),
		response: draft.response,
		date: draft.date,
		createdAt: now.toISOString(),
	};
	const sector = blankToUndefined(draft.sector);
	const iCouldLearn = blankToUndefined(draft.iCouldLearn);
	const theyCouldLearn = blankToUndefined(draft.theyCouldLearn);
	if (sector) invitation.sector = sector;
	if (iCouldLearn) invitation.iCouldLearn = iCouldLearn;
	if (theyCouldLearn) invitation.theyCouldLearn = theyCouldLearn;
	let next = state;
	if (draft.response === 'accepted') {
		const existing = ids.linkTo && state.contacts.find((contact) => contact.id === ids.linkTo);
		if (existing) {
			invitation.contactId = existing.id;
			next = recordContact(state, existing.id, draft.date);
		} else {
			invitation.contactId = ids.newContactId;
			const contact: ContactDraft = { name: draft.from, sector, started: 'invitation', initiatedBy: 'them', lastContact: draft.date };
			next = addContact(state, contact, ids.newContactId, now);
		}
	}
	return { ...next, invitations: [...next.invitations, invitation] };
}

/** Removes a logged invitation (the contact it created stays). */
export function deleteInvitation(state: NetworkState, id: string): NetworkState {
	return { ...state, invitations: state.invitations.filter((invitation) => invitation.id !== id) };
}

/**
 * Adds the people a contact referred the reader to: each becomes a contact
 * introduced by the referrer, first move the reader’s, follow-up pending.
 */
export function addReferrals(
	state: NetworkState,
	referrerId: string,
	names: readonly string[],
	ids: readonly string[],
	now: Date,
): NetworkState {
	return names.reduce(
		(next, name, index) =>
			addContact(
				next,
				{ name, started: 'introduced', introducedById: referrerId, initiatedBy: 'me', followUp: 'pending' },
				ids[index]!,
				now,
			),
		state,
	);
}

/** Records a group the reader joined. */
export function addGroup(state: NetworkState, draft: GroupDraft, id: string, now: Date): NetworkState {
	const group: Group = {
		id,
		name: draft.name.trim(),
		joined: draft.joined,
		members: draft.members,
		newMembers: draft.newMembers,
		createdAt: now.toISOString(),
	};
	return { ...state, groups: [...state.groups, group] };
}

/** Removes a group; contacts met there keep the group’s name. */
export function deleteGroup(state: NetworkState, id: string): NetworkState {
	const gone = state.groups.find((group) => group.id === id);
	if (!gone) return state;
	return {
		...state,
		groups: state.groups.filter((group) => group.id !== id),
		contacts: state.contacts.map((contact) => {
			if (contact.groupId !== id) return contact;
			const { groupId: _id, ...rest } = contact;
			return { ...rest, groupName: gone.name };
		}),
	};
}
