/**
 * The search dialog's results, a part of <site-search> (Search.astro) loaded
 * on first open. It talks to Pagefind's own client (`/pagefind/pagefind.js`,
 * written by the build) and renders results with their heading sub-results;
 * links carry `?highlight=` so the page they open marks the query terms.
 */
import { say } from '../../i18n/island';
// Its words come with this lazily loaded code, not in every page's HTML (see src/i18n/islands.ts).
import strings from '../../i18n/search.en.json';

interface SubResult {
	title: string;
	url: string;
	excerpt: string;
}

interface ResultData {
	url: string;
	excerpt: string;
	meta: { title?: string };
	filters?: Record<string, string[]>;
	sub_results: SubResult[];
}

interface Pagefind {
	options(options: Record<string, unknown>): Promise<void>;
	search(
		query: string,
		options?: { filters?: Record<string, string> },
	): Promise<{
		results: { data(): Promise<ResultData> }[];
	} | null>;
}

const MAX_RESULTS = 8;
const MAX_SUB_RESULTS = 3;

/** Pagefind excerpts contain only text and <mark>; anything else is escaped to be safe. */
function safeExcerpt(html: string): string {
	const text = html.replace(/<(?!\/?mark>)[^>]*>/g, '');
	return text.replace(/&(?!(?:amp|lt|gt|quot|#39|#x27);)/g, '&amp;').replace(/<(?!\/?mark>)/g, '&lt;');
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	if (className) node.className = className;
	return node;
}

function renderResult(data: ResultData): HTMLLIElement {
	const item = element('li', 'result');
	const link = element('a', 'result-title');
	link.href = data.url;
	link.textContent = data.meta.title ?? data.url;
	const kind = data.filters?.kind?.[0];
	if (kind) {
		const badge = element('span', 'result-kind');
		badge.textContent = strings[kind === 'lesson' ? 'search.kind.lesson' : 'search.kind.page'];
		item.append(badge);
	}
	const excerpt = element('p', 'result-excerpt');
	excerpt.innerHTML = safeExcerpt(data.excerpt);
	item.prepend(link);
	item.append(excerpt);
	// Sub-results point at headings within the page; skip the one that is the page itself.
	const subs = data.sub_results.filter((sub) => sub.url.includes('#')).slice(0, MAX_SUB_RESULTS);
	if (subs.length) {
		const list = element('ul', 'result-subs');
		for (const sub of subs) {
			const subItem = element('li');
			const subLink = element('a');
			subLink.href = sub.url;
			subLink.textContent = sub.title;
			const subExcerpt = element('p', 'result-excerpt');
			subExcerpt.innerHTML = safeExcerpt(sub.excerpt);
			subItem.append(subLink, subExcerpt);
			list.append(subItem);
		}
		item.append(list);
	}
	return item;
}

/** Wires the dialog's query, filters and results to Pagefind. */
export async function mountSearch(root: HTMLElement): Promise<void> {
	const input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
	const form = root.querySelector('form')!;
	const status = root.querySelector<HTMLElement>('.status')!;
	const list = root.querySelector<HTMLOListElement>('.results')!;
	status.textContent = strings['search.loading'];

	let pagefind: Pagefind;
	try {
		const url = '/pagefind/pagefind.js';
		pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
		await pagefind.options({ highlightParam: 'highlight', excerptLength: 24 });
	} catch {
		status.textContent = strings['search.error'];
		return;
	}

	let latest = 0;
	/** The query and filter whose results are on screen. */
	let shown = '';
	async function run() {
		const query = input.value.trim();
		const kind = new FormData(form).get('kind');
		const ticket = ++latest;
		const wanted = `${query}\n${kind ?? ''}`;
		// Already on screen: re-rendering would replace the links under a pointer that is clicking one.
		if (wanted === shown) return;
		if (query.length < 2) {
			shown = wanted;
			list.replaceChildren();
			status.textContent = query ? strings['search.hint'] : '';
			return;
		}
		const search = await pagefind.search(query, kind ? { filters: { kind: String(kind) } } : {});
		// A newer keystroke has started another search: drop this one.
		if (ticket !== latest || !search) return;
		const data = await Promise.all(search.results.slice(0, MAX_RESULTS).map((result) => result.data()));
		if (ticket !== latest) return;
		shown = wanted;
		list.replaceChildren(...data.map(renderResult));
		const count = search.results.length;
		status.textContent =
			count === 0
				? say(strings, 'search.none', { query })
				: say(strings, count === 1 ? 'search.count.one' : 'search.count.other', { count, query });
	}

	let timer: ReturnType<typeof setTimeout> | undefined;
	input.addEventListener('input', () => {
		clearTimeout(timer);
		timer = setTimeout(run, 120);
	});
	// Only the filter: a text field also fires `change` when it loses focus, as it does when a result is clicked.
	form.addEventListener('change', (event) => {
		if ((event.target as HTMLInputElement).name === 'kind') void run();
	});
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		clearTimeout(timer);
		void run().then(() => list.querySelector('a')?.focus());
	});
	status.textContent = '';
	if (input.value) await run();
}
