/**
 * The reader’s strategic network map: the people in it, the invitations
 * they logged, the groups they joined and their own sector. All six lesson
 * tools and the /network page work on this one model.
 *
 * This module holds the model: its constants and value rules, and
 * `networkPart`, the stored shape described once (../learner/shape.ts), from
 * which the types (`Contact`, `Invitation`, `Group`, `NetworkState`), the
 * lenient reader of stored data and the strict import check all derive.
 * Changes are pure reducers in ./reducers.ts; the data page's summary is in
 * ./summary.ts.
 */
import { date, dateTime, integer, is, line, list, object, oneOf, optional, rule, slug, type Infer, type Shape } from '../learner/shape';
import { definePart, listOf, valueOf, type StateOf } from '../learner/stored-part';
import { isObject, quoted } from '../learner/values';

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

// ---------------------------------------------------------------- value rules

export { CONTROL } from '../learner/values';
/** Control characters, less tabs and line breaks, which multi-line text (notes) keeps. */
export const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

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

// ---------------------------------------------------------------- the stored shape

/** A generated id: lowercase letters, digits and single hyphens, at most 64 characters. */
const id = slug(LIMITS.id);
/** Free text as stored: at most `max` characters, line breaks and tabs allowed. */
const freeText = (max: number) =>
	is((value): value is string => typeof value === 'string' && value.length <= max && !CONTROL_IN_TEXT.test(value), 'text');
/** Benefits, each at most once. */
const benefits = rule(list(oneOf(BENEFITS)), (values) => new Set(values).size === values.length, undefined, 'repeat');

/** `shape`, with fields that apply only to some items: each is refused when its condition does not hold. */
function onlyWhen<T extends object>(shape: Shape<T>, conditions: { [K in keyof T]?: (item: T) => boolean }): Shape<T> {
	return Object.entries(conditions).reduce<Shape<T>>(
		(checked, [key, allowed]) =>
			rule(checked, (item) => item[key as keyof T] === undefined || (allowed as (item: T) => boolean)(item), key),
		shape,
	);
}

/** A person in the reader's strategic network. Unknown fields make a stored contact invalid (closed), as for invitations and groups. */
const contact = onlyWhen(
	object(
		{
			id,
			/** A name or initials: 1–100 characters, trimmed, no control characters. */
			name: line(LIMITS.name),
			/** A sector id from `SECTORS`, or the sector as the reader typed it. */
			sector: optional(line(LIMITS.sector)),
			/** Their field or role, as typed. */
			field: optional(line(LIMITS.field)),
			/** How the connection started. */
			started: oneOf(STARTS),
			/** Who introduced them (only when `started` is `introduced`): a contact id… */
			introducedById: optional(id),
			/** …or a name, for someone not in the map. */
			introducedByName: optional(line(LIMITS.name)),
			/** The group it started in (only when `started` is `group`): a group id… */
			groupId: optional(id),
			/** …or a group name. */
			groupName: optional(line(LIMITS.name)),
			/** Who made the first move. */
			initiatedBy: oneOf(INITIATORS),
			/** Benefits that could flow from them to the reader. */
			benefitsToMe: benefits,
			/** Benefits that could flow from the reader to them. */
			benefitsFromMe: benefits,
			/** The last day the reader was in touch, `YYYY-MM-DD`. */
			lastContact: optional(date),
			/** Referrals only: has the reader followed up yet? */
			followUp: optional(oneOf(FOLLOW_UPS)),
			notes: optional(freeText(LIMITS.notes)),
			/** When the reader recorded the contact (ISO date-time). */
			createdAt: dateTime,
		},
		true,
	),
	{
		introducedById: (item) => item.started === 'introduced' && item.introducedByName === undefined,
		introducedByName: (item) => item.started === 'introduced',
		groupId: (item) => item.started === 'group' && item.groupName === undefined,
		groupName: (item) => item.started === 'group',
		followUp: (item) => item.started === 'introduced',
	},
);

/** An invitation or cold approach the reader received, and their answer. */
const invitation = onlyWhen(
	object(
		{
			id,
			/** Who invited the reader: a name or initials, as for contacts. */
			from: line(LIMITS.name),
			sector: optional(line(LIMITS.sector)),
			response: oneOf(RESPONSES),
			/** What the reader could learn from them. */
			iCouldLearn: optional(freeText(LIMITS.learn)),
			/** What they could learn from the reader. */
			theyCouldLearn: optional(freeText(LIMITS.learn)),
			/** The day of the invitation, `YYYY-MM-DD`. */
			date,
			/** The contact an accepted invitation created or linked to (only when accepted). */
			contactId: optional(id),
			createdAt: dateTime,
		},
		true,
	),
	{ contactId: (item) => item.response === 'accepted' },
);

/** A group the reader joined, and how many of its members were new to them (no more than there are). */
const group = rule(
	object(
		{
			id,
			name: line(LIMITS.name),
			/** The day the reader joined, `YYYY-MM-DD`. */
			joined: date,
			/** How many members the group has, the reader not counted. */
			members: integer(1, LIMITS.members),
			/** How many of them the reader did not know before. */
			newMembers: integer(0, LIMITS.members),
			createdAt: dateTime,
		},
		true,
	),
	(item) => item.newMembers <= item.members,
	'newMembers',
);

/** A person in the reader's strategic network. */
export type Contact = Infer<typeof contact>;
/** An invitation or cold approach the reader received, and their answer. */
export type Invitation = Infer<typeof invitation>;
/** A group the reader joined. */
export type Group = Infer<typeof group>;

/** How the repair notice names a dropped item: `noun` and its `key` field (a name) in quotes, else its place in the list. */
function named(noun: string, key: string) {
	return (raw: unknown, index: string) => {
		const value = isObject(raw) ? raw[key] : undefined;
		return `${noun} ${typeof value === 'string' && value.trim() ? quoted(value.trim()) : `#${Number(index) + 1}`}`;
	};
}

/**
 * Files exported before the network tools existed hold the placeholder
 * `{ version: 2, items: [] }`: it reads as an empty map.
 */
function withoutPlaceholder(raw: unknown): unknown {
	if (!isObject(raw) || !Array.isArray(raw.items) || raw.items.length) return raw;
	const { items: _items, ...rest } = raw;
	return rest;
}

/**
 * The network part of the learner model. An item with an unknown field or a
 * repeated id is dropped whole. Links to items that are gone (a deleted
 * introducer) are kept: the tools show them as someone no longer in the map.
 * Files made before the network tools lack the lists: they read as empty.
 */
export const networkPart = definePart(
	'the network map',
	{
		contacts: listOf(contact, { all: 'all contacts', item: named('contact', 'name') }, { uniqueIds: true, optional: true }),
		invitations: listOf(
			invitation,
			{ all: 'all invitations', item: named('invitation from', 'from') },
			{ uniqueIds: true, optional: true },
		),
		groups: listOf(group, { all: 'all groups', item: named('group', 'name') }, { uniqueIds: true, optional: true }),
		/** The reader’s own sector (asked once), in the same form as a contact’s. */
		ownSector: valueOf(line(LIMITS.sector), 'your own sector'),
	},
	{ tidy: withoutPlaceholder },
);

/** The network part of the learner model, as stored under its own key. */
export type NetworkState = StateOf<typeof networkPart>;

/** What a form gives to create or change a contact (already validated): a contact without its id and date, benefits optional. */
export type ContactDraft = Omit<Contact, 'id' | 'createdAt' | 'benefitsToMe' | 'benefitsFromMe'> &
	Partial<Pick<Contact, 'benefitsToMe' | 'benefitsFromMe'>>;
/** What the invitation form gives (already validated): an invitation without its id, link and date. */
export type InvitationDraft = Omit<Invitation, 'id' | 'contactId' | 'createdAt'>;
/** What the group form gives (already validated): a group without its id and date. */
export type GroupDraft = Omit<Group, 'id' | 'createdAt'>;

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
