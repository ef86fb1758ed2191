/**
 * Lesson 1's island: log an invitation (InvitationsTool.astro renders the
 * form). Accepting adds the inviter to the network map, or links them to a
 * contact of the same name when the reader says it is the same person.
 */
import { recentInvitations } from '../../lib/network/invitations';
import { validateInvitation } from '../../lib/network/validation';
import type { InvitationDraft } from '../../lib/network/network';
import { $network, logInvitation, today } from '../../stores/network';
import { readStrings, say } from '../../i18n/island';
import {
	clearErrors,
	duplicateQuestion,
	h,
	part,
	ready,
	sectorLabels,
	sectorName,
	showDate,
	showErrors,
	toolParts,
	value,
	wireOwnSector,
	ERROR_SUMMARY,
} from './tool-kit';

class InvitationsTool extends HTMLElement {
	connectedCallback() {
		const strings = readStrings<'invitations-tool'>(this);
		const { form, status, result, list } = toolParts(this);
		const date = form.elements.namedItem('date') as HTMLInputElement;

		date.value = date.max = today();
		wireOwnSector(this, strings, (message) => (status.textContent = message));

		const save = (draft: InvitationDraft, linkTo?: string) => {
			const contactId = logInvitation(draft, linkTo);
			const name = $network.get().contacts.find((contact) => contact.id === contactId)?.name ?? draft.from;
			status.textContent = say(
				strings,
				draft.response === 'declined'
					? 'network.invitations.loggedDeclined'
					: linkTo
						? 'network.invitations.loggedLinked'
						: 'network.invitations.loggedNew',
				{ name },
			);
			question.close();
			form.reset();
			date.value = today();
			part(form, 'select[data-sector]').dispatchEvent(new Event('change'));
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
				sectorLabels(),
			);
			if (showErrors(form, checked.errors)) {
				status.textContent = ERROR_SUMMARY;
				return;
			}
			if (checked.duplicate) {
				// Same name as a contact: ask before linking or adding, and save nothing yet.
				question.ask(
					{ draft: checked.draft!, linkTo: checked.duplicate.id },
					say(strings, 'network.invitations.duplicate', { name: checked.duplicate.name }),
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
					? strings['network.invitations.resultEmpty']
					: say(strings, recent.outside === undefined ? 'network.invitations.resultNoSector' : 'network.invitations.result', {
							accepted: recent.accepted,
							outside: recent.outside ?? 0,
						}),
			];
			if (recent.unknownSector) lines.push(say(strings, 'network.invitations.resultUnknown', { count: recent.unknownSector }));
			result.replaceChildren(h('p', {}, lines.join(' ')));
			const latest = state.invitations.slice(-5).reverse();
			list.replaceChildren(
				...(latest.length
					? [
							h('h3', {}, strings['network.invitations.recent']),
							h(
								'ul',
								{},
								...latest.map((invitation) =>
									h(
										'li',
										{},
										say(strings, 'network.invitations.recentItem', {
											date: showDate(invitation.date),
											name: invitation.from,
											sector: sectorName(strings, invitation.sector),
											response: strings[`network.invitations.was.${invitation.response}`],
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
