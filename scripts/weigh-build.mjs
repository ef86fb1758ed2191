/**
 * Weighs a build's client output (dist/client) by reading its files, without
 * a browser, so the figures are the same on every run: the byte budgets of
 * `npm test` (scripts/budgets.mjs) and the page weights of `npm run bench`
 * (scripts/bench/weights.mjs) both come from here.
 *
 * Sizes are each file (or each page's inline scripts together) gzipped at
 * level 9, in bytes; for each page:
 * - first render: the HTML plus its render-blocking stylesheets (`<link
 *   rel="stylesheet">` without a print-only or other non-screen `media`);
 * - JS at load: what runs before the reader does anything: the page's
 *   scripts (`<script type="module" src>`, inline module and classic
 *   scripts; JSON-LD is data) and every chunk they import statically,
 *   transitively; a dynamic `import()` is not followed;
 * - lazy islands: for each dynamic import reachable from the page, the chunks
 *   it pulls in (its target and that target's static imports) that the page
 *   had not loaded yet. Islands that load further islands are followed too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { init, parse as parseModule } from 'es-module-lexer';
import { parse as parseHtml } from 'parse5';

/** Gzipped size in bytes (level 9, as the bench has always measured). */
export const gzipSize = (data) => (data.length ? gzipSync(data, { level: 9 }).length : 0);

/** Any origin will do: URLs only resolve paths against each other. */
const SITE = 'https://site.invalid';

/** Every HTML page under `clientDir` (Pagefind's folder aside), as its URL path: `/`, `/goals/`, `/404.html`. */
export function listPages(clientDir) {
	const pages = [];
	const visit = (relative) => {
		for (const entry of readdirSync(path.join(clientDir, relative), { withFileTypes: true })) {
			const name = path.posix.join(relative, entry.name);
			if (entry.isDirectory()) {
				if (name !== 'pagefind') visit(name);
			} else if (entry.name.endsWith('.html')) {
				pages.push(`/${name}`.replace(/(^|\/)index\.html$/, '$1'));
			}
		}
	};
	visit('');
	return pages.sort();
}

/** The file a site URL path is served from. */
function fileOf(clientDir, urlPath) {
	const clean = decodeURIComponent(urlPath);
	return path.join(clientDir, clean.endsWith('/') ? `${clean}index.html` : clean);
}

/** Elements of a parsed HTML tree, depth first (template contents included: they are inert, so skipped). */
function* elements(node) {
	for (const child of node.childNodes ?? []) {
		if (child.tagName) {
			yield child;
			if (child.tagName !== 'template') yield* elements(child);
		} else if (child.childNodes) {
			yield* elements(child);
		}
	}
}

const attribute = (element, name) => element.attrs.find((attr) => attr.name === name)?.value;
const textOf = (element) => element.childNodes.map((child) => child.value ?? '').join('');

/** Script types a browser runs; `type` is matched as browsers do (trimmed, any case). */
const CLASSIC = new Set(['', 'text/javascript', 'application/javascript']);

/** A stylesheet that holds up first render: not disabled, and for every medium or the screen. */
function isBlockingStylesheet(element) {
	const rel = (attribute(element, 'rel') ?? '').toLowerCase().split(/\s+/);
	if (!rel.includes('stylesheet') || rel.includes('alternate') || attribute(element, 'disabled') !== undefined) return false;
	const media = attribute(element, 'media')?.trim().toLowerCase();
	return !media || media === 'all' || media.includes('screen');
}

/** What a page's HTML asks for at load. */
function readPage(html, pageUrl) {
	const scripts = { modules: [], inlineModules: [], inlineClassic: [], classic: [] };
	const stylesheets = { blocking: [], other: [] };
	for (const element of elements(parseHtml(html))) {
		if (element.tagName === 'script') {
			const type = (attribute(element, 'type') ?? '').trim().toLowerCase();
			const src = attribute(element, 'src');
			if (type === 'module') {
				if (src) scripts.modules.push(new URL(src, pageUrl).href);
				else scripts.inlineModules.push(textOf(element));
			} else if (CLASSIC.has(type)) {
				if (src) scripts.classic.push(new URL(src, pageUrl).href);
				else scripts.inlineClassic.push(textOf(element));
			}
		} else if (element.tagName === 'link' && attribute(element, 'href')) {
			const rel = (attribute(element, 'rel') ?? '').toLowerCase().split(/\s+/);
			if (!rel.includes('stylesheet')) continue;
			const href = new URL(attribute(element, 'href'), pageUrl).href;
			(isBlockingStylesheet(element) ? stylesheets.blocking : stylesheets.other).push(href);
		}
	}
	return { scripts, stylesheets };
}

/**
 * Weighs every page of a build (`clientDir` is its dist/client). Returns the
 * pages (in path order) and the lazy islands (by name: the chunk's file name
 * without its hash), each island with its worst page.
 */
export async function weighBuild(clientDir) {
	await init();
	/** @type {Map<string, Buffer>} */
	const files = new Map();
	const read = (url) => {
		if (!files.has(url)) {
			const { pathname } = new URL(url);
			try {
				files.set(url, readFileSync(fileOf(clientDir, pathname)));
			} catch {
				throw new Error(`${pathname} is referenced by the build but is not in ${clientDir}`);
			}
		}
		return /** @type {Buffer} */ (files.get(url));
	};
	/** @type {Map<string, {static: string[], dynamic: string[]}>} */
	const importsCache = new Map();
	/** A module's imports, resolved to URLs. */
	const importsOf = (source, baseUrl, key) => {
		if (key && importsCache.has(key)) return /** @type {{static: string[], dynamic: string[]}} */ (importsCache.get(key));
		const [imports] = parseModule(source);
		const found = { static: [], dynamic: [] };
		for (const entry of imports) {
			if (entry.type === 'import-meta' || entry.specifier === undefined) continue;
			const target = new URL(entry.specifier, baseUrl).href;
			if (entry.type === 'dynamic') found.dynamic.push(target);
			else found.static.push(target);
		}
		if (key) importsCache.set(key, found);
		return found;
	};
	const gzipCache = new Map();
	const gzOf = (url) => {
		if (!gzipCache.has(url)) gzipCache.set(url, gzipSize(read(url)));
		return gzipCache.get(url);
	};
	/** Adds `url` and its static imports, transitively, to `into`; returns the dynamic imports met on the way. */
	const closure = (urls, into) => {
		const dynamic = [];
		const queue = [...urls];
		while (queue.length) {
			const url = /** @type {string} */ (queue.shift());
			if (into.has(url)) continue;
			into.add(url);
			const found = importsOf(read(url).toString('utf8'), url, url);
			queue.push(...found.static);
			dynamic.push(...found.dynamic);
		}
		return dynamic;
	};
	const sum = (urls) => [...urls].reduce((total, url) => total + gzOf(url), 0);
	const nameOf = (url) =>
		path.posix
			.basename(new URL(url).pathname)
			.replace(/\.[A-Za-z0-9_-]{8}\.js$/, '')
			.replace(/\.m?js$/, '');

	const pages = [];
	/** @type {Map<string, {name: string, gz: number, chunks: string[], page: string, pages: string[]}>} */
	const islands = new Map();
	for (const pagePath of listPages(clientDir)) {
		const pageUrl = new URL(pagePath, SITE).href;
		const html = read(pageUrl);
		const { scripts, stylesheets } = readPage(html.toString('utf8'), pageUrl);
		const inline = [...scripts.inlineClassic, ...scripts.inlineModules].filter((text) => text.trim());
		const inlineJsGz = inline.length ? gzipSize(Buffer.from(inline.join('\n'))) : 0;
		const loaded = new Set();
		const dynamic = closure([...scripts.modules, ...scripts.classic], loaded);
		for (const text of scripts.inlineModules) {
			const found = importsOf(text, pageUrl);
			dynamic.push(...found.dynamic, ...closure(found.static, loaded));
		}
		const externalJsGz = sum(loaded);
		const htmlGz = gzipSize(html);
		const blockingCssGz = sum(new Set(stylesheets.blocking));
		const cssGz = blockingCssGz + sum(new Set(stylesheets.other));
		// Each lazy island: what its import adds to what the page (and the islands before it) loaded.
		const seen = new Set(loaded);
		const pageIslands = [];
		for (let i = 0; i < dynamic.length; i++) {
			const target = /** @type {string} */ (dynamic[i]);
			if (seen.has(target)) continue;
			const added = new Set();
			const before = new Set(seen);
			const further = closure([target], before);
			for (const url of before) if (!seen.has(url)) added.add(url);
			for (const url of added) seen.add(url);
			dynamic.push(...further);
			const name = nameOf(target);
			const gz = sum(added);
			pageIslands.push(name);
			const known = islands.get(name);
			const chunks = [...added].map((url) => new URL(url).pathname);
			if (!known) islands.set(name, { name, gz, chunks, page: pagePath, pages: [pagePath] });
			else {
				known.pages.push(pagePath);
				if (gz > known.gz) Object.assign(known, { gz, chunks, page: pagePath });
			}
		}
		pages.push({
			path: pagePath,
			htmlBytes: html.length,
			htmlGz,
			cssGz,
			blockingCssGz,
			firstRenderGz: htmlGz + blockingCssGz,
			externalJsGz,
			inlineJsGz,
			jsGz: externalJsGz + inlineJsGz,
			scripts: [...loaded].map((url) => new URL(url).pathname),
			islands: pageIslands,
		});
	}
	return { pages, islands: [...islands.values()].sort((a, b) => a.name.localeCompare(b.name)) };
}
