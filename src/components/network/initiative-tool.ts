/**
 * Lesson 6's island: the reader's share of first moves by month (bars, with
 * the numbers as a table) and the "reach out this week" list of contacts not
 * in touch for 60 days or more, each with "Record contact today".
 */
import { initiationShare, initiationsByMonth, reachOutThisWeek } from '../../lib/network/initiative';
import { $network, recordContactToday, today } from '../../stores/network';
import { barChart, dataTable } from './charts';
import { readStrings, say } from '../../i18n/island';
import { h, part, percent, ready, showDate } from './tool-kit';

/** "2026-03" as the reader's short month and year. */
const monthName = (month: string) =>
	new Date(Number(month.slice(0, 4)), Number(month.slice(5)) - 1, 1).toLocaleDateString(undefined, { month: 'short', year: 'numeric' });

class InitiativeTool extends HTMLElement {
	connectedCallback() {
		const strings = readStrings<'initiative-tool'>(this);
		const chart = part(this, '[data-chart]');
		const result = part(this, '.tool-result');
		const status = part(this, '.tool-status');
		const list = part(this, '[data-list]');
		const none = part(this, '.due-none');

		list.addEventListener('click', (event) => {
			const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-id]');
			if (!button) return;
			const name = $network.get().contacts.find((contact) => contact.id === button.dataset.id)?.name ?? '';
			const row = button.closest('li')!;
			const next = (row.nextElementSibling ?? row.previousElementSibling)?.querySelector('button')?.dataset.id;
			recordContactToday(button.dataset.id!);
			status.textContent = say(strings, 'network.initiative.recorded', {
				name,
				count: reachOutThisWeek($network.get().contacts, today()).length,
			});
			// The row is gone: keep the keyboard in the list, or on the status line.
			(list.querySelector<HTMLElement>(`button[data-id="${next}"]`) ?? status).focus();
		});

		$network.subscribe((state) => {
			const months = initiationsByMonth(state.contacts, new Date());
			const words = months.map((month) => ({
				...month,
				name: monthName(month.month),
				text:
					month.share === undefined
						? strings['network.initiative.noneMonth']
						: `${month.byMe} / ${month.byMe + month.byThem} (${percent(month.share)})`,
			}));
			chart.replaceChildren(
				barChart(
					words.map((month) => ({ label: month.name, value: month.share ?? 0, text: month.text })),
					1,
					say(strings, 'network.initiative.chartLabel', { list: words.map((word) => `${word.name}: ${word.text}`).join('; ') }),
				),
				dataTable(
					strings['network.chart.table'],
					strings['network.initiative.chartTitle'],
					(
						[
							'network.initiative.colMonth',
							'network.initiative.colMe',
							'network.initiative.colThem',
							'network.initiative.colShare',
						] as const
					).map((key) => strings[key]),
					words.map((month) => [month.name, month.byMe, month.byThem, month.share === undefined ? '–' : percent(month.share)]),
				),
			);
			const share = initiationShare(state.contacts);
			const me = state.contacts.filter((contact) => contact.initiatedBy === 'me').length;
			result.replaceChildren(
				h(
					'p',
					{},
					share === undefined
						? strings['network.initiative.overallNone']
						: say(strings, 'network.initiative.overall', { me, total: state.contacts.length, share: percent(share) }),
				),
			);
			const due = reachOutThisWeek(state.contacts, today());
			none.hidden = due.length > 0;
			list.replaceChildren(
				...due.map(({ contact, since, days }) =>
					h(
						'li',
						{},
						h('span', {}, say(strings, 'network.initiative.dueItem', { name: contact.name, date: showDate(since), days })),
						h(
							'button',
							{
								type: 'button',
								class: 'button secondary',
								'data-id': contact.id,
								'aria-label': `${strings['network.initiative.record']}: ${contact.name}`,
							},
							strings['network.initiative.record'],
						),
					),
				),
			);
		});
		ready(this);
	}
}
customElements.define('initiative-tool', InitiativeTool);
