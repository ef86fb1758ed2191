/**
 * The /network page's contact form (NetworkManager.astro renders it), a part
 * of <network-manager> (./network-manager.ts): add a contact, or edit one.
 * Fields that apply only to some ways of starting a connection show as they
 * apply; a name already in the network asks before saving; the lists of who
 * introduced a contact and of groups follow the network.
 */
import { say, type Strings } from '../../i18n/island';
import type { IslandKey } from '../../i18n/islands';
import type { Benefit, Contact, ContactDraft, NetworkState } from '../../lib/network/network';
import { OTHER, validateContact, type ContactForm } from '../../lib/network/validation';
import { $network, addContact, today, updateContact } from '../../stores/network';
import {
	clearErrors,
	control,
	duplicateQuestion,
	fillContactSelect,
	h,
	part,
	sectorLabels,
	setSector,
	showErrors,
	ticked,
	value,
	ERROR_SUMMARY,
} from './tool-kit';

/** What the rest of the page does with the contact form. */
export interface ContactFormControl {
	/** The id of the contact being edited, if one is. */
	readonly editing: string | undefined;
	/** Puts a contact into the form for editing and moves there. */
	edit(contact: Contact): void;
	/** Stops editing (or clears the form); focuses the Edit button of contact `focusId`, if given. */
	end(focusId?: string): void;
	/** Refreshes the lists that come from the network: who introduced the contact, and the groups. */
	update(state: NetworkState): void;
}

/** Wires the contact form inside `root` (the <network-manager> element). */
export function wireContactForm(root: HTMLElement, s: Strings<IslandKey<'network-manager'>>): ContactFormControl {
	const form = part<HTMLFormElement>(root, 'form[data-form="contact"]');
	const status = part(form, '.tool-status');
	const title = part(root, '#contact-form-title');
	const submit = part<HTMLButtonElement>(form, 'button[type="submit"]');
	const cancel = part<HTMLButtonElement>(form, '[data-action="cancel-edit"]');
	const introducers = control(form, 'introducedBy') as HTMLSelectElement;
	const groups = control(form, 'group') as HTMLSelectElement;
	let editing: string | undefined;

	(control(form, 'lastContact') as HTMLInputElement).max = today();

	// Fields that apply only to some ways of starting a connection.
	const showWhen = () => {
		const started = value(form, 'started');
		for (const field of form.querySelectorAll<HTMLElement>('[data-when]')) {
			const when = field.dataset.when ?? '';
			field.hidden = when.endsWith('-other')
				? started !== when.replace('-other', '') || value(form, when === 'introduced-other' ? 'introducedBy' : 'group') !== OTHER
				: started !== when;
		}
	};

	/** The "who introduced you" list: contacts other than the one being edited, then "someone else". */
	const fillIntroducers = (state: NetworkState, chosen: string) => {
		fillContactSelect(
			introducers,
			state.contacts.filter((contact) => contact.id !== editing),
			s['network.notRecorded'],
		);
		introducers.append(h('option', { value: OTHER }, s['network.page.someoneElse']));
		introducers.value = [...introducers.options].some((option) => option.value === chosen) ? chosen : '';
	};

	const end = (focusId?: string) => {
		editing = undefined;
		form.reset();
		clearErrors(form);
		question.close();
		title.textContent = title.dataset.add ?? '';
		submit.textContent = submit.dataset.add ?? '';
		cancel.hidden = true;
		part(form, 'select[data-sector]').dispatchEvent(new Event('change'));
		showWhen();
		if (focusId) root.querySelector<HTMLElement>(`button[data-edit-id="${focusId}"]`)?.focus();
	};

	const save = (draft: ContactDraft) => {
		const edited = editing;
		if (edited) updateContact(edited, draft);
		else addContact(draft);
		end(edited);
		status.textContent = say(s, edited ? 'network.page.updated' : 'network.page.added', { name: draft.name });
		if (!edited) control(form, 'name').focus();
	};

	const question = duplicateQuestion<ContactDraft>(form, status, (action, draft) => {
		if (action === 'anyway') return save(draft);
		question.close();
		control(form, 'name').focus();
	});

	form.addEventListener('change', showWhen);
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		const checked = validateContact(readForm(form), $network.get(), today(), editing, sectorLabels());
		if (showErrors(form, checked.errors)) {
			status.textContent = ERROR_SUMMARY;
			return;
		}
		if (!checked.draft) return;
		if (checked.duplicate) {
			question.ask(checked.draft, say(s, 'network.page.duplicate', { name: checked.duplicate.name }));
			return;
		}
		save(checked.draft);
	});
	cancel.addEventListener('click', () => end(editing));
	showWhen();

	return {
		get editing() {
			return editing;
		},
		edit(contact) {
			editing = contact.id;
			fillForm(form, contact);
			fillIntroducers($network.get(), contact.introducedById ?? (contact.introducedByName ? OTHER : ''));
			showWhen();
			title.textContent = say(s, 'network.page.editTitle', { name: contact.name });
			submit.textContent = submit.dataset.edit ?? '';
			cancel.hidden = false;
			form.scrollIntoView({ block: 'start' });
			control(form, 'name').focus();
		},
		end,
		update(state) {
			fillIntroducers(state, introducers.value);
			const chosen = groups.value;
			groups.replaceChildren(
				h('option', { value: '' }, s['network.notRecorded']),
				...state.groups.map((group) => h('option', { value: group.id }, group.name)),
				h('option', { value: OTHER }, s['network.page.otherGroup']),
			);
			groups.value = [...groups.options].some((option) => option.value === chosen) ? chosen : '';
		},
	};
}

/** The form's fields as typed, for validation. */
function readForm(form: HTMLFormElement): ContactForm {
	return {
		name: value(form, 'name'),
		sector: value(form, 'sector'),
		sectorOther: value(form, 'sectorOther'),
		field: value(form, 'field'),
		started: value(form, 'started'),
		introducedBy: value(form, 'introducedBy'),
		introducedByName: value(form, 'introducedByName'),
		group: value(form, 'group'),
		groupName: value(form, 'groupName'),
		initiatedBy: value(form, 'initiatedBy'),
		benefitsToMe: ticked(form, 'toMe'),
		benefitsFromMe: ticked(form, 'fromMe'),
		lastContact: value(form, 'lastContact'),
		followUp: value(form, 'followUp'),
		notes: value(form, 'notes'),
	};
}

/** Puts a stored contact's fields into the form (the introducer list is filled by the caller). */
function fillForm(form: HTMLFormElement, contact: Contact) {
	form.reset();
	clearErrors(form);
	control(form, 'name').value = contact.name;
	setSector(form, 'sector', contact.sector);
	control(form, 'field').value = contact.field ?? '';
	control(form, 'started').value = contact.started;
	control(form, 'introducedByName').value = contact.introducedByName ?? '';
	control(form, 'group').value = contact.groupId ?? (contact.groupName ? OTHER : '');
	control(form, 'groupName').value = contact.groupName ?? '';
	for (const radio of form.querySelectorAll<HTMLInputElement>('input[name="initiatedBy"]'))
		radio.checked = radio.value === contact.initiatedBy;
	for (const box of form.querySelectorAll<HTMLInputElement>('input[name="toMe"]'))
		box.checked = contact.benefitsToMe.includes(box.value as Benefit);
	for (const box of form.querySelectorAll<HTMLInputElement>('input[name="fromMe"]'))
		box.checked = contact.benefitsFromMe.includes(box.value as Benefit);
	control(form, 'lastContact').value = contact.lastContact ?? '';
	control(form, 'followUp').value = contact.followUp ?? 'pending';
	control(form, 'notes').value = contact.notes ?? '';
}
