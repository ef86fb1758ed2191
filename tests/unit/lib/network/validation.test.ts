import { describe, expect, it } from 'vitest';
import {
	OTHER,
	checkCount,
	checkDate,
	checkName,
	checkSector,
	checkText,
	findDuplicate,
	validateContact,
	validateGroup,
	validateInvitation,
	validateReferrals,
	type ContactForm,
} from '../../../../src/lib/network/validation';
import { contact, network } from './fixtures';

const today = '2026-03-14';
const labels = { health: 'Health', justice: 'Justice and law' };

describe('checkName', () => {
	it.each([
		['Sam', { value: 'Sam' }],
		['  Sam Lee  ', { value: 'Sam Lee' }],
		['J. K.', { value: 'J. K.' }],
		['', { error: 'required' }],
		['   ', { error: 'required' }],
		['x'.repeat(100), { value: 'x'.repeat(100) }],
		['x'.repeat(101), { error: 'tooLong' }],
		[` ${'x'.repeat(100)} `, { value: 'x'.repeat(100) }],
		['Sa\u0000m', { error: 'control' }],
		['Sam\nLee', { error: 'control' }],
	])('%j gives %j', (raw, result) => {
		expect(checkName(raw)).toEqual(result);
	});
});

describe('checkText', () => {
	it.each([
		['', {}],
		['Line one\nLine two', { value: 'Line one\nLine two' }],
		['n'.repeat(1000), { value: 'n'.repeat(1000) }],
		['n'.repeat(1001), { error: 'tooLong' }],
		['bell\u0007', { error: 'control' }],
	])('%j gives %j', (raw, result) => {
		expect(checkText(raw, 1000)).toEqual(result);
	});
});

describe('checkSector', () => {
	it.each([
		['', '', {}],
		['health', '', { value: 'health' }],
		[OTHER, 'Retail', { value: 'Retail' }],
		[OTHER, '  Retail ', { value: 'Retail' }],
		[OTHER, 'HEALTH', { value: 'health' }],
		[OTHER, 'justice and law', { value: 'justice' }],
		[OTHER, '', { error: 'otherEmpty' }],
		[OTHER, 's'.repeat(61), { error: 'tooLong' }],
	])('choice %j typed %j gives %j', (choice, typed, result) => {
		expect(checkSector(choice, typed, labels)).toEqual(result);
	});
});

describe('checkDate', () => {
	it.each<[string, boolean, object]>([
		['', false, {}],
		['', true, { error: 'required' }],
		['2026-03-14', true, { value: '2026-03-14' }],
		['2026-03-13', true, { value: '2026-03-13' }],
		['2026-03-15', true, { error: 'future' }],
		['2026-02-30', true, { error: 'invalidDate' }],
		['2025-02-29', true, { error: 'invalidDate' }],
		['invalid', true, { error: 'invalidDate' }],
		['14/03/2026', true, { error: 'invalidDate' }],
	])('%j (required: %s) gives %j', (raw, required, result) => {
		expect(checkDate(raw, today, required)).toEqual(result);
	});
});

describe('checkCount', () => {
	it.each([
		['7', { value: 7 }],
		[' 7 ', { value: 7 }],
		['0', { error: 'outOfRange' }],
		['1', { value: 1 }],
		['10000', { value: 10000 }],
		['10001', { error: 'outOfRange' }],
		['7.5', { error: 'notWhole' }],
		['-1', { error: 'notWhole' }],
		['seven', { error: 'notWhole' }],
		['', { error: 'required' }],
	])('%j gives %j', (raw, result) => {
		expect(checkCount(raw, 1, 10_000)).toEqual(result);
	});
});

describe('findDuplicate', () => {
	const sam = contact({ id: 'c-sam', name: 'Sam  Lee' });
	it.each([
		['Sam Lee', 'c-sam'],
		['  sam lee ', 'c-sam'],
		['SAM   LEE', 'c-sam'],
		['Sam', undefined],
	])('%j matches %s', (name, id) => {
		expect(findDuplicate([sam], name)?.id).toBe(id);
	});

	it('does not match the contact being edited', () => {
		expect(findDuplicate([sam], 'Sam Lee', 'c-sam')).toBeUndefined();
	});
});

const form = (parts: Partial<ContactForm> = {}): ContactForm => ({
	name: 'Ana',
	sector: 'health',
	sectorOther: '',
	field: '',
	started: 'reached-out',
	introducedBy: '',
	introducedByName: '',
	group: '',
	groupName: '',
	initiatedBy: 'me',
	benefitsToMe: [],
	benefitsFromMe: [],
	lastContact: '',
	followUp: 'pending',
	notes: '',
	...parts,
});

describe('validateContact', () => {
	const state = network([contact({ id: 'c-sam', name: 'Sam' })], {
		groups: [{ id: 'g-1', name: 'Board', joined: '2026-01-01', members: 5, newMembers: 2, createdAt: '2026-01-01T10:00:00Z' }],
	});

	it.each<[string, Partial<ContactForm>, Record<string, string>]>([
		['an empty name', { name: '' }, { name: 'required' }],
		['a name of 101 characters', { name: 'x'.repeat(101) }, { name: 'tooLong' }],
		['an impossible date', { lastContact: '2026-02-30' }, { lastContact: 'invalidDate' }],
		['a date in the future', { lastContact: '2026-03-15' }, { lastContact: 'future' }],
		['"Other" sector left blank', { sector: OTHER, sectorOther: '' }, { sectorOther: 'otherEmpty' }],
		['notes of 1001 characters', { notes: 'n'.repeat(1001) }, { notes: 'tooLong' }],
		['two errors at once', { name: '', lastContact: 'invalid' }, { name: 'required', lastContact: 'invalidDate' }],
	])('reports %s on its field and gives no draft', (_name, parts, errors) => {
		expect(validateContact(form(parts), state, today)).toEqual({ errors });
	});

	it('asks about a duplicate name instead of refusing it', () => {
		const result = validateContact(form({ name: ' sam ' }), state, today);
		expect(result.errors).toEqual({});
		expect(result.duplicate?.id).toBe('c-sam');
		expect(result.draft?.name).toBe('sam');
	});

	it('does not call a contact a duplicate of itself while editing', () => {
		expect(validateContact(form({ name: 'Sam' }), state, today, 'c-sam').duplicate).toBeUndefined();
	});

	it('builds a draft of an introduction by a contact in the map, pending by default', () => {
		const result = validateContact(
			form({ started: 'introduced', introducedBy: 'c-sam', followUp: '', benefitsToMe: ['repurpose', 'trends', 'fame'] }),
			state,
			today,
		);
		expect(result.draft).toEqual({
			name: 'Ana',
			sector: 'health',
			started: 'introduced',
			introducedById: 'c-sam',
			initiatedBy: 'me',
			followUp: 'pending',
			benefitsToMe: ['trends', 'repurpose'],
			benefitsFromMe: [],
		});
	});

	it('keeps a typed introducer and a typed group name, and a listed group by id', () => {
		expect(
			validateContact(form({ started: 'introduced', introducedBy: OTHER, introducedByName: ' Dee ' }), state, today).draft
				?.introducedByName,
		).toBe('Dee');
		expect(validateContact(form({ started: 'group', group: OTHER, groupName: 'Choir' }), state, today).draft?.groupName).toBe('Choir');
		expect(validateContact(form({ started: 'group', group: 'g-1' }), state, today).draft?.groupId).toBe('g-1');
		expect(validateContact(form({ started: 'group', group: 'g-gone' }), state, today).draft?.groupId).toBeUndefined();
	});
});

describe('validateInvitation', () => {
	const state = network([contact({ id: 'c-sam', name: 'Sam' })]);
	const invitation = (parts: object = {}) => ({
		from: 'Priya',
		sector: 'health',
		sectorOther: '',
		response: 'accepted',
		iCouldLearn: '',
		theyCouldLearn: '',
		date: today,
		...parts,
	});

	it.each([
		['an empty name', { from: '' }, { from: 'required' }],
		['a name of 101 characters', { from: 'p'.repeat(101) }, { from: 'tooLong' }],
		['no answer chosen', { response: '' }, { response: 'required' }],
		['no date', { date: '' }, { date: 'required' }],
		['an impossible date', { date: 'invalid' }, { date: 'invalidDate' }],
		['a future date', { date: '2026-04-01' }, { date: 'future' }],
		['what they could learn at 501 characters', { theyCouldLearn: 't'.repeat(501) }, { theyCouldLearn: 'tooLong' }],
	])('reports %s', (_name, parts, errors) => {
		expect(validateInvitation(invitation(parts), state, today)).toEqual({ errors });
	});

	it('gives a draft without blank fields', () => {
		expect(validateInvitation(invitation({ sector: '' }), state, today)).toEqual({
			draft: { from: 'Priya', response: 'accepted', date: today },
			errors: {},
		});
	});

	it('asks whether an accepted invitation from a known name is the same person, but not a declined one', () => {
		expect(validateInvitation(invitation({ from: 'SAM' }), state, today).duplicate?.id).toBe('c-sam');
		expect(validateInvitation(invitation({ from: 'SAM', response: 'declined' }), state, today).duplicate).toBeUndefined();
	});
});

describe('validateGroup', () => {
	const group = (parts: object = {}) => ({ name: 'Mental health group', joined: today, members: '7', newMembers: '5', ...parts });

	it('accepts the executive’s group: 5 of 7 members new', () => {
		expect(validateGroup(group(), today)).toEqual({
			draft: { name: 'Mental health group', joined: today, members: 7, newMembers: 5 },
			errors: {},
		});
	});

	it.each([
		['an empty name', { name: '' }, { name: 'required' }],
		['more new members than members', { newMembers: '8' }, { newMembers: 'moreThanMembers' }],
		['all members new', { newMembers: '7' }, {}],
		['no members', { members: '0' }, { members: 'outOfRange' }],
		['half a member', { members: '7.5' }, { members: 'notWhole' }],
		['an impossible date', { joined: '2026-02-30' }, { joined: 'invalidDate' }],
	])('handles %s', (_name, parts, errors) => {
		expect(validateGroup(group(parts), today).errors).toEqual(errors);
	});
});

describe('validateReferrals', () => {
	const state = network([contact({ id: 'c-ref', name: 'Referrer' }), contact({ id: 'c-sam', name: 'Sam' })]);

	it('takes the names given, leaving blanks out', () => {
		expect(validateReferrals({ referrer: 'c-ref', names: ['Ann', '', ' Ben '] }, state)).toEqual({
			draft: { referrerId: 'c-ref', names: ['Ann', 'Ben'] },
			errors: {},
			duplicates: [],
		});
	});

	it.each([
		['no referrer chosen', { referrer: '', names: ['Ann'] }, { referrer: 'required' }],
		['a referrer not in the map', { referrer: 'c-gone', names: ['Ann'] }, { referrer: 'required' }],
		['no names at all', { referrer: 'c-ref', names: ['', '', ''] }, { 'name-0': 'required' }],
		['a name of 101 characters in the second field', { referrer: 'c-ref', names: ['Ann', 'x'.repeat(101), ''] }, { 'name-1': 'tooLong' }],
	])('reports %s', (_name, referralForm, errors) => {
		expect(validateReferrals(referralForm, state)).toEqual({ errors, duplicates: [] });
	});

	it('asks about names already in the map or given twice', () => {
		expect(validateReferrals({ referrer: 'c-ref', names: ['sam', 'Ann', 'ann'] }, state).duplicates).toEqual(['sam', 'ann']);
	});
});
