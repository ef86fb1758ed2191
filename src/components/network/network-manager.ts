/**
 * The /network page's island (NetworkManager.astro renders its markup): the
 * own sector, the six tools' summaries, the contact form (add and edit), the
 * filtered contact list with edit and delete (undo right after), and the
 * invitations and groups logged. Every change goes through the store's
 * actions, so the lesson tools see it too.
 */
import { benefitsCoverage } from '../../lib/network/benefits';
import { dayOf } from '../../lib/calendar/dates';
import { diversityIndex, diversityLevel, newMembersTotal, ownSectorShare, sectorMix } from '../../lib/network/diversity';
import { pendingFollowUps } from '../../lib/network/follow-ups';
import { initiationShare, reachOutThisWeek } from '../../lib/network/initiative';
import { recentInvitations } from '../../lib/network/invitations';
import {
	groupNameOf,
	introducerName,
	nameKey,
	sectorKey,
	type Benefit,
	type Contact,
	type ContactDraft,
	type NetworkState,
} from '../../lib/network/network';
import { summarizeNetwork } from '../../lib/network/summary';
import { OTHER, validateContact, type ContactForm, type FieldErrors } from '../../lib/network/validation';
import { chanceOfAtLeastOne, outreachThisQuarter } from '../../lib/network/probability';
import {
	$network,
	addContact,
	deleteContact,
	deleteGroup,
	deleteInvitation,
	setOwnSector,
	today,
	undoDelete,
	updateContact,
} from '../../stores/network';
import {
	benefitName,
	clearErrors,
	control,
	duplicateQuestion,
	fillContactSelect,
	h,
	percent,
	readSector,
	readStrings,
	ready,
	say,
	sectorLabels,
	sectorName,
	setSector,
	showDate,
	showErrors,
	ticked,
	value,
	type Strings,
} from './tool-kit';

/** The six summaries, each a few sentences built from the same pure calculations as the lesson tools. */
function summaries(state: NetworkState, s: Strings): Record<string, string> {
	const now = new Date();
	const day = today();
	const recent = recentInvitations(state.invitations, state.ownSector, day);
	const coverage = benefitsCoverage(state.contacts);
	const outreach = outreachThisQuarter(state.contacts, now);
	const due = pendingFollowUps(state);
	const mix = sectorMix(state.contacts);
	const index = diversityIndex(state.contacts);
	const groups = newMembersTotal(state.groups);
	const share = initiationShare(state.contacts);
	const diversity = [
		say(s, 'diversity.index', { index: index.toFixed(2), level: s[`diversity.level.${diversityLevel(index, mix.known)}`]! }),
	];
	if (state.ownSector && mix.known) {
		const own = ownSectorShare(state.contacts, state.ownSector);
		diversity.push(
			say(s, own.birdsOfAFeather ? 'diversity.birds' : 'diversity.noBirds', {
				same: own.same,
				known: own.known,
				share: percent(own.share),
				sector: sectorName(s, state.ownSector),
			}),
		);
	}
	if (state.groups.length)
		diversity.push(say(s, 'page.groups', { count: state.groups.length, new: groups.newMembers, members: groups.members }));
	return {
		invitations: recent.accepted
			? say(s, recent.outside === undefined ? 'invitations.resultNoSector' : 'invitations.result', {
					accepted: recent.accepted,
					outside: recent.outside ?? 0,
				})
			: s['invitations.resultEmpty']!,
		benefits: `${say(s, 'benefits.result', { count: coverage.covered.length })} ${
			coverage.lacking.length
				? say(s, 'benefits.lacking', { list: coverage.lacking.map((benefit) => benefitName(s, benefit)).join('; ') })
				: s['benefits.allCovered']
		}`,
		outreach: say(s, 'page.outreach', { count: outreach, chance: percent(chanceOfAtLeastOne(0.1, outreach)) }),
		followUps: due.length
			? `${say(s, 'referrals.result', { count: due.length })} ${say(s, 'page.followUpsOldest', { name: due[0]!.contact.name, date: showDate(dayOf(due[0]!.contact.createdAt)) })}`
			: s['referrals.resultNone']!,
		diversity: diversity.join(' '),
		initiative: `${share === undefined ? s['initiative.overallNone'] : say(s, 'initiative.overall', { me: state.contacts.filter((contact) => contact.initiatedBy === 'me').length, total: state.contacts.length, share: percent(share) })} ${say(s, 'page.dueCount', { count: reachOutThisWeek(state.contacts, day).length })}`,
	};
}

class NetworkManager extends HTMLElement {
	#s: Strings = {};
	#editing: string | undefined;

	connectedCallback() {
		const s = (this.#s = readStrings(this));
		const form = this.querySelector<HTMLFormElement>('form[data-form="contact"]')!;
		const ownForm = this.querySelector<HTMLFormElement>('form[data-form="own"]')!;
		const status = form.querySelector('.tool-status')!;
		const title = this.querySelector<HTMLElement>('#contact-form-title')!;
		const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
		const cancel = form.querySelector<HTMLButtonElement>('[data-action="cancel-edit"]')!;
		const last = control(form, 'lastContact') as HTMLInputElement;

		last.max = today();

		// Fields that apply only to some ways of starting a connection.
		const showWhen = () => {
			const started = value(form, 'started');
			for (const part of form.querySelectorAll<HTMLElement>('[data-when]')) {
				const when = part.dataset.when!;
				part.hidden = when.endsWith('-other')
					? started !== when.replace('-other', '') || value(form, when === 'introduced-other' ? 'introducedBy' : 'group') !== OTHER
					: started !== when;
			}
		};
		form.addEventListener('change', showWhen);

		const readForm = (): ContactForm => ({
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
		});

		const endEdit = (focusId?: string) => {
			this.#editing = undefined;
			form.reset();
			clearErrors(form);
			question.close();
			title.textContent = title.dataset.add!;
			submit.textContent = submit.dataset.add!;
			cancel.hidden = true;
			form.querySelector<HTMLSelectElement>('select[data-sector]')!.dispatchEvent(new Event('change'));
			showWhen();
			if (focusId) this.querySelector<HTMLElement>(`button[data-edit-id="${focusId}"]`)?.focus();
		};

		const save = (draft: ContactDraft) => {
			const editing = this.#editing;
			if (editing) updateContact(editing, draft);
			else addContact(draft);
			endEdit(editing);
			status.textContent = say(s, editing ? 'page.updated' : 'page.added', { name: draft.name });
			if (!editing) control(form, 'name').focus();
		};

		form.addEventListener('submit', (event) => {
			event.preventDefault();
			const checked = validateContact(readForm(), $network.get(), today(), this.#editing, sectorLabels(s));
			if (showErrors(form, checked.errors, s)) {
				status.textContent = s['error.summary']!;
				return;
			}
			if (checked.duplicate) {
				question.ask(checked.draft!, say(s, 'page.duplicate', { name: checked.duplicate.name }));
				return;
			}
			save(checked.draft!);
		});
		const question = duplicateQuestion<ContactDraft>(form, status, (action, draft) => {
			if (action === 'anyway') return save(draft);
			question.close();
			control(form, 'name').focus();
		});
		cancel.addEventListener('click', () => endEdit(this.#editing));

		// Own sector.
		ownForm.addEventListener('submit', (event) => {
			event.preventDefault();
			const sector = readSector(ownForm, 'own', s);
			const errors: FieldErrors = sector.error ? { ownOther: sector.error } : sector.value ? {} : { own: 'required' };
			if (showErrors(ownForm, errors, s)) return;
			setOwnSector(sector.value!);
			ownForm.querySelector('.tool-status')!.textContent = say(s, 'own.saved', { sector: sectorName(s, sector.value) });
		});

		// Filters.
		for (const filter of this.querySelectorAll('[data-filter]'))
			filter.addEventListener('input', () => this.#renderContacts($network.get()));

		// Edit, delete and undo.
		this.addEventListener('click', (event) => {
			const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button');
			if (!button) return;
			const state = $network.get();
			if (button.dataset.editId) {
				const contact = state.contacts.find((item) => item.id === button.dataset.editId);
				if (contact) this.#edit(form, contact, state);
				showWhen();
				title.textContent = say(s, 'page.editTitle', { name: contact?.name ?? '' });
				submit.textContent = submit.dataset.edit!;
				cancel.hidden = false;
				control(form, 'name').focus();
			}
			const kind = button.dataset.delete;
			if (kind) {
				const id = button.dataset.id!;
				if (kind === 'contacts') {
					if (this.#editing === id) endEdit();
					deleteContact(id);
				}
				if (kind === 'invitations') deleteInvitation(id);
				if (kind === 'groups') deleteGroup(id);
				this.#offerUndo(kind, id, button.dataset.name!);
			}
			const undo = button.closest<HTMLElement>('[data-undo]');
			if (undo) {
				const { id, name, undo: kind } = undo.dataset;
				if (!undoDelete()) return;
				undo.querySelector('p')!.textContent = say(s, 'page.restored', { name: name ?? '' });
				// Back to the item that returned.
				this.querySelector<HTMLElement>(kind === 'contacts' ? `[data-edit-id="${id}"]` : `[data-delete][data-id="${id}"]`)?.focus();
			}
		});

		$network.subscribe((state) => {
			// Any change ends the chance to undo a deletion (`#offerUndo` runs after this, for the deletion itself).
			for (const undo of this.querySelectorAll<HTMLElement>('[data-undo]')) {
				undo.querySelector('p')!.textContent = '';
				undo.querySelector('button')!.hidden = true;
			}
			if (document.activeElement?.closest('form') !== ownForm) setSector(ownForm, 'own', state.ownSector);
			const summary = summarizeNetwork(state)
				.map((phrase) => say(s, phrase.key.slice('network.'.length), phrase.vars))
				.join(', ');
			this.querySelector('[data-overview]')!.textContent = summary ? say(s, 'page.overview', { summary }) : s['page.overviewEmpty']!;
			const texts = summaries(state, s);
			for (const [key, text] of Object.entries(texts)) this.querySelector(`[data-summary="${key}"]`)!.textContent = text;
			const introducers = control(form, 'introducedBy') as HTMLSelectElement;
			this.#fillIntroducers(introducers, state, introducers.value);
			const groupSelect = control(form, 'group') as HTMLSelectElement;
			const chosenGroup = groupSelect.value;
			groupSelect.replaceChildren(
				h('option', { value: '' }, s.notRecorded!),
				...state.groups.map((group) => h('option', { value: group.id }, group.name)),
				h('option', { value: OTHER }, s['page.otherGroup']!),
			);
			groupSelect.value = [...groupSelect.options].some((option) => option.value === chosenGroup) ? chosenGroup : '';
			this.#renderFilters(state);
			this.#renderContacts(state);
			this.#renderLogs(state);
		});
		ready(this);
		showWhen();
		if (location.hash === '#own-sector') ownForm.querySelector('select')?.focus();
	}

	/** Says what was deleted, next to the list, with an Undo button that takes the focus. */
	#offerUndo(kind: string, id: string, name: string) {
		const undo = this.querySelector<HTMLElement>(`[data-undo="${kind}"]`)!;
		Object.assign(undo.dataset, { id, name });
		undo.querySelector('p')!.textContent = say(this.#s, 'page.deleted', { name });
		const button = undo.querySelector('button')!;
		button.hidden = false;
		button.focus();
	}

	/** The "who introduced you" list: contacts other than the one being edited, then "someone else". */
	#fillIntroducers(select: HTMLSelectElement, state: NetworkState, chosen: string) {
		fillContactSelect(
			select,
			state.contacts.filter((contact) => contact.id !== this.#editing),
			this.#s.notRecorded,
		);
		select.append(h('option', { value: OTHER }, this.#s['page.someoneElse']!));
		select.value = [...select.options].some((option) => option.value === chosen) ? chosen : '';
	}

	/** Puts a contact into the form for editing. */
	#edit(form: HTMLFormElement, contact: Contact, state: NetworkState) {
		this.#editing = contact.id;
		form.reset();
		clearErrors(form);
		control(form, 'name').value = contact.name;
		setSector(form, 'sector', contact.sector);
		control(form, 'field').value = contact.field ?? '';
		control(form, 'started').value = contact.started;
		this.#fillIntroducers(
			control(form, 'introducedBy') as HTMLSelectElement,
			state,
			contact.introducedById ?? (contact.introducedByName ? OTHER : ''),
		);
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
		form.scrollIntoView({ block: 'start' });
	}

	/** The sector filter lists the sectors the contacts are in. */
	#renderFilters(state: NetworkState) {
		const select = this.querySelector<HTMLSelectElement>('[data-filter="sector"]')!;
		const chosen = select.value;
		const sectors = sectorMix(state.contacts).sectors;
		select.replaceChildren(
			h('option', { value: '' }, this.#s['page.all']!),
			...sectors.map((sector) => h('option', { value: sector.key }, sectorName(this.#s, sector.sector))),
		);
		select.value = sectors.some((sector) => sector.key === chosen) ? chosen : '';
	}

	#renderContacts(state: NetworkState) {
		const s = this.#s;
		const filter = (name: string) => this.querySelector<HTMLInputElement>(`[data-filter="${name}"]`)!.value;
		const sector = filter('sector');
		const started = filter('started');
		const search = nameKey(filter('name'));
		const shown = state.contacts.filter(
			(contact) =>
				(!sector || (contact.sector && sectorKey(contact.sector) === sector)) &&
				(!started || contact.started === started) &&
				(!search || nameKey(contact.name).includes(search)),
		);
		const count = this.querySelector('[data-count]')!;
		count.textContent = state.contacts.length
			? shown.length
				? say(s, 'page.showing', { shown: shown.length, total: state.contacts.length })
				: s['page.noMatch']!
			: s['page.empty']!;
		const benefits = (list: readonly Benefit[]) => list.map((benefit) => benefitName(s, benefit)).join('; ');
		this.querySelector('[data-contacts]')!.replaceChildren(
			...shown.map((contact) => {
				const by =
					contact.started === 'introduced'
						? (introducerName(state, contact) ?? (contact.introducedById ? s.unknownPerson : undefined))
						: undefined;
				const group = contact.started === 'group' ? groupNameOf(state, contact) : undefined;
				const how = by
					? say(s, 'page.byLine', { name: by })
					: group
						? say(s, 'page.inLine', { name: group })
						: s[`start.${contact.started}`]!;
				const facts = [
					say(s, 'page.startedLine', { how }),
					say(s, 'page.firstMove', { who: s[`initiator.${contact.initiatedBy}`]! }),
					contact.lastContact && say(s, 'page.last', { date: showDate(contact.lastContact) }),
					contact.followUp && s[`followUp.${contact.followUp}`],
					contact.benefitsToMe.length && say(s, 'page.benefitsTo', { list: benefits(contact.benefitsToMe) }),
					contact.benefitsFromMe.length && say(s, 'page.benefitsFrom', { list: benefits(contact.benefitsFromMe) }),
				].filter(Boolean) as string[];
				return h(
					'li',
					{ class: 'contact' },
					h('h3', {}, contact.name),
					h('p', { class: 'meta' }, [sectorName(s, contact.sector), contact.field].filter(Boolean).join(' · ')),
					h('ul', {}, ...facts.map((fact) => h('li', {}, fact))),
					contact.notes ? h('p', { class: 'notes' }, contact.notes) : null,
					h(
						'div',
						{ class: 'buttons' },
						h(
							'button',
							{ type: 'button', class: 'button secondary small-button', 'data-edit-id': contact.id },
							s['page.edit']!,
							h('span', { class: 'visually-hidden' }, ` ${contact.name}`),
						),
						this.#deleteButton('contacts', contact.id, contact.name),
					),
				);
			}),
		);
	}

	#deleteButton(kind: string, id: string, name: string) {
		return h(
			'button',
			{ type: 'button', class: 'button secondary small-button', 'data-delete': kind, 'data-id': id, 'data-name': name },
			this.#s['page.delete']!,
			h('span', { class: 'visually-hidden' }, ` ${name}`),
		);
	}

	#renderLogs(state: NetworkState) {
		const s = this.#s;
		const invitations = [...state.invitations].reverse();
		this.querySelector('[data-invitations]')!.replaceChildren(
			...invitations.map((invitation) =>
				h(
					'li',
					{},
					h(
						'span',
						{},
						say(s, 'invitations.recentItem', {
							date: showDate(invitation.date),
							name: invitation.from,
							sector: sectorName(s, invitation.sector),
							response: s[`invitations.was.${invitation.response}`]!,
						}),
					),
					this.#deleteButton('invitations', invitation.id, invitation.from),
				),
			),
		);
		this.querySelector('[data-groups]')!.replaceChildren(
			...state.groups.map((group) =>
				h(
					'li',
					{},
					h('span', {}, say(s, 'diversity.newLine', { name: group.name, new: group.newMembers, members: group.members })),
					this.#deleteButton('groups', group.id, group.name),
				),
			),
		);
		this.querySelector<HTMLElement>('[data-empty="invitations"]')!.hidden = state.invitations.length > 0;
		this.querySelector<HTMLElement>('[data-empty="groups"]')!.hidden = state.groups.length > 0;
	}
}
customElements.define('network-manager', NetworkManager);
