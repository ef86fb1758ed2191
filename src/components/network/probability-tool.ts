/**
 * Lesson 3's island: sliders (each with an exact number field) for p and n;
 * the chance of at least one relationship of formidable value as a number,
 * a sentence and a curve, with the reader's outreach this quarter marked.
 * The page renders the starting case (ProbabilityTool.astro); this updates it.
 * Typed values out of range are clamped, and the reader is told. The
 * visible result follows every change; the live region speaks once the
 * reader pauses, so dragging a slider does not flood a screen reader.
 */
import {
	N_RANGE,
	P_RANGE,
	chanceOfAtLeastOne,
	clampN,
	clampP,
	curvePath,
	outreachThisQuarter,
	peopleNeeded,
	plotPoint,
} from '../../lib/network/probability';
import { $network } from '../../stores/network';
import { readStrings, say } from '../../i18n/island';
import { part, percent, ready } from './tool-kit';

const ANNOUNCE_AFTER_MS = 700;

class ProbabilityTool extends HTMLElement {
	connectedCallback() {
		const strings = readStrings<'probability-tool'>(this);
		const find = <T extends Element = HTMLElement>(selector: string) => part<T>(this, selector);
		const form = find<HTMLFormElement>('form');
		const input = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
		const live = find('[data-live]');
		const mineButton = find<HTMLButtonElement>('[data-action="mine"]');
		let timer: ReturnType<typeof setTimeout> | undefined;
		let mine = 0;

		const p = () => clampP(Number(input('p').value) / 100);
		const n = () => clampN(Number(input('n').value));

		const render = (announce: boolean) => {
			const chance = chanceOfAtLeastOne(p(), n());
			const pText = percent(p());
			const sentence = say(strings, 'network.probability.result', { n: n(), p: pText, chance: percent(chance) });
			find('[data-chance]').textContent = percent(chance);
			find('[data-sentence]').textContent = sentence;
			find('[data-needed]').textContent = say(strings, 'network.probability.needed', {
				p: pText,
				needed: peopleNeeded(p(), 0.5) ?? N_RANGE.max,
			});
			const outreach = find('[data-outreach]');
			outreach.removeAttribute('class');
			outreach.textContent = mine
				? say(strings, 'network.probability.outreach', { count: mine, p: pText, chance: percent(chanceOfAtLeastOne(p(), mine)) })
				: strings['network.probability.outreachNone'];
			find('[data-curve]').setAttribute('d', curvePath(p()));
			const dot = plotPoint(n(), chance);
			find('[data-dot]').setAttribute('cx', String(dot.x));
			find('[data-dot]').setAttribute('cy', String(dot.y));
			const marker = find<SVGGElement>('[data-mine]');
			const x = String(plotPoint(mine, 0).x);
			marker.setAttribute('display', mine ? 'inline' : 'none');
			const line = marker.querySelector('line')!;
			line.setAttribute('x1', x);
			line.setAttribute('x2', x);
			const label = find('[data-mine-label]');
			label.setAttribute('x', String(Number(x) + (mine > 80 ? -6 : 6)));
			label.setAttribute('text-anchor', mine > 80 ? 'end' : 'start');
			label.textContent = say(strings, 'network.probability.you', { count: mine });
			find('svg').setAttribute('aria-label', `${say(strings, 'network.probability.chartLabel', { p: pText })} ${sentence}`);
			mineButton.hidden = !mine || mine === n();
			if (!announce) return;
			clearTimeout(timer);
			timer = setTimeout(() => (live.textContent = sentence), ANNOUNCE_AFTER_MS);
		};

		// Keep each slider, its number field and its shown value together; clamp what was typed.
		for (const name of ['p', 'n']) {
			const range = input(name);
			const number = input(`${name}Number`);
			const note = find(`#prob-${name}-note`);
			const output = range.parentElement!.querySelector('output')!;
			const unit = name === 'p' ? '%' : '';
			const show = (value: number) => {
				range.value = number.value = String(value);
				output.textContent = `${value}${unit}`;
			};
			range.addEventListener('input', () => {
				note.textContent = '';
				show(Number(range.value));
				render(true);
			});
			number.addEventListener('input', () => {
				if (number.value === '' || !number.validity.valid) return;
				show(Number(number.value));
				note.textContent = '';
				render(true);
			});
			number.addEventListener('change', () => {
				const typed = Number(number.value);
				const value = name === 'p' ? Math.round(clampP(typed / 100) * 100) : clampN(typed);
				note.textContent =
					number.value === '' || typed !== value
						? say(strings, 'network.probability.clamped', {
								value: `${value}${unit}`,
								min: `${name === 'p' ? P_RANGE.min * 100 : N_RANGE.min}${unit}`,
								max: `${name === 'p' ? P_RANGE.max * 100 : N_RANGE.max}${unit}`,
							})
						: '';
				show(value);
				render(true);
			});
		}
		form.addEventListener('submit', (event) => event.preventDefault());
		mineButton.addEventListener('click', () => {
			input('n').value = input('nNumber').value = String(mine);
			input('n').dispatchEvent(new Event('input'));
			input('n').focus();
		});

		$network.subscribe((state) => {
			mine = Math.min(outreachThisQuarter(state.contacts, new Date()), N_RANGE.max);
			render(false);
		});
		ready(this);
	}
}
customElements.define('probability-tool', ProbabilityTool);
