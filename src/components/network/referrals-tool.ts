/**
 * Lesson 4's island: record the names a contact gave (ReferralsTool.astro
 * renders the form); each becomes a contact introduced by them, pending
 * follow-up. Pending follow-ups are listed oldest first, each with a
 * "Mark followed up" button.
 */
import { dayOf } from '../../lib/calendar/dates';
import { pendingFollowUps } from '../../lib/network/follow-ups';
import { validateReferrals, type ReferralsDraft } from '../../lib/network/validation';
import { $network, addReferrals, markFollowedUp } from '../../stores/network';
import { readStrings, say } from '../../i18n/island';
import { duplicateQuestion, fillContactSelect, h, part, ready, showDate, showErrors, toolParts, value, ERROR_SUMMARY } from './tool-kit';

class ReferralsTool extends HTMLElement {
	connectedCallback() {
		const strings = readStrings<'referrals-tool'>(this);
		const { form, status, result, list } = toolParts(this);
		const select = part<HTMLSelectElement>(form, 'select');
		const empty = part(form, '.empty-note');
		const placeholder = select.options[0]?.textContent ?? '';

		const save = (draft: ReferralsDraft) => {
			addReferrals(draft.referrerId, draft.names);
			const referrer = $network.get().contacts.find((contact) => contact.id === draft.referrerId)!;
			status.textContent = say(strings, 'network.referrals.added', { count: draft.names.length, name: referrer.name });
			question.close();
			for (const index of [0, 1, 2]) (form.elements.namedItem(`name-${index}`) as HTMLInputElement).value = '';
			select.focus();
		};

		form.addEventListener('submit', (event) => {
			event.preventDefault();
			const checked = validateReferrals(
				{ referrer: value(form, 'referrer'), names: [0, 1, 2].map((index) => value(form, `name-${index}`)) },
				$network.get(),
			);
			if (showErrors(form, checked.errors)) {
				status.textContent = ERROR_SUMMARY;
				return;
			}
			if (checked.duplicates.length) {
				question.ask(checked.draft!, say(strings, 'network.referrals.duplicate', { names: checked.duplicates.join(', ') }));
				return;
			}
			save(checked.draft!);
		});
		const question = duplicateQuestion<ReferralsDraft>(form, status, (action, draft) => {
			if (action === 'anyway') return save(draft);
			question.close();
			(form.elements.namedItem('name-0') as HTMLElement).focus();
		});

		list.addEventListener('click', (event) => {
			const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-id]');
			if (!button) return;
			const name = $network.get().contacts.find((contact) => contact.id === button.dataset.id)?.name ?? '';
			const next =
				button.closest('li')?.nextElementSibling?.querySelector('button') ??
				button.closest('li')?.previousElementSibling?.querySelector('button');
			markFollowedUp(button.dataset.id!);
			status.textContent = say(strings, 'network.referrals.marked', { name, count: pendingFollowUps($network.get()).length });
			// The button is gone with its row: keep the keyboard in the list, or go back to the form.
			(list.querySelector<HTMLElement>(`button[data-id="${next?.dataset.id}"]`) ?? select).focus();
		});

		$network.subscribe((state) => {
			fillContactSelect(select, state.contacts, placeholder);
			empty.hidden = state.contacts.length > 0;
			const due = pendingFollowUps(state);
			result.replaceChildren(
				h('p', {}, due.length ? say(strings, 'network.referrals.result', { count: due.length }) : strings['network.referrals.resultNone']),
			);
			list.replaceChildren(
				...due.map(({ contact, introducer }) =>
					h(
						'li',
						{},
						h(
							'span',
							{},
							say(strings, 'network.referrals.item', {
								name: contact.name,
								by: introducer ?? strings['network.unknownPerson'],
								date: showDate(dayOf(contact.createdAt)),
							}),
						),
						h(
							'button',
							{
								type: 'button',
								class: 'button secondary',
								'data-id': contact.id,
								'aria-label': `${strings['network.referrals.mark']}: ${contact.name}`,
							},
							strings['network.referrals.mark'],
						),
					),
				),
			);
		});
		ready(this);
	}
}
customElements.define('referrals-tool', ReferralsTool);
