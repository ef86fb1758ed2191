/**
 * The words check, run inside the browser on a rendered page (so CSS decides
 * what is hidden, inline or on another line). It finds:
 *
 * - **run-on words**: a letter, digit or sentence punctuation directly
 *   followed, across an element boundary, by a word ("device.Take",
 *   "on theLeadership"). Astro drops whitespace that contains a line break
 *   between inline elements, so the built HTML can lose a space the source
 *   seemed to have. Checked twice: as the page looks (visually hidden text
 *   left out) and as a screen reader reads it (visually hidden labels in,
 *   aria-hidden text out). A footnote mark (`<sup>`, `<sub>`) may follow a
 *   word directly; punctuation after a closing tag is never a run-on.
 * - **double punctuation after a quote**: "level.”." (a quoted sentence that
 *   already ends with its own full stop, then one more), and a doubled full
 *   stop that is not an ellipsis.
 *
 * - **British spellings** in the course's own words (the post is written in
 *   American English, and the course matches it): `britishSpellings`.
 *
 * `wordsFindings` must stay self-contained: Playwright serializes it into the
 * page, so it can use nothing from outside its own body; its spelling list
 * comes in as an argument.
 */

/**
 * British spellings the course must not use, each a regular expression source
 * (matched case-insensitively on whole words) and the American form to use.
 * Endings are listed so that words such as "emphasis" or "organism" pass.
 */
export const BRITISH_SPELLINGS: readonly (readonly [pattern: string, american: string])[] = [
	[
		'(recogn|organ|real|priorit|summar|apolog|special|personal|visual|categor|minim|maxim|optim|custom|author|final|util|emphas|memor|standard|mobil)is(e|es|ed|ing|ation|ations)',
		'-ize, -ization',
	],
	['analys(e|es|ed|ing)', 'analyze'],
	['(program)me(s)?', 'program'],
	['(fav|behavi|col|hon|neighb|lab|harb|hum|rum|flav)our(s|ed|ing|ite|ites|able|ful)?', '-or'],
	['(cent|theat|fib|lit|met)re(s|d)?', '-er'],
	['(defen|licen|offen)ce(s)?', '-se'],
	['(catalog|dialog)ue(s)?', 'catalog'],
	['(cancel|label|model|travel|counsel|signal|fuel)l(ed|ing|er|ers)', 'single l: canceled, labeled'],
	['towards', 'toward'],
	['ageing', 'aging'],
	['judgement(s)?', 'judgment'],
	['learnt', 'learned'],
	['(enrol|fulfil)(s|ment)?', 'enroll, fulfill'],
	['full stops?', 'period'],
	['grey', 'gray'],
	['whilst', 'while'],
	['amongst', 'among'],
	['practis(e|es|ed|ing)', 'practice'],
	['start-ups?', 'startup'],
];

/** Each British spelling in `text`, with the American form to use. */
export function britishSpellings(text: string, spellings = BRITISH_SPELLINGS): string[] {
	return spellings.flatMap(([pattern, american]) =>
		[...text.matchAll(new RegExp(`\\b${pattern}\\b`, 'giu'))].map((match) => `“${match[0]}” (American: ${american})`),
	);
}

/** One problem on a page, with enough context to find it in the source. */
export interface WordsFinding {
	kind: 'run-on' | 'double punctuation' | 'British spelling';
	/** `visual`: as the page looks; `spoken`: as assistive technology reads it. */
	stream: 'visual' | 'spoken';
	/** The text around the problem, with `|` where the two pieces meet. */
	excerpt: string;
	/** A short CSS-like path to the element where the second piece starts. */
	where: string;
}

/** Finds run-on words, double punctuation and `spellings` (BRITISH_SPELLINGS) in the current document's body. */
export function wordsFindings(spellings: readonly (readonly [string, string])[] = []): WordsFinding[] {
	// Ends a word or a sentence: a letter, digit, sentence punctuation or closing quote/bracket.
	const ENDS = /[\p{L}\p{N}.!?,;:”’)\]]$/u;
	// Starts a word: a letter, a digit or an opening quote/bracket.
	const STARTS = /^[\p{L}\p{N}“‘(]/u;
	// Elements that stand between text as a box or an object of their own: text either side cannot run together.
	const SEPARATORS = new Set(['BR', 'HR', 'IMG', 'SVG', 'INPUT', 'SELECT', 'TEXTAREA', 'METER', 'PROGRESS', 'CANVAS', 'VIDEO', 'IFRAME']);
	// Footnote marks and similar may sit directly after a word.
	const MARKS = new Set(['SUP', 'SUB']);

	const hiddenCache = new Map<Element, boolean>();
	/** True when `element` or an ancestor is clipped to nothing but still read aloud (the .visually-hidden pattern). */
	function visuallyHidden(element: Element | null): boolean {
		if (!element || element === document.body) return false;
		const known = hiddenCache.get(element);
		if (known !== undefined) return known;
		const style = getComputedStyle(element);
		const rect = element.getBoundingClientRect();
		const clipped =
			(style.position === 'absolute' || style.position === 'fixed') &&
			(style.clipPath === 'inset(50%)' || (rect.width <= 1 && rect.height <= 1 && style.overflow === 'hidden'));
		const result = clipped || visuallyHidden(element.parentElement);
		hiddenCache.set(element, result);
		return result;
	}

	/** The element's own display, treating visually hidden elements as inline (they are read as part of the line). */
	function isInline(element: Element, spoken: boolean): boolean {
		const display = getComputedStyle(element).display;
		if (display === 'inline' || display === 'contents') return true;
		return spoken && visuallyHidden(element) && !visuallyHidden(element.parentElement);
	}

	/** Elements passed between two nodes: ancestors of `a` and of `b` below their common ancestor. */
	function between(a: Node, b: Node): Element[] {
		const range = document.createRange();
		range.setStartBefore(a);
		range.setEndAfter(b);
		const common = range.commonAncestorContainer;
		const path: Element[] = [];
		for (const node of [a, b]) {
			for (let element = node.parentElement; element && element !== common; element = element.parentElement) path.push(element);
		}
		return path;
	}

	/** The box of one character of a text node. */
	function charBox(node: Text, index: number): DOMRect {
		const range = document.createRange();
		range.setStart(node, index);
		range.setEnd(node, index + 1);
		return range.getBoundingClientRect();
	}

	/** True when the last character of `a` and the first of `b` sit on one line with less than a fifth of an em between them. */
	function touching(a: Text, b: Text): boolean {
		const end = charBox(a, a.data.trimEnd().length - 1);
		const start = charBox(b, b.data.length - b.data.trimStart().length);
		if (!end.width || !start.width) return false;
		const sameLine = Math.min(end.bottom, start.bottom) - Math.max(end.top, start.top) > Math.min(end.height, start.height) / 2;
		const em = parseFloat(getComputedStyle(b.parentElement!).fontSize) || 16;
		return sameLine && start.left - end.right < em / 5 && start.left >= end.left;
	}

	/** A readable pointer to an element: up to three ancestors' tags with their first class. */
	function describe(element: Element | null): string {
		const parts: string[] = [];
		for (let current = element; current && current !== document.body && parts.length < 3; current = current.parentElement) {
			const cls = current.classList[0];
			parts.unshift(current.tagName.toLowerCase() + (current.id ? `#${current.id}` : cls ? `.${cls}` : ''));
		}
		return parts.join(' > ');
	}

	function runOns(stream: 'visual' | 'spoken'): WordsFinding[] {
		const spoken = stream === 'spoken';
		const found: WordsFinding[] = [];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
		let previous: Text | null = null;
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			if (node instanceof Element) {
				if (SEPARATORS.has(node.tagName.toUpperCase()) && node.checkVisibility()) previous = null;
				continue;
			}
			const text = node as Text;
			const parent = text.parentElement;
			if (!parent || !parent.checkVisibility({ visibilityProperty: true })) continue;
			// Chart labels are placed one by one in SVG; the charts' tables and sentences carry their words.
			if (parent.closest('svg')) {
				previous = null;
				continue;
			}
			if (spoken ? parent.closest('[aria-hidden="true"]') : visuallyHidden(parent)) continue;
			if (text.data.trim() === '') {
				previous = null;
				continue;
			}
			if (previous && !/\s$/.test(previous.data) && !/^\s/.test(text.data)) {
				const path = between(previous, text);
				const mark = path.some((element) => MARKS.has(element.tagName.toUpperCase()));
				const inline = path.every((element) => isInline(element, spoken));
				const joined = inline || (!spoken && touching(previous, text));
				if (joined && !mark && ENDS.test(previous.data) && STARTS.test(text.data)) {
					found.push({
						kind: 'run-on',
						stream,
						excerpt: `${previous.data.slice(-30)}|${text.data.slice(0, 30)}`.replace(/\s+/g, ' '),
						where: describe(parent),
					});
				}
			}
			previous = text;
		}
		return found;
	}

	function doublePunctuation(): WordsFinding[] {
		const text = document.body.innerText;
		const found: WordsFinding[] = [];
		for (const match of text.matchAll(/[.!?,;:][”’"'»)]+[.!?,;:]|(?<!\.)\.\.(?!\.)/g)) {
			const at = match.index ?? 0;
			found.push({
				kind: 'double punctuation',
				stream: 'visual',
				excerpt: text.slice(Math.max(0, at - 30), at + match[0].length + 10).replace(/\s+/g, ' '),
				where: 'body text',
			});
		}
		return found;
	}

	function spelling(): WordsFinding[] {
		const text = document.body.innerText;
		return spellings.flatMap(([pattern, american]) =>
			[...text.matchAll(new RegExp(`\\b${pattern}\\b`, 'giu'))].map((match) => ({
				kind: 'British spelling' as const,
				stream: 'visual' as const,
				excerpt: `${match[0]} (American: ${american})`,
				where: 'body text',
			})),
		);
	}

	return [...runOns('visual'), ...runOns('spoken'), ...doublePunctuation(), ...spelling()];
}
