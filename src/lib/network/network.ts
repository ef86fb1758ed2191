/**
 * The reader’s strategic network map: the people in it, the
 * invitations they logged, the groups they joined and their own sector.
 * All six lesson tools and the /network page work on this one model.
 *
 * Pure: no DOM, no storage, no clock or randomness of its own (callers pass
 * `now` and new ids), so every rule is unit-tested. The sanitizer reads
 * anything (hand-edited or corrupted storage) and keeps every valid item; the
 * strict import schema in ./network-schema.ts accepts exactly what it keeps.
 * Reducers return new states and never mutate.
 */
import { CURRENT_VERSION, isIsoDateTime, isObject, partData, type Json } from '../learner/stored-part';
import { isRealIsoDate } from '../calendar/dates';

/** The five benefits of a strategic network, from lesson 2 (the post’s list). */
export const BENEFITS = ['trends', 'strategy', 'challenges', 'innovate', 'repurpose'] as const;
/** One of the five benefits. */
export type Benefit = (typeof BENEFITS)[number];

/** Common sectors offered in lists; the reader may type any other. */
export const SECTORS = [
	'justice',
	'health',
	'not-for-profit',
	'government',
	'education',
	'business',
	'technology',
	'finance',
	'science',
	'arts',
	'media',
	'environment',
] as const;

/** How a connection started. */
export const STARTS = ['invitation', 'reached-out', 'introduced', 'group'] as const;
/** How a connection started: an invitation accepted, the reader reaching out, an introduction, a group. */
export type Start = (typeof STARTS)[number];

/** Who made the first move. */
export const INITIATORS = ['me', 'them'] as const;
/** Who made the first move: the reader (`me`) or the contact (`them`). */
export type Initiator = (typeof INITIATORS)[number];

/** Follow-up of a referral (a contact someone introduced). */
export const FOLLOW_UPS = ['pending', 'done'] as const;
/** Whether the reader has followed up a referral yet. */
export type FollowUp = (typeof FOLLOW_UPS)[number];

/** The reader's answer to an invitation. */
export const RESPONSES = ['accepted', 'declined'] as const;
/** An answer to an invitation. */
export type Response = (typeof RESPONSES)[number];

/** Longest values kept, in characters. */
export const LIMITS = { name: 100, sector: 60, field: 100, notes: 1000, learn: 500, members: 10_000, id: 64 } as const;

/** A person in the reader's strategic network. */
export interface Contact {
	id: string;
	/** A name or initials: 1–100 characters, trimmed, no control characters. */
	name: string;
	/** A sector id from `SECTORS`, or the sector as the reader typed it. */
	sector?: string;
	/** Their field or role, as typed. */
	field?: string;
	started: Start;
	/** Who introduced them (only when `started` is `introduced`): a contact id… */
	introducedById?: string;
	/** …or a name, for someone not in the map. */
	introducedByName?: string;
	/** The group it started in (only when `started` is `group`): a group id… */
	groupId?: string;
	/** …or a group name. */
	groupName?: string;
	initiatedBy: Initiator;
	/** Benefits that could flow from them to the reader. */
	benefitsToMe: Benefit[];
	/** Benefits that could flow from the reader to them. */
	benefitsFromMe: Benefit[];
	/** The last day the reader was in touch, `YYYY-MM-DD`. */
	lastContact?: string;
	/** Referrals only: has the reader followed up yet? */
	followUp?: FollowUp;
	notes?: string;
	/** When the reader recorded the contact (ISO date-time). */
	createdAt: string;
}

/** An invitation or cold approach the reader received, and their answer. */
export interface Invitation {
	id: string;
	/** Who invited the reader: a name or initials, as for contacts. */
	from: string;
	sector?: string;
	response: Response;
	/** What the reader could learn from them. */
	iCouldLearn?: string;
	/** What they could learn from the reader. */
	theyCouldLearn?: string;
	/** The day of the invitation, `YYYY-MM-DD`. */
	date: string;
	/** The contact an accepted invitation created or linked to. */
	contactId?: string;
	createdAt: string;
}

/** A group the reader joined, and how many of its members were new to them. */
export interface Group {
	id: string;
	name: string;
	/** The day the reader joined, `YYYY-MM-DD`. */
	joined: string;
	/** How many members the group has, the reader not counted. */
	members: number;
	/** How many of them the reader did not know before. */
	newMembers: number;
	createdAt: string;
}

/** The network part of the learner model, stored under its own key. */
export interface NetworkState {
	version: typeof CURRENT_VERSION;
	/** The reader’s own sector (asked once), in the same form as a contact’s. */
	ownSector?: string;
	contacts: Contact[];
	invitations: Invitation[];
	groups: Group[];
}

/** An empty network map. */
export function emptyNetwork(): NetworkState {
	return { version: CURRENT_VERSION, contacts: [], invitations: [], groups: [] };
}

// ---------------------------------------------------------------- value rules

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** C0 and C1 control characters and DEL: one-line values (names, sectors) allow none of them. */
export const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** The same, less tabs and line breaks, which multi-line text (notes) keeps. */
export const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** A stored id: lowercase letters, digits and single hyphens, at most 64 characters. */
export function isId(value: unknown): value is string {
	return typeof value === 'string' && value.length <= LIMITS.id && ID.test(value);
}

/** A one-line value as stored: trimmed, 1–`max` characters, no control characters. */
export function isCleanLine(value: unknown, max: number): value is string {
	return typeof value === 'string' && value.length >= 1 && value.length <= max && value === value.trim() && !CONTROL.test(value);
}

/** Free text as stored: at most `max` characters, line breaks and tabs allowed. */
export function isCleanText(value: unknown, max: number): value is string {
	return typeof value === 'string' && value.length <= max && !CONTROL_IN_TEXT.test(value);
}

/** True when `values` are distinct members of `allowed`. */
function isSubset<T extends string>(values: unknown, allowed: readonly T[]): values is T[] {
	return Array.isArray(values) && values.every((value) => allowed.includes(value as T)) && new Set(values).size === values.length;
}

const oneOf = <T extends string>(value: unknown, allowed: readonly T[]): value is T => allowed.includes(value as T);

/** The grouping key of a sector: the same sector typed in another case is the same sector. */
export function sectorKey(sector: string): string {
	return sector.trim().toLowerCase();
}

/** The key two names are compared by for duplicates: case and spacing ignored. */
export function nameKey(name: string): string {
	return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Benefits in the canonical order of `BENEFITS`, without repeats. */
export function orderBenefits(benefits: readonly Benefit[]): Benefit[] {
	return BENEFITS.filter((benefit) => benefits.includes(benefit));
}

// ---------------------------------------------------------------- sanitizer

const optional = (data: Json, key: string, valid: (value: unknown) => boolean) => data[key] === undefined || valid(data[key]);

function readContact(raw: unknown): Contact | undefined {
	if (!isObject(raw)) return undefined;
	const started = raw.started;
	const valid =
		isId(raw.id) &&
		isCleanLine(raw.name, LIMITS.name) &&
		optional(raw, 'sector', (value) => isCleanLine(value, LIMITS.sector)) &&
		optional(raw, 'field', (value) => isCleanLine(value, LIMITS.field)) &&
		oneOf(started, STARTS) &&
		optional(raw, 'introducedById', (value) => started === 'introduced' && raw.introducedByName === undefined && isId(value)) &&
		optional(raw, 'introducedByName', (value) => started === 'introduced' && isCleanLine(value, LIMITS.name)) &&
		optional(raw, 'groupId', (value) => started === 'group' && raw.groupName === undefined && isId(value)) &&
		optional(raw, 'groupName', (value) => started === 'group' && isCleanLine(value, LIMITS.name)) &&
		oneOf(raw.initiatedBy, INITIATORS) &&
		isSubset(raw.benefitsToMe, BENEFITS) &&
		isSubset(raw.benefitsFromMe, BENEFITS) &&
		optional(raw, 'lastContact', isRealIsoDate) &&
		optional(raw, 'followUp', (value) => started === 'introduced' && oneOf(value, FOLLOW_UPS)) &&
		optional(raw, 'notes', (value) => isCleanText(value, LIMITS.notes)) &&
		isIsoDateTime(raw.createdAt);
	if (!valid) return undefined;
	return pick(raw, CONTACT_KEYS) as unknown as Contact;
}

function readInvitation(raw: unknown): Invitation | undefined {
	if (!isObject(raw)) return undefined;
	const valid =
		isId(raw.id) &&
		isCleanLine(raw.from, LIMITS.name) &&
		optional(raw, 'sector', (value) => isCleanLine(value, LIMITS.sector)) &&
		oneOf(raw.response, RESPONSES) &&
		optional(raw, 'iCouldLearn', (value) => isCleanText(value, LIMITS.learn)) &&
		optional(raw, 'theyCouldLearn', (value) => isCleanText(value, LIMITS.learn)) &&
		isRealIsoDate(raw.date) &&
		optional(raw, 'contactId', (value) => raw.response === 'accepted' && isId(value)) &&
		isIsoDateTime(raw.createdAt);
	return valid ? (pick(raw, INVITATION_KEYS) as unknown as Invitation) : undefined;
}

function readGroup(raw: unknown): Group | undefined {
	if (!isObject(raw)) return undefined;
	const { members, newMembers } = raw;
	const valid =
		isId(raw.id) &&
		isCleanLine(raw.name, LIMITS.name) &&
		isRealIsoDate(raw.joined) &&
		Number.isInteger(members) &&
		(members as number) >= 1 &&
		(members as number) <= LIMITS.members &&
		Number.isInteger(newMembers) &&
		(newMembers as number) >= 0 &&
		(newMembers as number) <= (members as number) &&
		isIsoDateTime(raw.createdAt);
	return valid ? (pick(raw, GROUP_KEYS) as unknown as Group) : undefined;
}

const CONTACT_KEYS = [
	'id',
	'name',
	'sector',
	'field',
	'started',
	'introducedById',
	'introducedByName',
	'groupId',
	'groupName',
	'initiatedBy',
	'benefitsToMe',
	'benefitsFromMe',
	'lastContact',
	'followUp',
	'notes',
	'createdAt',
] as const;
const INVITATION_KEYS = ['id', 'from', 'sector', 'response', 'iCouldLearn', 'theyCouldLearn', 'date', 'contactId', 'createdAt'] as const;
const GROUP_KEYS = ['id', 'name', 'joined', 'members', 'newMembers', 'createdAt'] as const;

/** Copies the known keys that are present; unknown keys make an item invalid (the import schema is strict too). */
function pick(raw: Json, keys: readonly string[]): Json {
	const out: Json = {};
	for (const key of keys) if (raw[key] !== undefined) out[key] = Array.isArray(raw[key]) ? [...(raw[key] as unknown[])] : raw[key];
	return out;
}

const hasOnly = (raw: unknown, keys: readonly string[]) => isObject(raw) && Object.keys(raw).every((key) => keys.includes(key));

/** A short, safe label for an item in the list of what was dropped. */
function label(raw: unknown, key: string, index: number): string {
	const value = isObject(raw) ? raw[key] : undefined;
	return typeof value === 'string' && value.trim() ? `“${value.trim().slice(0, 40)}”` : `#${index + 1}`;
}

function readList<T extends { id: string }>(
	raw: unknown,
	read: (item: unknown) => T | undefined,
	keys: readonly string[],
	noun: string,
	labelKey: string,
	dropped: string[],
): T[] {
	if (raw === undefined) return [];
	if (!Array.isArray(raw)) {
		dropped.push(`all ${noun}s`);
		return [];
	}
	const ids = new Set<string>();
	const items: T[] = [];
	raw.forEach((value, index) => {
		const item = hasOnly(value, keys) ? read(value) : undefined;
		if (item && !ids.has(item.id)) {
			ids.add(item.id);
			items.push(item);
		} else dropped.push(`${noun} ${label(value, labelKey, index)}`);
	});
	return items;
}

/**
 * Reads a stored network map of any quality: keeps every valid contact,
 * invitation and group (and the reader’s sector), and names what it dropped.
 * An item with an unknown field or a repeated id is dropped whole. Links to
 * items that are gone (a deleted introducer) are kept: the tools show them as
 * someone no longer in the map. Never throws.
 */
export function sanitizeNetwork(raw: unknown): { state: NetworkState; dropped: string[] } {
	const { data, unreadable } = partData(raw);
	if (unreadable) return { state: emptyNetwork(), dropped: ['the network map (unreadable)'] };
	if (!data) return { state: emptyNetwork(), dropped: [] };
	const dropped: string[] = [];
	const state: NetworkState = {
		version: CURRENT_VERSION,
		contacts: readList(data.contacts, readContact, CONTACT_KEYS, 'contact', 'name', dropped),
		invitations: readList(data.invitations, readInvitation, INVITATION_KEYS, 'invitation from', 'from', dropped),
		groups: readList(data.groups, readGroup, GROUP_KEYS, 'group', 'name', dropped),
	};
	if (data.ownSector !== undefined) {
		if (isCleanLine(data.ownSector, LIMITS.sector)) state.ownSector = data.ownSector;
		else dropped.push('your own sector');
	}
	return { state, dropped };
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** One line for the "Your data" page saying what this part holds, or '' when empty. */
export function summarizeNetwork(state: NetworkState): string {
	const parts = [
		state.contacts.length ? plural(state.contacts.length, 'contact', 'contacts') : '',
		state.invitations.length ? plural(state.invitations.length, 'invitation logged', 'invitations logged') : '',
		state.groups.length ? plural(state.groups.length, 'group', 'groups') : '',
	].filter(Boolean);
	if (parts.length) return parts.join(', ');
	return state.ownSector ? 'your own sector only' : '';
}

// ---------------------------------------------------------------- reducers

/** What a form gives to create or change a contact (already validated): a contact without its id and date, benefits optional. */
export type ContactDraft = Omit<Contact, 'id' | 'createdAt' | 'benefitsToMe' | 'benefitsFromMe'> &
	Partial<Pick<Contact, 'benefitsToMe' | 'benefitsFromMe'>>;

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

/** What the invitation form gives (already validated). */
export interface InvitationDraft {
	from: string;
	sector?: string;
	response: Response;
	iCouldLearn?: string;
	theyCouldLearn?: string;
	date: string;
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

/** What the group form gives (already validated). */
export interface GroupDraft {
	name: string;
	joined: string;
	members: number;
	newMembers: number;
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

/** The name of whoever introduced `contact`, if known (a contact’s current name, or the name typed). */
export function introducerName(state: NetworkState, contact: Contact): string | undefined {
	if (contact.introducedById) return state.contacts.find((other) => other.id === contact.introducedById)?.name;
	return contact.introducedByName;
}

/** The name of the group a contact was met in, if known. */
export function groupNameOf(state: NetworkState, contact: Contact): string | undefined {
	if (contact.groupId) return state.groups.find((group) => group.id === contact.groupId)?.name;
	return contact.groupName;
}
