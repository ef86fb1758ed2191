/**
 * Checks what the reader types into the network tools, field by field, before
 * anything is saved. Each check returns the clean value or an error code; the
 * islands turn codes into inline messages (src/i18n/en.json, `network.error.*`).
 * A duplicate name is not an error but a question: the result carries the
 * contact it matches so the form can ask "Add anyway?".
 */
import { isRealIsoDate } from '../learner/values';
import {
	BENEFITS,
	CONTROL,
	CONTROL_IN_TEXT,
	INITIATORS,
	LIMITS,
	RESPONSES,
	STARTS,
	nameKey,
	type Benefit,
	type Contact,
	type ContactDraft,
	type GroupDraft,
	type InvitationDraft,
	type NetworkState,
} from './network';

/** Why a field's value was refused; each has a message `network.error.<code>`. */
export type FieldError =
	'required' | 'tooLong' | 'control' | 'otherEmpty' | 'invalidDate' | 'future' | 'notWhole' | 'outOfRange' | 'moreThanMembers';

/** A checked field: its clean value, or why it was refused. */
export interface Checked<T> {
	value?: T;
	error?: FieldError;
}

/** Field name → error code, for the fields that failed. */
export type FieldErrors = Record<string, FieldError>;

/** The select value that means "not in the list: I will type it". */
export const OTHER = 'other';

/** A required one-line value (a name): trimmed, 1–`max` characters, no control characters. */
export function checkName(raw: string, max: number = LIMITS.name): Checked<string> {
	const value = raw.trim();
	if (!value) return { error: 'required' };
	if (value.length > max) return { error: 'tooLong' };
	if (CONTROL.test(value)) return { error: 'control' };
	return { value };
}

/** An optional one-line value: blank gives no value and no error. */
function checkLine(raw: string, max: number): Checked<string | undefined> {
	return raw.trim() ? checkName(raw, max) : {};
}

/** Optional free text (notes): line breaks allowed. */
export function checkText(raw: string, max: number): Checked<string | undefined> {
	const value = raw.trim();
	if (!value) return {};
	if (value.length > max) return { error: 'tooLong' };
	if (CONTROL_IN_TEXT.test(value)) return { error: 'control' };
	return { value };
}

/**
 * A sector from a list plus "Other": `choice` is the list's value ('' for not
 * recorded, `OTHER` for the typed `typed`). A typed sector that matches a
 * listed one (by id or by label, any case) is stored as the listed one.
 */
export function checkSector(choice: string, typed: string, labels: Record<string, string> = {}): Checked<string | undefined> {
	if (choice !== OTHER) return choice ? { value: choice } : {};
	const checked = checkName(typed, LIMITS.sector);
	if (checked.error) return { error: checked.error === 'required' ? 'otherEmpty' : checked.error };
	const key = checked.value!.toLowerCase();
	const listed = Object.entries(labels).find(([id, text]) => id === key || text.toLowerCase() === key);
	return { value: listed ? listed[0] : checked.value };
}

/**
 * A calendar day typed as `YYYY-MM-DD`, not after `today`. `raw` is
 * `'invalid'` when the browser’s date field holds an incomplete or
 * impossible date (its value is then empty but its validity says so).
 */
export function checkDate(raw: string, today: string, required = false): Checked<string | undefined> {
	const value = raw.trim();
	if (!value) return required ? { error: 'required' } : {};
	if (!isRealIsoDate(value)) return { error: 'invalidDate' };
	if (value > today) return { error: 'future' };
	return { value };
}

/** A whole number between `min` and `max` typed in a field. */
export function checkCount(raw: string, min: number, max: number): Checked<number> {
	const value = raw.trim();
	if (!value) return { error: 'required' };
	if (!/^\d+$/.test(value)) return { error: 'notWhole' };
	const number = Number(value);
	return number < min || number > max ? { error: 'outOfRange' } : { value: number };
}

/** The contact already called `name` (case and spacing ignored), other than `exceptId`. */
export function findDuplicate(contacts: readonly Contact[], name: string, exceptId?: string): Contact | undefined {
	const key = nameKey(name);
	return contacts.find((contact) => contact.id !== exceptId && nameKey(contact.name) === key);
}

function collect<T>(errors: FieldErrors, field: string, checked: Checked<T>): T | undefined {
	if (checked.error) errors[field] = checked.error;
	return checked.value;
}

const benefitsOf = (values: readonly string[]) => BENEFITS.filter((benefit) => values.includes(benefit)) as Benefit[];

/** The contact form’s raw values, as the fields hold them. */
export interface ContactForm {
	name: string;
	sector: string;
	sectorOther: string;
	field: string;
	started: string;
	/** A contact id, `OTHER` (then `introducedByName`), or '' for not recorded. */
	introducedBy: string;
	introducedByName: string;
	/** A group id, `OTHER` (then `groupName`), or ''. */
	group: string;
	groupName: string;
	initiatedBy: string;
	benefitsToMe: string[];
	benefitsFromMe: string[];
	lastContact: string;
	followUp: string;
	notes: string;
}

/** A checked form: a draft to save when nothing was refused, else the errors by field. */
export interface Validated<T> {
	/** Set only when there are no errors. */
	draft?: T;
	errors: FieldErrors;
	/** An existing contact with the same name: ask before adding. */
	duplicate?: Contact;
}

/** Checks the full contact form (the /network page). `exceptId` is the contact being edited. */
export function validateContact(
	form: ContactForm,
	state: NetworkState,
	today: string,
	exceptId?: string,
	sectorLabels: Record<string, string> = {},
): Validated<ContactDraft> {
	const errors: FieldErrors = {};
	const name = collect(errors, 'name', checkName(form.name));
	const sector = collect(errors, 'sectorOther', checkSector(form.sector, form.sectorOther, sectorLabels));
	const field = collect(errors, 'field', checkLine(form.field, LIMITS.field));
	const lastContact = collect(errors, 'lastContact', checkDate(form.lastContact, today));
	const notes = collect(errors, 'notes', checkText(form.notes, LIMITS.notes));
	const started = STARTS.find((value) => value === form.started) ?? 'reached-out';
	const initiatedBy = INITIATORS.find((value) => value === form.initiatedBy) ?? (started === 'invitation' ? 'them' : 'me');
	const draft: ContactDraft = {
		name: name ?? '',
		started,
		initiatedBy,
		benefitsToMe: benefitsOf(form.benefitsToMe),
		benefitsFromMe: benefitsOf(form.benefitsFromMe),
	};
	if (sector) draft.sector = sector;
	if (field) draft.field = field;
	if (lastContact) draft.lastContact = lastContact;
	if (notes) draft.notes = notes;
	if (started === 'introduced') {
		if (form.introducedBy === OTHER) {
			const byName = collect(errors, 'introducedByName', checkLine(form.introducedByName, LIMITS.name));
			if (byName) draft.introducedByName = byName;
		} else if (form.introducedBy && state.contacts.some((contact) => contact.id === form.introducedBy && contact.id !== exceptId)) {
			draft.introducedById = form.introducedBy;
		}
		draft.followUp = form.followUp === 'done' ? 'done' : 'pending';
	}
	if (started === 'group') {
		if (form.group === OTHER) {
			const groupName = collect(errors, 'groupName', checkLine(form.groupName, LIMITS.name));
			if (groupName) draft.groupName = groupName;
		} else if (form.group && state.groups.some((group) => group.id === form.group)) {
			draft.groupId = form.group;
		}
	}
	if (Object.keys(errors).length) return { errors };
	const duplicate = findDuplicate(state.contacts, draft.name, exceptId);
	return duplicate ? { draft, errors, duplicate } : { draft, errors };
}

/** The invitation form’s raw values. */
export interface InvitationForm {
	from: string;
	sector: string;
	sectorOther: string;
	response: string;
	iCouldLearn: string;
	theyCouldLearn: string;
	date: string;
}

/** Checks the invitation form; an accepted invitation from a known name asks whether it is the same person. */
export function validateInvitation(
	form: InvitationForm,
	state: NetworkState,
	today: string,
	sectorLabels: Record<string, string> = {},
): Validated<InvitationDraft> {
	const errors: FieldErrors = {};
	const from = collect(errors, 'from', checkName(form.from));
	const sector = collect(errors, 'sectorOther', checkSector(form.sector, form.sectorOther, sectorLabels));
	const iCouldLearn = collect(errors, 'iCouldLearn', checkText(form.iCouldLearn, LIMITS.learn));
	const theyCouldLearn = collect(errors, 'theyCouldLearn', checkText(form.theyCouldLearn, LIMITS.learn));
	const date = collect(errors, 'date', checkDate(form.date, today, true));
	const response = RESPONSES.find((value) => value === form.response);
	if (!response) errors.response = 'required';
	if (Object.keys(errors).length) return { errors };
	const draft: InvitationDraft = { from: from!, response: response!, date: date! };
	if (sector) draft.sector = sector;
	if (iCouldLearn) draft.iCouldLearn = iCouldLearn;
	if (theyCouldLearn) draft.theyCouldLearn = theyCouldLearn;
	const duplicate = response === 'accepted' ? findDuplicate(state.contacts, draft.from) : undefined;
	return duplicate ? { draft, errors, duplicate } : { draft, errors };
}

/** The group form’s raw values. */
export interface GroupForm {
	name: string;
	joined: string;
	members: string;
	newMembers: string;
}

/** Checks the group form: how many members were new cannot exceed how many there are. */
export function validateGroup(form: GroupForm, today: string): Validated<GroupDraft> {
	const errors: FieldErrors = {};
	const name = collect(errors, 'name', checkName(form.name));
	const joined = collect(errors, 'joined', checkDate(form.joined, today, true));
	const members = collect(errors, 'members', checkCount(form.members, 1, LIMITS.members));
	const newMembers = collect(errors, 'newMembers', checkCount(form.newMembers, 0, LIMITS.members));
	if (members !== undefined && newMembers !== undefined && newMembers > members) errors.newMembers = 'moreThanMembers';
	if (Object.keys(errors).length) return { errors };
	return { draft: { name: name!, joined: joined!, members: members!, newMembers: newMembers! }, errors };
}

/** The referral form: who referred the reader, and the names they gave (one field each). */
export interface ReferralForm {
	referrer: string;
	names: string[];
}

/** Names a contact gave the reader: the referrer’s id and the names, blanks left out. */
export interface ReferralsDraft {
	referrerId: string;
	names: string[];
}

/** The checked referral form. */
export interface ValidatedReferrals {
	/** Set only when there are no errors. */
	draft?: ReferralsDraft;
	/** `referrer`, `name-<index>` or `names` (none given) → error. */
	errors: FieldErrors;
	/** Names that match a contact already in the map (or repeat one given above): ask before adding. */
	duplicates: string[];
}

/** Checks the referral form. */
export function validateReferrals(form: ReferralForm, state: NetworkState): ValidatedReferrals {
	const errors: FieldErrors = {};
	if (!state.contacts.some((contact) => contact.id === form.referrer)) errors.referrer = 'required';
	const names: string[] = [];
	form.names.forEach((raw, index) => {
		const checked = checkLine(raw, LIMITS.name);
		if (checked.error) errors[`name-${index}`] = checked.error;
		else if (checked.value) names.push(checked.value);
	});
	if (!names.length && !Object.keys(errors).some((key) => key.startsWith('name-'))) errors['name-0'] = 'required';
	if (Object.keys(errors).length) return { errors, duplicates: [] };
	const seen = new Set<string>();
	const duplicates = names.filter((name) => {
		const key = nameKey(name);
		const repeated = seen.has(key) || Boolean(findDuplicate(state.contacts, name));
		seen.add(key);
		return repeated;
	});
	return { draft: { referrerId: form.referrer, names }, errors, duplicates };
}
