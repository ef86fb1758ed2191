/**
 * Lesson 5's island: the sector mix as bars (with the numbers as a table),
 * the Gini-Simpson diversity index in plain words, the birds-of-a-feather
 * warning, and the groups joined with how many members were new.
 */
import { diversityIndex, diversityLevel, ownSectorShare, sectorMix } from '../../lib/network/diversity';
import { validateGroup } from '../../lib/network/validation';
import { $network, addGroup, today } from '../../stores/network';
import { barChart, dataTable } from './charts';
import { readStrings, say } from '../../i18n/island';
import { h, part, percent, ready, sectorName, showErrors, toolParts, value, wireOwnSector, ERROR_SUMMARY } from './tool-kit';

class DiversityTool extends HTMLElement {
	connectedCallback() {
		const strings = readStrings<'diversity-tool'>(this);
		const { form, status, result, list } = toolParts(this);
		const chart = part(this, '[data-chart]');
		const joined = form.elements.namedItem('joined') as HTMLInputElement;
		const groupLine = (group: { name: string; newMembers: number; members: number }) =>
			say(strings, 'network.diversity.newLine', { name: group.name, new: group.newMembers, members: group.members });

		joined.value = joined.max = today();
		wireOwnSector(this, strings, (message) => (status.textContent = message));

		form.addEventListener('submit', (event) => {
			event.preventDefault();
			const checked = validateGroup(
				{
					name: value(form, 'name'),
					joined: value(form, 'joined'),
					members: value(form, 'members'),
					newMembers: value(form, 'newMembers'),
				},
				today(),
			);
			if (showErrors(form, checked.errors)) {
				status.textContent = ERROR_SUMMARY;
				return;
			}
			addGroup(checked.draft!);
			status.textContent = say(strings, 'network.diversity.added', {
				name: checked.draft!.name,
				new: checked.draft!.newMembers,
				members: checked.draft!.members,
			});
			form.reset();
			joined.value = today();
		});

		$network.subscribe((state) => {
			const mix = sectorMix(state.contacts);
			const rows = mix.sectors.map((sector) => ({
				name: sectorName(strings, sector.sector),
				count: sector.count,
				share: percent(sector.share),
			}));
			chart.replaceChildren(
				...(rows.length
					? [
							barChart(
								rows.map((row) => ({ label: row.name, value: row.count, text: `${row.count} (${row.share})` })),
								Math.max(...rows.map((row) => row.count)),
								say(strings, 'network.diversity.chartLabel', { list: rows.map((row) => `${row.name} ${row.count}`).join(', ') }),
							),
							dataTable(
								strings['network.chart.table'],
								strings['network.diversity.mixTitle'],
								(['network.diversity.colSector', 'network.diversity.colContacts', 'network.diversity.colShare'] as const).map(
									(key) => strings[key],
								),
								rows.map((row) => [row.name, row.count, row.share]),
							),
						]
					: [h('p', {}, strings['network.diversity.empty'])]),
			);
			const index = diversityIndex(state.contacts);
			const level = diversityLevel(index, mix.known);
			const lines = [
				h(
					'p',
					{},
					say(strings, 'network.diversity.index', { index: index.toFixed(2), level: strings[`network.diversity.level.${level}`] }),
				),
				h(
					'p',
					{},
					level === 'none'
						? strings['network.diversity.readingNone']
						: say(strings, 'network.diversity.reading', { chance: percent(index) }),
				),
			];
			if (mix.unknown) lines.push(h('p', {}, say(strings, 'network.diversity.unknown', { count: mix.unknown })));
			if (state.ownSector && mix.known) {
				const own = ownSectorShare(state.contacts, state.ownSector);
				const vars = { same: own.same, known: own.known, share: percent(own.share), sector: sectorName(strings, state.ownSector) };
				lines.push(
					h(
						'p',
						own.birdsOfAFeather ? { class: 'warning' } : {},
						say(strings, own.birdsOfAFeather ? 'network.diversity.birds' : 'network.diversity.noBirds', vars),
					),
				);
			}
			result.replaceChildren(...lines);
			list.replaceChildren(
				...(state.groups.length
					? [
							h('h3', {}, strings['network.diversity.listTitle']),
							h('ul', {}, ...state.groups.map((group) => h('li', {}, groupLine(group)))),
						]
					: []),
			);
		});
		ready(this);
	}
}
customElements.define('diversity-tool', DiversityTool);
