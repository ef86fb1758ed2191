/**
 * Lesson 1's island: log an invitation (InvitationsTool.astro renders the
 * form). Accepting adds the inviter to the network map, or links them to a
 * contact of the same name when the reader says it is the same person.
 */
import { recentInvitations } from '../../lib/network/invitations';
import { validateInvitation } from '../../lib/network/validation';
import type { InvitationDraft } from '../../lib/network/network';
import { $network, logInvitation, today } from '../../stores/network';
import {
	clearErrors,
	duplicateQuestion,
	h,
	readStrings,
	ready,
	say,
	sectorLabels,
	sectorName,
	showDate,
	showErrors,
	value,
	wireOwnSector,
} from './tool-kit';

class InvitationsTool extends HTMLElement {
	connectedCallback() {
		const strings = readStrings(this);
		const form = this.querySelector<HTMLFormElement>('form[data-form]')!;
		const status = form.querySelector('.tool-status')!;
		const result = this.querySelector('.tool-result')!;
		const list = this.querySelector('[data-list]')!;
		const date = form.elements.namedItem('date') as HTMLInputElement;

		date.value = date.max = today();
		wireOwnSector(this, strings, (message) => (status.textContent = message));

		const save = (draft: InvitationDraft, linkTo?: string) => {
			const contactId = logInvitation(draft, linkTo);
			const name = $network.get().contacts.find((contact) => contact.id === contactId)?.name ?? draft.from;
			status.textContent = say(
				strings,
				draft.response === 'declined' ? 'invitations.loggedDeclined' : linkTo ? 'invitations.loggedLinked' : 'invitations.loggedNew',
				{ name },
			);
			question.close();
			form.reset();
			date.value = today();
			form.querySelector<HTMLSelectElement>('select[data-sector]')!.dispatchEvent(new Event('change'));
			(form.elements.namedItem('from') as HTMLElement).focus();
		};

		form.addEventListener('submit', (event) => {
			event.preventDefault();
			const checked = validateInvitation(
				{
					from: value(form, 'from'),
					sector: value(form, 'sector'),
					sectorOther: value(form, 'sectorOther'),
					response: value(form, 'response'),
					iCouldLearn: value(form, 'iCouldLearn'),
					theyCouldLearn: value(form, 'theyCouldLearn'),
					date: value(form, 'date'),
				},
				$network.get(),
				today(),
				sectorLabels(strings),
			);
			if (showErrors(form, checked.errors, strings)) {
				status.textContent = strings['error.summary']!;
				return;
			}
			if (checked.duplicate) {
				// Same name as a contact: ask before linking or adding, and save nothing yet.
				question.ask(
					{ draft: checked.draft!, linkTo: checked.duplicate.id },
					say(strings, 'invitations.duplicate', { name: checked.duplicate.name }),
				);
				return;
			}
			save(checked.draft!);
		});
		const question = duplicateQuestion<{ draft: InvitationDraft; linkTo: string }>(form, status, (action, held) =>
			save(held.draft, action === 'link' ? held.linkTo : undefined),
		);
		form.addEventListener('reset', () => clearErrors(form));

		$network.subscribe((state) => {
			const recent = recentInvitations(state.invitations, state.ownSector, today());
			const lines = [
				recent.accepted === 0
					? strings['invitations.resultEmpty']!
					: say(strings, recent.outside === undefined ? 'invitations.resultNoSector' : 'invitations.result', {
							accepted: recent.accepted,
							outside: recent.outside ?? 0,
						}),
			];
			if (recent.unknownSector) lines.push(say(strings, 'invitations.resultUnknown', { count: recent.unknownSector }));
			result.replaceChildren(h('p', {}, lines.join(' ')));
			const latest = state.invitations.slice(-5).reverse();
			list.replaceChildren(
				...(latest.length
					? [
							h('h3', {}, strings['invitations.recent']!),
							h(
								'ul',
								{},
								...latest.map((invitation) =>
									h(
										'li',
										{},
										say(strings, 'invitations.recentItem', {
											date: showDate(invitation.date),
											name: invitation.from,
											sector: sectorName(strings, invitation.sector),
											response: strings[`invitations.was.${invitation.response}`]!,
										}),
									),
								),
							),
						]
					: []),
			);
		});
		ready(this);
	}
}
customElements.define('invitations-tool', InvitationsTool);
