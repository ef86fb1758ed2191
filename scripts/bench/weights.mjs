/**
 * Page weights: the sizes come from the build's files (scripts/weigh-build.mjs,
 * the same figures the byte budgets of `npm test` check), and Chromium
 * (Playwright) loads each page to count what it actually requests, with
 * status, redirects and failures; then one search is run to see what it
 * downloads.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromiumFlags, chromiumPath } from '../chromium.mjs';
import { gzipSize, weighBuild } from '../weigh-build.mjs';
import { kb, log, onCleanup, sleep } from './run.mjs';

/** A URL no page has: the server answers it with the 404 page. */
const NOT_FOUND_PATH = '/bench-no-such-page/';
const SEARCH_QUERY = 'mental health';
/** Sizes and request counts do not depend on timing, so a few pages load at once. */
const CONCURRENCY = 3;

/** Every page of the sitemap, then the 404 page (weighed as the 404.html file it serves). */
export function sitemapPages(/** @type {string} */ clientDir) {
	const xml = readFileSync(path.join(clientDir, 'sitemap-0.xml'), 'utf8');
	const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => {
		const url = new URL(match[1].trim().replace(/&amp;/g, '&'));
		return url.pathname + url.search;
	});
	if (!paths.length) throw new Error('the sitemap lists no pages');
	return [
		...paths.map((p) => ({ path: p, label: p, is404: false, file: new URL(p, 'https://x.invalid').pathname })),
		{ path: NOT_FOUND_PATH, label: `404 (${NOT_FOUND_PATH})`, is404: true, file: '/404.html' },
	];
}

/** What Chromium requests for one page: count by type, status, redirects and failed requests. */
async function loadPage(/** @type {import('playwright-core').Browser} */ browser, /** @type {string} */ url) {
	const context = await browser.newContext();
	const tab = await context.newPage();
	/** @type {Array<{url: string, type: string, status: number | null, failed?: string}>} */
	const records = [];
	/** @type {Promise<void>[]} */
	const pending = [];
	let requests = 0;
	tab.on('request', () => requests++);
	tab.on('requestfinished', (request) => {
		pending.push(
			(async () => {
				const response = await request.response();
				records.push({ url: request.url(), type: request.resourceType(), status: response?.status() ?? null });
			})(),
		);
	});
	tab.on('requestfailed', (request) => {
		records.push({ url: request.url(), type: request.resourceType(), status: null, failed: request.failure()?.errorText ?? 'failed' });
	});
	try {
		const response = await tab.goto(url, { waitUntil: 'load', timeout: 30_000 });
		await tab.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => {});
		await Promise.all(pending);
		/** @type {string[]} */
		const redirects = [];
		for (let request = response?.request().redirectedFrom(); request; request = request.redirectedFrom()) {
			redirects.unshift(`${(await request.response())?.status() ?? '?'} ${new URL(request.url()).pathname}`);
		}
		const byType = /** @type {Record<string, number>} */ ({});
		for (const r of records.toSorted((a, b) => a.type.localeCompare(b.type))) byType[r.type] = (byType[r.type] ?? 0) + 1;
		return {
			status: response?.status() ?? null,
			redirects,
			finalPath: response ? new URL(response.url()).pathname : null,
			requests,
			byType,
			failed: records
				.filter((r) => r.failed || (r.status != null && r.status >= 400 && r.type !== 'document'))
				.map((r) => `${r.url} (${r.failed ?? r.status})`),
		};
	} finally {
		await context.close();
	}
}

/** Opens search on the home page, runs one query and sums what it downloads. */
async function measureSearch(/** @type {import('playwright-core').Browser} */ browser, /** @type {string} */ origin) {
	const context = await browser.newContext();
	const tab = await context.newPage();
	try {
		await tab.goto(`${origin}/`, { waitUntil: 'load' });
		await tab.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => {});
		/** @type {Array<{url: string, bytes: number, gzip: number}>} */
		const records = [];
		/** @type {Promise<void>[]} */
		const pending = [];
		tab.on('requestfinished', (request) => {
			pending.push(
				(async () => {
					const body = await (await request.response())?.body().catch(() => Buffer.alloc(0));
					records.push({ url: request.url(), bytes: body?.length ?? 0, gzip: body?.length ? gzipSize(body) : 0 });
				})(),
			);
		});
		await tab.locator('body').press('/');
		const input = tab.locator('site-search dialog input[type="search"]');
		await input.waitFor({ state: 'visible', timeout: 5000 });
		await input.fill(SEARCH_QUERY);
		await tab.locator('site-search .results li').first().waitFor({ timeout: 15_000 });
		await tab.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
		await sleep(600);
		await Promise.all(pending);
		const firstResult = (await tab.locator('site-search .results li a').first().textContent())?.trim() ?? '';
		const pagefind = records.filter((r) => new URL(r.url).pathname.startsWith('/pagefind/'));
		return {
			query: SEARCH_QUERY,
			requests: records.length,
			bytes: records.reduce((t, r) => t + r.bytes, 0),
			gzip: records.reduce((t, r) => t + r.gzip, 0),
			pagefindRequests: pagefind.length,
			pagefindBytes: pagefind.reduce((t, r) => t + r.bytes, 0),
			firstResult,
		};
	} finally {
		await context.close();
	}
}

/**
 * Weighs the build in `clientDir`, then loads every page from `server` in
 * Chromium. Returns, per page path, the sizes and what the browser did; the
 * whole weighing (for the budgets); and the search download, or null.
 */
export async function measureWeights(
	/** @type {ReturnType<typeof sitemapPages>} */ pages,
	/** @type {{ clientDir: string, server: { origin: string, ensureUp(): Promise<void> } }} */ { clientDir, server },
) {
	const weighed = await weighBuild(clientDir);
	const sizes = new Map(weighed.pages.map((page) => [page.path, page]));
	const { chromium } = await import('playwright-core');
	const browser = await chromium.launch({
		executablePath: chromiumPath,
		headless: true,
		args: chromiumFlags.filter((flag) => flag !== '--headless'),
	});
	onCleanup(() => browser.close().catch(() => {}));
	try {
		/** @type {Map<string, any>} */
		const weights = new Map();
		const queue = [...pages];
		const worker = async () => {
			for (let page = queue.shift(); page; page = queue.shift()) {
				await server.ensureUp();
				const size = sizes.get(page.file);
				if (!size) throw new Error(`${page.label}: no ${page.file} in the build`);
				const weight = { ...size, ...(await loadPage(browser, server.origin + page.path)) };
				weights.set(page.path, weight);
				log(
					`weight ${page.label}: ${weight.requests} requests, HTML ${kb(weight.htmlGz)}, CSS ${kb(weight.cssGz)}, JS ${kb(weight.jsGz)} gz`,
				);
			}
		};
		await Promise.all(Array.from({ length: CONCURRENCY }, worker));
		let search = null;
		try {
			search = await measureSearch(browser, server.origin);
			log(
				`search "${search.query}": ${search.requests} requests, ${kb(search.bytes)} (${kb(search.gzip)} gzip); first result "${search.firstResult}"`,
			);
		} catch (error) {
			log(`search download not measured: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
		}
		return { weights, weighed, search };
	} finally {
		await browser.close().catch(() => {});
	}
}
