/**
 * Small inline-SVG charts for the network tools (no chart library: a few
 * bars do not earn one). Each chart is an image with a sentence for its name,
 * and comes with the same numbers as a table (`dataTable`).
 */
import { h } from './tool-kit';

const NS = 'http://www.w3.org/2000/svg';

/** Creates an SVG element with attributes and children. */
export function s(tag: string, attributes: Record<string, string | number> = {}, ...children: (Node | string)[]): SVGElement {
	const element = document.createElementNS(NS, tag);
	for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
	element.append(...children);
	return element;
}

export interface Bar {
	label: string;
	/** Between 0 and `max`. */
	value: number;
	/** The value as words, written after the bar. */
	text: string;
}

const WIDTH = 320;
const ROW = 42;

/**
 * Horizontal bars, one row each: the label above, the bar below with its
 * value in words after it. `label` names the chart for assistive technology.
 */
export function barChart(bars: readonly Bar[], max: number, label: string): SVGElement {
	const track = WIDTH - 110;
	const rows = bars.map((bar, index) => {
		const y = index * ROW;
		const width = max > 0 ? Math.max(bar.value > 0 ? 2 : 0, (bar.value / max) * track) : 0;
		return s(
			'g',
			{},
			s('text', { x: 0, y: y + 14, class: 'chart-label' }, bar.label),
			s('rect', { x: 0, y: y + 20, width: track, height: 14, class: 'chart-track', rx: 2 }),
			s('rect', { x: 0, y: y + 20, width: width.toFixed(1), height: 14, class: 'chart-bar', rx: 2 }),
			s('text', { x: track + 6, y: y + 32, class: 'chart-value' }, bar.text),
		);
	});
	return s('svg', { viewBox: `0 0 ${WIDTH} ${Math.max(bars.length * ROW, ROW)}`, role: 'img', 'aria-label': label, class: 'chart' }, ...rows);
}

/** The chart's numbers as a table, folded away under a summary line. */
export function dataTable(summary: string, caption: string, headers: readonly string[], rows: readonly (readonly (string | number)[])[]): HTMLElement {
	return h(
		'details',
		{ class: 'chart-table' },
		h('summary', {}, summary),
		h(
			'table',
			{},
			h('caption', {}, caption),
			h('thead', {}, h('tr', {}, ...headers.map((header) => h('th', { scope: 'col' }, header)))),
			h('tbody', {}, ...rows.map(([first, ...rest]) => h('tr', {}, h('th', { scope: 'row' }, String(first)), ...rest.map((cell) => h('td', {}, String(cell)))))),
		),
	);
}
