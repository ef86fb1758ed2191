import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION } from '../../../../src/lib/learner/stored-part';
import { emptyModel, toExportFile } from '../../../../src/lib/learner/model';
import { parseImportFile } from '../../../../src/lib/learner/schema';
import { groupNameOf, introducerName, networkPart, type Contact, type NetworkState } from '../../../../src/lib/network/network';
import { deleteContact, deleteGroup } from '../../../../src/lib/network/reducers';
import { fullNetwork, now } from './fixtures';

const emptyNetwork = () => networkPart.empty();
const sanitizeNetwork = (raw: unknown) => networkPart.read(raw);

/** The problems an import of a file holding this network part finds, as `path: key`. */
function importProblems(network: unknown): string[] {
	const result = parseImportFile(JSON.stringify(toExportFile({ ...emptyModel(), network: network as NetworkState }, now)));
	return result.ok ? [] : result.problems.map(({ path, key }) => `${path}: ${key}`);
}

describe('networkPart.read: what it keeps', () => {
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

/** Corruptions of one contact, with the field each breaks. */
const badContacts: [string, Record<string, unknown>, string][] = [
	['an empty name', withContact({ name: '' }), 'name'],
	['a name of 101 characters', withContact({ name: 'x'.repeat(101) }), 'name'],
	['a name with spaces around it', withContact({ name: ' Sam ' }), 'name'],
	['a name with a control character', withContact({ name: 'Sa\u0007m' }), 'name'],
	['a name that is a number', withContact({ name: 42 }), 'name'],
	['an id with capitals', withContact({ id: 'C-Sam' }), 'id'],
	['an unknown way of starting', withContact({ started: 'conference' }), 'started'],
	['an unknown initiator', withContact({ initiatedBy: 'both' }), 'initiatedBy'],
	['an unknown benefit', withContact({ benefitsToMe: ['fame'] }), 'benefitsToMe.0'],
	['a repeated benefit', withContact({ benefitsFromMe: ['trends', 'trends'] }), 'benefitsFromMe'],
	['benefits that are not a list', withContact({ benefitsToMe: 'trends' }), 'benefitsToMe'],
	['an impossible last-contact date', withContact({ lastContact: '2026-02-30' }), 'lastContact'],
	['a last-contact date with a time', withContact({ lastContact: '2026-03-01T10:00' }), 'lastContact'],
	['an unknown follow-up status', withContact({ followUp: 'maybe' }), 'followUp'],
	['a follow-up on a contact nobody introduced', withContact({ started: 'reached-out', introducedById: undefined }), 'followUp'],
	['an introducer id and name both', withContact({ introducedByName: 'Priya' }), 'introducedById'],
	['a group on an introduction', withContact({ groupName: 'Board' }), 'groupName'],
	['notes of 1001 characters', withContact({ notes: 'n'.repeat(1001) }), 'notes'],
	['a field of 101 characters', withContact({ field: 'f'.repeat(101) }), 'field'],
	['a sector of 61 characters', withContact({ sector: 's'.repeat(61) }), 'sector'],
	['a creation time that is not a date-time', withContact({ createdAt: 'yesterday' }), 'createdAt'],
	['an unknown field', withContact({ birthday: '1980-01-01' }), 'birthday'],
];

describe('networkPart.read: what it drops', () => {
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

describe('the import check of the network part', () => {
	it.each(badContacts)('refuses a contact with %s, naming the field', (_name, raw, field) => {
		const problems = importProblems(raw);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(new RegExp(`^network\\.contacts\\.0\\.${field.replace('.', '\\.')}: data\\.import\\.issue\\.`));
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
	])('accepts a contact with %s, unchanged', (_name, raw) => {
		const result = parseImportFile(JSON.stringify(toExportFile({ ...emptyModel(), network: raw as NetworkState }, now)));
		expect(result.ok && result.model.network).toEqual(raw);
	});

	it.each([
		[
			'two contacts with one id',
			{ version: CURRENT_VERSION, contacts: [contact(), contact()], invitations: [], groups: [] },
			'network.contacts: data.import.issue.repeat',
		],
		[
			'an unknown top-level field, which storage would leave out',
			{ ...emptyNetwork(), friends: [] },
			'network.friends: data.import.issue.unknown',
		],
	])('refuses %s', (_name, raw, problem) => {
		expect(importProblems(raw)).toEqual([problem]);
	});
});

describe('introducerName and groupNameOf', () => {
	it('name who introduced a contact and the group met in, even after the introducer or group is deleted', () => {
		const jk = fullNetwork().contacts.find((c) => c.id === 'c-jk')!;
		const ana = fullNetwork().contacts.find((c) => c.id === 'c-ana')!;
		expect([introducerName(fullNetwork(), jk), groupNameOf(fullNetwork(), ana)]).toEqual(['Priya N.', 'Mental health working group']);
		const gone = deleteGroup(deleteContact(fullNetwork(), 'c-priya'), 'g-mh');
		expect([
			introducerName(
				gone,
				gone.contacts.find((c) => c.id === 'c-jk')!,
			),
			groupNameOf(
				gone,
				gone.contacts.find((c) => c.id === 'c-ana')!,
			),
		]).toEqual(['Priya N.', 'Mental health working group']);
	});
});

describe('the network in the data export and import', () => {
	it('round-trips through toExportFile and parseImportFile unchanged', () => {
		const model = { ...emptyModel(), network: fullNetwork() };
		const text = JSON.stringify(toExportFile(model, now), null, 2);
		expect(parseImportFile(text)).toEqual({ ok: true, model });
		expect(sanitizeNetwork(JSON.parse(text).data.network)).toEqual({ state: model.network, dropped: [] });
	});

	it('rejects a whole file when one contact is invalid, naming where', () => {
		const network = fullNetwork();
		const broken = { ...network, contacts: [...network.contacts, { ...contact(), id: 'c-x', name: '' }] };
		const result = parseImportFile(JSON.stringify(toExportFile({ ...emptyModel(), network: broken as NetworkState }, now)));
		expect(result.ok ? [] : result.problems).toEqual([{ path: 'network.contacts.4.name', key: 'data.import.issue.text' }]);
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
