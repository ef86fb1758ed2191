/**
 * Lesson 2's island: for the chosen contact, tick the benefits that could
 * flow each way (BenefitsTool.astro renders the form); the coverage of the
 * five benefits across the whole network updates below.
 */
import { benefitsCoverage } from '../../lib/network/benefits';
import { BENEFITS, type Benefit } from '../../lib/network/network';
import { $network, setBenefits } from '../../stores/network';
import { readStrings, say } from '../../i18n/island';
import { benefitName, fillContactSelect, h, part, ready, showErrors, ticked, toolParts } from './tool-kit';

class BenefitsTool extends HTMLElement {
	connectedCallback() {
		const strings = readStrings<'benefits-tool'>(this);
		const { form, status, result, list } = toolParts(this);
		const select = part<HTMLSelectElement>(form, 'select');
		const empty = part(form, '.empty-note');
		const boxes = (name: string) => [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)];

		// Show the chosen contact's ticks.
		const showTicks = () => {
			const contact = $network.get().contacts.find((item) => item.id === select.value);
			for (const box of boxes('toMe')) box.checked = Boolean(contact?.benefitsToMe.includes(box.value as Benefit));
			for (const box of boxes('fromMe')) box.checked = Boolean(contact?.benefitsFromMe.includes(box.value as Benefit));
		};
		select.addEventListener('change', () => {
			status.textContent = '';
			showTicks();
		});

		form.addEventListener('submit', (event) => {
			event.preventDefault();
			const contact = $network.get().contacts.find((item) => item.id === select.value);
			if (showErrors(form, contact ? {} : { contact: 'required' })) return;
			setBenefits(contact!.id, ticked(form, 'toMe') as Benefit[], ticked(form, 'fromMe') as Benefit[]);
			status.textContent = say(strings, 'network.benefits.saved', { name: contact!.name });
		});

		$network.subscribe((state) => {
			fillContactSelect(select, state.contacts, state.contacts.length ? undefined : strings['network.none']);
			empty.hidden = state.contacts.length > 0;
			showTicks();
			const coverage = benefitsCoverage(state.contacts);
			const names = (benefits: readonly Benefit[]) => benefits.map((benefit) => benefitName(strings, benefit)).join('; ');
			result.replaceChildren(
				h('p', {}, say(strings, 'network.benefits.result', { count: coverage.covered.length })),
				h(
					'p',
					{},
					coverage.lacking.length
						? say(strings, 'network.benefits.lacking', { list: names(coverage.lacking) })
						: strings['network.benefits.allCovered'],
				),
			);
			list.replaceChildren(
				h(
					'table',
					{ class: 'benefit-table' },
					h('caption', {}, strings['network.benefits.tableCaption']),
					h(
						'thead',
						{},
						h(
							'tr',
							{},
							...(['network.benefits.colBenefit', 'network.benefits.colToMe', 'network.benefits.colFromMe'] as const).map((key) =>
								h('th', { scope: 'col' }, strings[key]),
							),
						),
					),
					h(
						'tbody',
						{},
						...BENEFITS.map((benefit) =>
							h(
								'tr',
								{},
								h('th', { scope: 'row' }, benefitName(strings, benefit)),
								h('td', {}, String(coverage.counts[benefit].toMe)),
								h('td', {}, String(coverage.counts[benefit].fromMe)),
							),
						),
					),
				),
			);
		});
		ready(this);
	}
}
customElements.define('benefits-tool', BenefitsTool);
