/**
 * Lesson 5's island: the sector mix as bars (with the numbers as a table),
 * the Gini-Simpson diversity index in plain words, the birds-of-a-feather
 * warning, and the groups joined with how many members were new.
 */
import { diversityIndex, diversityLevel, ownSectorShare, sectorMix } from '../../lib/network/diversity';
import { validateGroup } from '../../lib/network/validation';
import { $network, addGroup, today } from '../../stores/network';
import { barChart, dataTable } from './charts';
import { h, percent, readStrings, ready, say, sectorName, showErrors, value, wireOwnSector } from './tool-kit';

class DiversityTool extends HTMLElement {
	connectedCallback() {
		const strings = readStrings(this);
		const form = this.querySelector<HTMLFormElement>('form.tool-form')!;
		const status = form.querySelector('.tool-status')!;
		const chart = this.querySelector('[data-chart]')!;
		const result = this.querySelector('.tool-result')!;
		const list = this.querySelector('[data-list]')!;
		const joined = form.elements.namedItem('joined') as HTMLInputElement;
		const groupLine = (group: { name: string; newMembers: number; members: number }) =>
			say(strings, 'diversity.newLine', { name: group.name, new: group.newMembers, members: group.members });

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
			if (showErrors(form, checked.errors, strings)) {
				status.textContent = strings['error.summary']!;
				return;
			}
			addGroup(checked.draft!);
			status.textContent = say(strings, 'diversity.added', {
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
								rows.map((row, index) => ({ label: row.name, value: mix.sectors[index]!.count, text: `${row.count} (${row.share})` })),
								Math.max(...rows.map((row) => row.count)),
								say(strings, 'diversity.chartLabel', { list: rows.map((row) => `${row.name} ${row.count}`).join(', ') }),
							),
							dataTable(
								strings['chart.table']!,
								strings['diversity.mixTitle']!,
								['colSector', 'colContacts', 'colShare'].map((key) => strings[`diversity.${key}`]!),
								rows.map((row) => [row.name, row.count, row.share]),
							),
						]
					: [h('p', {}, strings['diversity.empty']!)]),
			);
			const index = diversityIndex(state.contacts);
			const level = diversityLevel(index, mix.known);
			const lines = [
				h('p', {}, say(strings, 'diversity.index', { index: index.toFixed(2), level: strings[`diversity.level.${level}`]! })),
				h('p', {}, level === 'none' ? strings['diversity.readingNone']! : say(strings, 'diversity.reading', { chance: percent(index) })),
			];
			if (mix.unknown) lines.push(h('p', {}, say(strings, 'diversity.unknown', { count: mix.unknown })));
			if (state.ownSector && mix.known) {
				const own = ownSectorShare(state.contacts, state.ownSector);
				const vars = { same: own.same, known: own.known, share: percent(own.share), sector: sectorName(strings, state.ownSector) };
				lines.push(
					h(
						'p',
						own.birdsOfAFeather ? { class: 'warning' } : {},
						say(strings, own.birdsOfAFeather ? 'diversity.birds' : 'diversity.noBirds', vars),
					),
				);
			}
			result.replaceChildren(...lines);
			list.replaceChildren(
				...(state.groups.length
					? [h('h3', {}, strings['diversity.listTitle']!), h('ul', {}, ...state.groups.map((group) => h('li', {}, groupLine(group))))]
					: []),
			);
		});
		ready(this);
	}
}
customElements.define('diversity-tool', DiversityTool);
