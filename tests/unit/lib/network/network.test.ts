import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION } from '../../../../src/lib/progress/progress';
import { emptyModel, sanitizeModel, toExportFile } from '../../../../src/lib/learner/model';
import { parseImportFile } from '../../../../src/lib/learner/schema';
import { networkSchema } from '../../../../src/lib/network/schema';
import {
	addContact,
	addGroup,
	addReferrals,
	contactFromDraft,
	deleteContact,
	deleteGroup,
	deleteInvitation,
	emptyNetwork,
	groupNameOf,
	introducerName,
	logInvitation,
	markFollowedUp,
	recordContact,
	sanitizeNetwork,
	setBenefits,
	setOwnSector,
	summarizeNetwork,
	updateContact,
	type Contact,
	type NetworkState,
} from '../../../../src/lib/network/network';

const now = new Date('2026-03-14T09:26:53.589Z');
const later = new Date('2026-03-20T12:00:00.000Z');

/** A network with something of every kind, built by the reducers as the tools build it. */
function fullNetwork(): NetworkState {
	let state = setOwnSector(emptyNetwork(), 'justice');
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

describe('sanitizeNetwork: what it keeps', () => {
	it('reads nothing stored as an empty map with nothing dropped', () => {
		expect(sanitizeNetwork(undefined)).toEqual({ state: emptyNetwork(), dropped: [] });
		expect(sanitizeNetwork(null)).toEqual({ state: emptyNetwork(), dropped: [] });
	});

	it('keeps a full map exactly as the reducers built it', () => {
		const state = fullNetwork();
		expect(sanitizeNetwork(JSON.parse(JSON.stringify(state)))).toEqual({ state, dropped: [] });
	});

	it('reads the placeholder the site stored before the network tools as an empty map', () => {
		expect(sanitizeNetwork({ version: CURRENT_VERSION, items: [] })).toEqual({ state: emptyNetwork(), dropped: [] });
	});

	it.each([
		['a string', 'contacts'],
		['an array', []],
		['a number', 3],
		['a newer version', { version: CURRENT_VERSION + 1, contacts: [] }],
		['no version', { contacts: [] }],
	])('drops the whole map when it is %s', (_name, raw) => {
		expect(sanitizeNetwork(raw)).toEqual({ state: emptyNetwork(), dropped: ['the network map (unreadable)'] });
	});
});

/** A valid stored contact to corrupt one field at a time. */
const contact = (): Contact => ({
	id: 'c-sam',
	name: 'Sam',
	sector: 'health',
	started: 'introduced',
	introducedById: 'c-priya',
	initiatedBy: 'me',
	benefitsToMe: ['trends'],
	benefitsFromMe: [],
	lastContact: '2026-03-01',
	followUp: 'pending',
	createdAt: '2026-03-01T10:00:00.000Z',
});
const withContact = (change: Record<string, unknown>) => ({
	version: CURRENT_VERSION,
	contacts: [{ ...contact(), ...change }],
	invitations: [],
	groups: [],
});
const without = (key: keyof Contact) => {
	const copy: Record<string, unknown> = { ...contact() };
	delete copy[key];
	return { version: CURRENT_VERSION, contacts: [copy], invitations: [], groups: [] };
};

/** Corruptions of one contact, each of which must drop that contact (and only it). */
const badContacts: [string, Record<string, unknown>][] = [
	['an empty name', withContact({ name: '' })],
	['a name of 101 characters', withContact({ name: 'x'.repeat(101) })],
	['a name with spaces around it', withContact({ name: ' Sam ' })],
	['a name with a control character', withContact({ name: 'Sa\u0007m' })],
	['a name that is a number', withContact({ name: 42 })],
	['an id with capitals', withContact({ id: 'C-Sam' })],
	['an unknown way of starting', withContact({ started: 'conference' })],
	['an unknown initiator', withContact({ initiatedBy: 'both' })],
	['an unknown benefit', withContact({ benefitsToMe: ['fame'] })],
	['a repeated benefit', withContact({ benefitsFromMe: ['trends', 'trends'] })],
	['benefits that are not a list', withContact({ benefitsToMe: 'trends' })],
	['an impossible last-contact date', withContact({ lastContact: '2026-02-30' })],
	['a last-contact date with a time', withContact({ lastContact: '2026-03-01T10:00' })],
	['an unknown follow-up status', withContact({ followUp: 'maybe' })],
	['a follow-up on a contact nobody introduced', withContact({ started: 'reached-out', introducedById: undefined })],
	['an introducer id and name both', withContact({ introducedByName: 'Priya' })],
	['a group on an introduction', withContact({ groupName: 'Board' })],
	['notes of 1001 characters', withContact({ notes: 'n'.repeat(1001) })],
	['a field of 101 characters', withContact({ field: 'f'.repeat(101) })],
	['a sector of 61 characters', withContact({ sector: 's'.repeat(61) })],
	['a creation time that is not a date-time', withContact({ createdAt: 'yesterday' })],
	['an unknown field', withContact({ birthday: '1980-01-01' })],
];

describe('sanitizeNetwork: what it drops', () => {
	it.each(badContacts)('drops a contact with %s and names it', (_name, raw) => {
		const { state, dropped } = sanitizeNetwork(raw);
		expect(state.contacts).toEqual([]);
		expect(dropped).toHaveLength(1);
		expect(dropped[0]).toMatch(/^contact (“.+”|#1)$/);
	});

	it('names a dropped contact by its name when it has one', () => {
		expect(sanitizeNetwork(withContact({ lastContact: 'soon' })).dropped).toEqual(['contact “Sam”']);
	});

	it('keeps the valid contacts beside a corrupt one', () => {
		const good = { ...contact(), id: 'c-good', name: 'Good' };
		const raw = { version: CURRENT_VERSION, contacts: [good, { id: 'c-bad', name: '' }, 'junk'] };
		const { state, dropped } = sanitizeNetwork(raw);
		expect(state.contacts).toEqual([good]);
		expect(dropped).toEqual(['contact #2', 'contact #3']);
	});

	it('keeps the first of two contacts with the same id', () => {
		const first = contact();
		const raw = { version: CURRENT_VERSION, contacts: [first, { ...first, name: 'Sam again' }] };
		expect(sanitizeNetwork(raw)).toEqual({ state: { ...emptyNetwork(), contacts: [first] }, dropped: ['contact “Sam again”'] });
	});

	it.each([
		[
			'an invitation with no date',
			{ invitations: [{ id: 'i', from: 'Ola', response: 'accepted', createdAt: now.toISOString() }] },
			'invitation from “Ola”',
		],
		[
			'an invitation with an unknown response',
			{ invitations: [{ id: 'i', from: 'Ola', response: 'maybe', date: '2026-03-01', createdAt: now.toISOString() }] },
			'invitation from “Ola”',
		],
		[
			'a declined invitation linked to a contact',
			{ invitations: [{ id: 'i', from: 'Ola', response: 'declined', date: '2026-03-01', contactId: 'c', createdAt: now.toISOString() }] },
			'invitation from “Ola”',
		],
		[
			'a group with more new members than members',
			{ groups: [{ id: 'g', name: 'Board', joined: '2026-03-01', members: 7, newMembers: 8, createdAt: now.toISOString() }] },
			'group “Board”',
		],
		[
			'a group with no members',
			{ groups: [{ id: 'g', name: 'Board', joined: '2026-03-01', members: 0, newMembers: 0, createdAt: now.toISOString() }] },
			'group “Board”',
		],
		[
			'a group with half a member',
			{ groups: [{ id: 'g', name: 'Board', joined: '2026-03-01', members: 7.5, newMembers: 0, createdAt: now.toISOString() }] },
			'group “Board”',
		],
		['contacts that are not a list', { contacts: { sam: contact() } }, 'all contacts'],
		['an own sector that is blank', { ownSector: '' }, 'your own sector'],
	])('drops %s and names it', (_name, parts, name) => {
		const { state, dropped } = sanitizeNetwork({ version: CURRENT_VERSION, ...parts });
		expect(dropped).toEqual([name]);
		expect(state).toEqual(emptyNetwork());
	});

	it('keeps a link to an introducer who is no longer in the map', () => {
		const raw = withContact({ introducedById: 'c-gone' });
		expect(sanitizeNetwork(raw)).toEqual({ state: raw, dropped: [] });
	});
});

describe('sanitizeNetwork and networkSchema agree', () => {
	const accepted = (raw: unknown) => networkSchema.safeParse(raw).success;
	const kept = (raw: unknown) => sanitizeNetwork(raw).dropped.length === 0;

	it('both accept the full map, and the sanitizer keeps exactly what the schema returns', () => {
		const raw = JSON.parse(JSON.stringify(fullNetwork()));
		const parsed = networkSchema.safeParse(raw);
		expect(parsed.success).toBe(true);
		expect(sanitizeNetwork(raw)).toEqual({ state: parsed.data, dropped: [] });
	});

	it.each(badContacts)('both refuse a contact with %s', (_name, raw) => {
		expect(accepted(raw)).toBe(false);
		expect(kept(raw)).toBe(false);
	});

	it.each([
		['no sector', without('sector')],
		['no last contact', without('lastContact')],
		['no follow-up status', without('followUp')],
		['no introducer', without('introducedById')],
		['a dangling introducer id', withContact({ introducedById: 'c-gone' })],
		['a name of exactly 100 characters', withContact({ name: 'x'.repeat(100) })],
		['notes of exactly 1000 characters with line breaks', withContact({ notes: `${'n'.repeat(998)}\r\n` })],
		['a leap day', withContact({ lastContact: '2024-02-29' })],
		['a time-zone offset on the creation time', withContact({ createdAt: '2026-03-01T10:00:00+01:00' })],
		[
			'all five benefits both ways',
			withContact({ benefitsToMe: ['trends', 'strategy', 'challenges', 'innovate', 'repurpose'], benefitsFromMe: ['repurpose', 'trends'] }),
		],
	])('both accept a contact with %s, unchanged', (_name, raw) => {
		const parsed = networkSchema.safeParse(raw);
		expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
		expect(sanitizeNetwork(raw)).toEqual({ state: parsed.data, dropped: [] });
	});

	it.each([
		['a leap day in a common year', withContact({ lastContact: '2025-02-29' })],
		['a month 13', withContact({ lastContact: '2026-13-01' })],
		['two contacts with one id', { version: CURRENT_VERSION, contacts: [contact(), contact()], invitations: [], groups: [] }],
	])('the schema refuses %s, and the sanitizer drops it', (_name, raw) => {
		expect(accepted(raw)).toBe(false);
		expect(kept(raw)).toBe(false);
	});

	it('the schema refuses an unknown top-level field, which the sanitizer leaves behind', () => {
		const raw = { ...emptyNetwork(), friends: [] };
		expect(accepted(raw)).toBe(false);
		expect(sanitizeNetwork(raw)).toEqual({ state: emptyNetwork(), dropped: [] });
	});
});

describe('summarizeNetwork', () => {
	it.each<[string, NetworkState, string]>([
		['an empty map', emptyNetwork(), ''],
		['only the own sector', setOwnSector(emptyNetwork(), 'justice'), 'your own sector only'],
		['one contact', addContact(emptyNetwork(), { name: 'Sam', started: 'reached-out', initiatedBy: 'me' }, 'c-sam', now), '1 contact'],
		['the full map', fullNetwork(), '4 contacts, 2 invitations logged, 1 group'],
	])('describes %s', (_name, state, line) => {
		expect(summarizeNetwork(state)).toBe(line);
	});
});

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
		expect(sanitizeNetwork(JSON.parse(JSON.stringify(state))).dropped).toEqual([]);
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

describe('the network in the data export and import', () => {
	it('round-trips through toExportFile and parseImportFile unchanged', () => {
		const model = { ...emptyModel(), network: fullNetwork() };
		const text = JSON.stringify(toExportFile(model, now), null, 2);
		expect(parseImportFile(text)).toEqual({ ok: true, model });
		expect(sanitizeModel(JSON.parse(text).data)).toEqual({ model, dropped: [] });
	});

	it('rejects a whole file when one contact is invalid, naming where', () => {
		const network = fullNetwork();
		const broken = { ...network, contacts: [...network.contacts, { ...contact(), id: 'c-x', name: '' }] };
		const result = parseImportFile(JSON.stringify(toExportFile({ ...emptyModel(), network: broken as NetworkState }, now)));
		expect(result.ok).toBe(false);
		expect(result.ok ? '' : result.message).toMatch(/network\.contacts\.4\.name/);
	});

	it('reads a file exported before the network tools, with the placeholder part, as an empty map', () => {
		const text = JSON.stringify(
			toExportFile({ ...emptyModel(), network: { version: CURRENT_VERSION, items: [] } as unknown as NetworkState }, now),
		);
		expect(parseImportFile(text)).toEqual({ ok: true, model: emptyModel() });
	});

	it('reads a version-1 export (progress only) with an empty map', () => {
		const text = JSON.stringify({
			app: 'strategic-network-course',
			exportedAt: now.toISOString(),
			version: 1,
			data: { version: 1, lessons: {}, reflections: {} },
		});
		const result = parseImportFile(text);
		expect(result.ok && result.model.network).toEqual(emptyNetwork());
	});
});
