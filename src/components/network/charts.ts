/**
 * Small charts for the network tools, drawn as inline SVG (no chart library:
 * a few bars do not earn one). Each chart is an image named by a sentence
 * holding its numbers, and comes with the same numbers as a table (`dataTable`).
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

/** One bar of a bar chart. */
export interface Bar {
	label: string;
	/** Between 0 and `max`. */
	value: number;
	/** The value as words, written after the bar. */
	text: string;
}

/**
 * Horizontal bars, one row each: the label above, then an SVG bar with its
 * value in words after it. Labels and values are page text (so they keep
 * their size at any width); only the bars are drawn. The whole chart is one
 * image to assistive technology, named by `label`, a sentence with every value.
 */
export function barChart(bars: readonly Bar[], max: number, label: string): HTMLElement {
	return h(
		'div',
		{ class: 'chart-bars', role: 'img', 'aria-label': label },
		...bars.map((bar) => {
			const width = max > 0 ? Math.max(bar.value > 0 ? 1 : 0, (bar.value / max) * 100) : 0;
			return h(
				'div',
				{ class: 'chart-bar-row' },
				h('span', { class: 'chart-bar-label' }, bar.label),
				s(
					'svg',
					{ viewBox: '0 0 100 10', preserveAspectRatio: 'none', class: 'chart-bar-line', 'aria-hidden': 'true', focusable: 'false' },
					s('rect', { width: 100, height: 10, class: 'chart-track' }),
					s('rect', { width: width.toFixed(1), height: 10, class: 'chart-bar' }),
				),
				h('span', { class: 'chart-bar-value' }, bar.text),
			);
		}),
	);
}

/** The chart's numbers as a table, folded away under a summary line. */
export function dataTable(
	summary: string,
	caption: string,
	headers: readonly string[],
	rows: readonly (readonly (string | number)[])[],
): HTMLElement {
	return h(
		'details',
		{ class: 'chart-table' },
		h('summary', {}, summary),
		h(
			'table',
			{},
			h('caption', {}, caption),
			h('thead', {}, h('tr', {}, ...headers.map((header) => h('th', { scope: 'col' }, header)))),
			h(
				'tbody',
				{},
				...rows.map(([first, ...rest]) =>
					h('tr', {}, h('th', { scope: 'row' }, String(first)), ...rest.map((cell) => h('td', {}, String(cell)))),
				),
			),
		),
	);
}
