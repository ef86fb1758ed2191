/**
 * The /network page's island (NetworkManager.astro renders its markup): the
 * own sector, the six tools' summaries, the contact form (add and edit, in
 * ./network-manager.contact-form.ts), the filtered contact list with edit and
 * delete (undo right after), and the invitations and groups logged. Every
 * change goes through the store's actions, so the lesson tools see it too.
 */
import { readStrings, say, type Strings } from '../../i18n/island';
import { sayPhrase } from '../../i18n/phrase';
import type { IslandKey } from '../../i18n/islands';
import { dayOf } from '../../lib/calendar/dates';
import { benefitsCoverage } from '../../lib/network/benefits';
import { diversityIndex, diversityLevel, newMembersTotal, ownSectorShare, sectorMix } from '../../lib/network/diversity';
import { pendingFollowUps } from '../../lib/network/follow-ups';
import { initiationShare, reachOutThisWeek } from '../../lib/network/initiative';
import { recentInvitations } from '../../lib/network/invitations';
import { groupNameOf, introducerName, nameKey, sectorKey, type Benefit, type NetworkState } from '../../lib/network/network';
import type { FieldErrors } from '../../lib/network/validation';
import { summarizeNetwork } from '../../lib/network/summary';
import { chanceOfAtLeastOne, outreachThisQuarter } from '../../lib/network/probability';
import { $network, deleteContact, deleteGroup, deleteInvitation, setOwnSector, today, undoDelete } from '../../stores/network';
import { wireContactForm } from './network-manager.contact-form';
import { benefitName, h, part, percent, readSector, ready, sectorName, setSector, showDate, showErrors } from './tool-kit';

/** The six summaries, each a few sentences built from the same pure calculations as the lesson tools. */
function summaries(state: NetworkState, s: Strings<IslandKey<'network-manager'>>): Record<string, string> {
	const now = new Date();
	const day = today();
	const recent = recentInvitations(state.invitations, state.ownSector, day);
	const coverage = benefitsCoverage(state.contacts);
	const outreach = outreachThisQuarter(state.contacts, now);
	const due = pendingFollowUps(state);
	const [oldest] = due;
	const mix = sectorMix(state.contacts);
	const index = diversityIndex(state.contacts);
	const groups = newMembersTotal(state.groups);
	const share = initiationShare(state.contacts);
	const diversity = [
		say(s, 'network.diversity.index', { index: index.toFixed(2), level: s[`network.diversity.level.${diversityLevel(index, mix.known)}`] }),
	];
	if (state.ownSector && mix.known) {
		const own = ownSectorShare(state.contacts, state.ownSector);
		diversity.push(
			say(s, own.birdsOfAFeather ? 'network.diversity.birds' : 'network.diversity.noBirds', {
				same: own.same,
				known: own.known,
				share: percent(own.share),
				sector: sectorName(s, state.ownSector),
			}),
		);
	}
	if (state.groups.length)
		diversity.push(say(s, 'network.page.groups', { count: state.groups.length, new: groups.newMembers, members: groups.members }));
	return {
		invitations: recent.accepted
			? say(s, recent.outside === undefined ? 'network.invitations.resultNoSector' : 'network.invitations.result', {
					accepted: recent.accepted,
					outside: recent.outside ?? 0,
				})
			: s['network.invitations.resultEmpty'],
		benefits: `${say(s, 'network.benefits.result', { count: coverage.covered.length })} ${
			coverage.lacking.length
				? say(s, 'network.benefits.lacking', { list: coverage.lacking.map((benefit) => benefitName(s, benefit)).join('; ') })
				: s['network.benefits.allCovered']
		}`,
		outreach: say(s, 'network.page.outreach', { count: outreach, chance: percent(chanceOfAtLeastOne(0.1, outreach)) }),
		followUps: oldest
			? `${say(s, 'network.referrals.result', { count: due.length })} ${say(s, 'network.page.followUpsOldest', { name: oldest.contact.name, date: showDate(dayOf(oldest.contact.createdAt)) })}`
			: s['network.referrals.resultNone'],
		diversity: diversity.join(' '),
		initiative: `${share === undefined ? s['network.initiative.overallNone'] : say(s, 'network.initiative.overall', { me: state.contacts.filter((contact) => contact.initiatedBy === 'me').length, total: state.contacts.length, share: percent(share) })} ${say(s, 'network.page.dueCount', { count: reachOutThisWeek(state.contacts, day).length })}`,
	};
}

class NetworkManager extends HTMLElement {
	#s = {} as Strings<IslandKey<'network-manager'>>;

	connectedCallback() {
		const s = (this.#s = readStrings<'network-manager'>(this));
		const ownForm = part<HTMLFormElement>(this, 'form[data-form="own"]');
		const contactForm = wireContactForm(this, s);

		// Own sector.
		ownForm.addEventListener('submit', (event) => {
			event.preventDefault();
			const sector = readSector(ownForm, 'own');
			const errors: FieldErrors = sector.error ? { ownOther: sector.error } : sector.value ? {} : { own: 'required' };
			if (showErrors(ownForm, errors) || !sector.value) return;
			setOwnSector(sector.value);
			part(ownForm, '.tool-status').textContent = say(s, 'network.own.saved', { sector: sectorName(s, sector.value) });
		});

		// Filters.
		for (const filter of this.querySelectorAll('[data-filter]'))
			filter.addEventListener('input', () => this.#renderContacts($network.get()));

		// Edit, delete and undo.
		this.addEventListener('click', (event) => {
			const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button');
			if (!button) return;
			const { editId, delete: kind, id = '', name = '' } = button.dataset;
			const contact = editId && $network.get().contacts.find((item) => item.id === editId);
			if (contact) contactForm.edit(contact);
			if (kind) {
				if (kind === 'contacts') {
					if (contactForm.editing === id) contactForm.end();
					deleteContact(id);
				}
				if (kind === 'invitations') deleteInvitation(id);
				if (kind === 'groups') deleteGroup(id);
				this.#offerUndo(kind, id, name);
			}
			const undo = button.closest<HTMLElement>('[data-undo]');
			if (undo) this.#undo(undo);
		});

		$network.subscribe((state) => {
			// Any change ends the chance to undo a deletion (`#offerUndo` runs after this, for the deletion itself).
			for (const undo of this.querySelectorAll<HTMLElement>('[data-undo]')) {
				part(undo, 'p').textContent = '';
				part(undo, 'button').hidden = true;
			}
			if (document.activeElement?.closest('form') !== ownForm) setSector(ownForm, 'own', state.ownSector);
			const summary = summarizeNetwork(state)
				.map((phrase) => sayPhrase(s, phrase))
				.join(', ');
			part(this, '[data-overview]').textContent = summary ? say(s, 'network.page.overview', { summary }) : s['network.page.overviewEmpty'];
			for (const [key, text] of Object.entries(summaries(state, s))) part(this, `[data-summary="${key}"]`).textContent = text;
			contactForm.update(state);
			this.#renderFilters(state);
			this.#renderContacts(state);
			this.#renderLogs(state);
		});
		ready(this);
		if (location.hash === '#own-sector') ownForm.querySelector('select')?.focus();
	}

	/** Says what was deleted, next to the list, with an Undo button that takes the focus. */
	#offerUndo(kind: string, id: string, name: string) {
		const undo = part(this, `[data-undo="${kind}"]`);
		Object.assign(undo.dataset, { id, name });
		part(undo, 'p').textContent = say(this.#s, 'network.page.deleted', { name });
		const button = part(undo, 'button');
		button.hidden = false;
		button.focus();
	}

	/** Brings back what was deleted last, says so, and focuses it. */
	#undo(undo: HTMLElement) {
		const { id, name = '', undo: kind } = undo.dataset;
		if (!undoDelete()) return;
		part(undo, 'p').textContent = say(this.#s, 'network.page.restored', { name });
		this.querySelector<HTMLElement>(kind === 'contacts' ? `[data-edit-id="${id}"]` : `[data-delete][data-id="${id}"]`)?.focus();
	}

	/** The sector filter lists the sectors the contacts are in. */
	#renderFilters(state: NetworkState) {
		const select = part<HTMLSelectElement>(this, '[data-filter="sector"]');
		const chosen = select.value;
		const sectors = sectorMix(state.contacts).sectors;
		select.replaceChildren(
			h('option', { value: '' }, this.#s['network.page.all']),
			...sectors.map((sector) => h('option', { value: sector.key }, sectorName(this.#s, sector.sector))),
		);
		select.value = sectors.some((sector) => sector.key === chosen) ? chosen : '';
	}

	#renderContacts(state: NetworkState) {
		const s = this.#s;
		const filter = (name: string) => part<HTMLInputElement>(this, `[data-filter="${name}"]`).value;
		const sector = filter('sector');
		const started = filter('started');
		const search = nameKey(filter('name'));
		const shown = state.contacts.filter(
			(contact) =>
				(!sector || (contact.sector && sectorKey(contact.sector) === sector)) &&
				(!started || contact.started === started) &&
				(!search || nameKey(contact.name).includes(search)),
		);
		const count = part(this, '[data-count]');
		count.textContent = state.contacts.length
			? shown.length
				? say(s, 'network.page.showing', { shown: shown.length, total: state.contacts.length })
				: s['network.page.noMatch']
			: s['network.page.empty'];
		const benefits = (list: readonly Benefit[]) => list.map((benefit) => benefitName(s, benefit)).join('; ');
		part(this, '[data-contacts]').replaceChildren(
			...shown.map((contact) => {
				const by =
					contact.started === 'introduced'
						? (introducerName(state, contact) ?? (contact.introducedById ? s['network.unknownPerson'] : undefined))
						: undefined;
				const group = contact.started === 'group' ? groupNameOf(state, contact) : undefined;
				const how = by
					? say(s, 'network.page.byLine', { name: by })
					: group
						? say(s, 'network.page.inLine', { name: group })
						: s[`network.start.${contact.started}`];
				const facts = [
					say(s, 'network.page.startedLine', { how }),
					say(s, 'network.page.firstMove', { who: s[`network.initiator.${contact.initiatedBy}`] }),
					contact.lastContact && say(s, 'network.page.last', { date: showDate(contact.lastContact) }),
					contact.followUp && s[`network.followUp.${contact.followUp}`],
					contact.benefitsToMe.length && say(s, 'network.page.benefitsTo', { list: benefits(contact.benefitsToMe) }),
					contact.benefitsFromMe.length && say(s, 'network.page.benefitsFrom', { list: benefits(contact.benefitsFromMe) }),
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
							s['network.page.edit'],
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
			this.#s['network.page.delete'],
			h('span', { class: 'visually-hidden' }, ` ${name}`),
		);
	}

	#renderLogs(state: NetworkState) {
		const s = this.#s;
		const invitations = [...state.invitations].reverse();
		part(this, '[data-invitations]').replaceChildren(
			...invitations.map((invitation) =>
				h(
					'li',
					{},
					h(
						'span',
						{},
						say(s, 'network.invitations.recentItem', {
							date: showDate(invitation.date),
							name: invitation.from,
							sector: sectorName(s, invitation.sector),
							response: s[`network.invitations.was.${invitation.response}`],
						}),
					),
					this.#deleteButton('invitations', invitation.id, invitation.from),
				),
			),
		);
		part(this, '[data-groups]').replaceChildren(
			...state.groups.map((group) =>
				h(
					'li',
					{},
					h('span', {}, say(s, 'network.diversity.newLine', { name: group.name, new: group.newMembers, members: group.members })),
					this.#deleteButton('groups', group.id, group.name),
				),
			),
		);
		part(this, '[data-empty="invitations"]').hidden = state.invitations.length > 0;
		part(this, '[data-empty="groups"]').hidden = state.groups.length > 0;
	}
}
customElements.define('network-manager', NetworkManager);
