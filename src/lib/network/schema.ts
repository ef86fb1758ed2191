/**
 * Strict import schema of the network part, field by field the rules of
 * `sanitizeNetwork` in ./network.ts: whatever this accepts, the sanitizer keeps
 * unchanged (tests/unit/network.test.ts checks they agree). Loaded only by
 * the data page's import (zod is too heavy for page load).
 */
import { z } from 'astro/zod';
import { CURRENT_VERSION } from '../learner/stored-part';
import { BENEFITS, CONTROL, CONTROL_IN_TEXT, FOLLOW_UPS, INITIATORS, LIMITS, RESPONSES, STARTS } from './network';
import { dateTime, isoDate } from '../learner/schema-primitives';

/** A generated id: lowercase letters, digits, single hyphens. */
const id = z
	.string()
	.max(LIMITS.id)
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase id');

/** One line as typed and trimmed: no control characters. */
const line = (max: number) =>
	z
		.string()
		.min(1)
		.max(max)
		.refine((value) => !CONTROL.test(value), 'must not contain control characters')
		.refine((value) => value === value.trim(), 'must not start or end with spaces');

/** Free text: line breaks and tabs allowed, other control characters not. */
const text = (max: number) =>
	z
		.string()
		.max(max)
		.refine((value) => !CONTROL_IN_TEXT.test(value), 'must not contain control characters');

/** A set of the five benefits: no repeats. */
const benefits = z.array(z.enum(BENEFITS)).refine((values) => new Set(values).size === values.length, 'must not repeat a benefit');

/** One contact, as `readContact` in ./network.ts keeps it. */
export const contactSchema = z
	.object({
		id,
		// A name or initials.
		name: line(LIMITS.name),
		// A listed sector id, or the sector as typed.
		sector: line(LIMITS.sector).optional(),
		// Their field or role.
		field: line(LIMITS.field).optional(),
		// How the connection started.
		started: z.enum(STARTS),
		// Who introduced them (started = introduced): a contact id or a name, not both.
		introducedById: id.optional(),
		introducedByName: line(LIMITS.name).optional(),
		// The group it started in (started = group): a group id or a name, not both.
		groupId: id.optional(),
		groupName: line(LIMITS.name).optional(),
		// Who made the first move.
		initiatedBy: z.enum(INITIATORS),
		// Benefits that could flow to the reader, and from the reader.
		benefitsToMe: benefits,
		benefitsFromMe: benefits,
		// Last day in touch.
		lastContact: isoDate.optional(),
		// Referrals only (started = introduced).
		followUp: z.enum(FOLLOW_UPS).optional(),
		notes: text(LIMITS.notes).optional(),
		// When the reader recorded the contact.
		createdAt: dateTime,
	})
	.strict()
	.superRefine((contact, context) => {
		const only = (key: keyof typeof contact, when: boolean, message: string) => {
			if (contact[key] !== undefined && !when) context.addIssue({ code: 'custom', path: [key], message });
		};
		only(
			'introducedById',
			contact.started === 'introduced' && contact.introducedByName === undefined,
			'only for an introduction, without a name',
		);
		only('introducedByName', contact.started === 'introduced', 'only for an introduction');
		only('groupId', contact.started === 'group' && contact.groupName === undefined, 'only for a group, without a name');
		only('groupName', contact.started === 'group', 'only for a group');
		only('followUp', contact.started === 'introduced', 'only for an introduction');
	});

/** One logged invitation; only an accepted one links to a contact. */
export const invitationSchema = z
	.object({
		id,
		// Who invited the reader.
		from: line(LIMITS.name),
		sector: line(LIMITS.sector).optional(),
		response: z.enum(RESPONSES),
		// What each side could learn.
		iCouldLearn: text(LIMITS.learn).optional(),
		theyCouldLearn: text(LIMITS.learn).optional(),
		// The day of the invitation.
		date: isoDate,
		// The contact an accepted invitation created or linked to.
		contactId: id.optional(),
		createdAt: dateTime,
	})
	.strict()
	.refine((invitation) => invitation.contactId === undefined || invitation.response === 'accepted', {
		path: ['contactId'],
		message: 'only for an accepted invitation',
	});

/** One group joined; new members cannot outnumber the members. */
export const groupSchema = z
	.object({
		id,
		name: line(LIMITS.name),
		// The day the reader joined.
		joined: isoDate,
		// Members, and how many of them were new to the reader.
		members: z.number().int().min(1).max(LIMITS.members),
		newMembers: z.number().int().min(0),
		createdAt: dateTime,
	})
	.strict()
	.refine((group) => group.newMembers <= group.members, { path: ['newMembers'], message: 'cannot exceed the members' });

/** A list whose items have distinct ids. */
const uniqueIds = <T extends z.ZodType<{ id: string }>>(item: T) =>
	z.array(item).refine((items) => new Set(items.map((entry) => entry.id)).size === items.length, 'ids must be unique');

/**
 * Files exported before the network tools existed hold the placeholder
 * `{ version: 2, items: [] }`: read as an empty map. Lists default to empty.
 */
const withoutPlaceholder = (raw: unknown) => {
	if (typeof raw !== 'object' || raw === null || !('items' in raw) || !Array.isArray(raw.items) || raw.items.length) return raw;
	const { items: _items, ...rest } = raw;
	return rest;
};

/** The network part of an imported file (all or nothing). */
export const networkSchema = z.preprocess(
	withoutPlaceholder,
	z
		.object({
			// Schema version of this part.
			version: z.literal(CURRENT_VERSION),
			// The reader's own sector.
			ownSector: line(LIMITS.sector).optional(),
			contacts: uniqueIds(contactSchema).default([]),
			invitations: uniqueIds(invitationSchema).default([]),
			groups: uniqueIds(groupSchema).default([]),
		})
		.strict(),
);
