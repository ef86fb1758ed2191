#!/usr/bin/env node
/**
 * `npm run bench`: figures for the course site, not pass/fail tests.
 *
 * 1. Times a full `astro build` (Astro + the Pagefind integration) and measures
 *    the Pagefind index (and, optionally, what one search downloads).
 * 2. Serves the build with the Node adapter's standalone server.
 * 3. Loads every sitemap page plus the 404 page in Chromium (Playwright) and
 *    records requests and the gzip size of HTML, CSS and JS loaded at page load.
 * 4. Runs Lighthouse (mobile preset) on each page, one after another.
 * 5. Rewrites its own section of docs/benchmarks.md (between the
 *    `<!-- bench:site:start -->` / `<!-- bench:site:end -->` markers), keeping
 *    every other section (e.g. one written by another bench script), and prints
 *    the table.
 *
 * The build goes to a private folder (BENCH_OUT_DIR, default
 * node_modules/.cache/bench-dist) so that a concurrent `npm test` or
 * `npm start` rebuilding `dist/` cannot change the site under measurement.
 *
 * Environment: BENCH_PORT (default 4390), BENCH_OUT_DIR, CHROMIUM_PATH
 * (default /usr/bin/chromium), BENCH_REPORT_DIR (full Lighthouse JSON reports;
 * default a temp folder), BENCH_SKIP_LIGHTHOUSE=1 (quick run without Lighthouse).
 */
import { spawn, execFileSync } from 'node:child_process';
import {
	createWriteStream,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromiumFlags, chromiumPath } from './chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PORT = Number(process.env.BENCH_PORT ?? 4390);
const HOST = '127.0.0.1';
const ORIGIN = `http://${HOST}:${PORT}`;
const OUT_DIR = path.resolve(root, process.env.BENCH_OUT_DIR ?? 'node_modules/.cache/bench-dist');
const CLIENT_DIR = path.join(OUT_DIR, 'client');
const CHROMIUM = chromiumPath;
const CHROMIUM_FLAGS = chromiumFlags;
const DOC = path.join(root, 'docs', 'benchmarks.md');
const START = '<!-- bench:site:start -->';
const END = '<!-- bench:site:end -->';
const NOT_FOUND_PATH = '/bench-no-such-page/';
const SEARCH_QUERY = 'mental health';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const SKIP_LIGHTHOUSE = process.env.BENCH_SKIP_LIGHTHOUSE === '1';
const WEIGHT_CONCURRENCY = 3;
const TARGETS = { firstRenderBytes: 14 * 1024, lessonJsBytes: 10 * 1024, buildSeconds: 20 };
/** Pagefind's bundled UIs; the site ships its own UI, so they are not part of the index. */
const PAGEFIND_UI = /^pagefind-(ui|modular-ui|component-ui)/;

const startedAt = performance.now();
const loadAtStart = os.loadavg()[0];
const tmp = mkdtempSync(path.join(os.tmpdir(), 'course-bench-'));
const reportDir = process.env.BENCH_REPORT_DIR ? path.resolve(process.env.BENCH_REPORT_DIR) : path.join(tmp, 'lighthouse');

// ---------------------------------------------------------------- cleanup

/** @type {Array<() => Promise<void> | void>} */
const cleanups = [];
let cleanedUp = false;
async function cleanup() {
	if (cleanedUp) return;
	cleanedUp = true;
	for (const fn of cleanups.reverse()) {
		try {
			await fn();
		} catch (error) {
			console.error(`cleanup: ${error instanceof Error ? error.message : error}`);
		}
	}
	rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
}
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.once(signal, () => {
		console.error(`\n${signal}: stopping server and browsers...`);
		cleanup().finally(() => process.exit(130));
	});
}

// ---------------------------------------------------------------- helpers

const gz = (/** @type {Buffer | string} */ data) => gzipSync(data, { level: 9 }).length;
const kb = (/** @type {number | null | undefined} */ bytes) => (bytes == null ? '–' : `${(bytes / 1024).toFixed(1)} KB`);
const log = (/** @type {string} */ message) => console.log(`[bench ${((performance.now() - startedAt) / 1000).toFixed(1)}s] ${message}`);
const stripAnsi = (/** @type {string} */ text) => text.replace(/\x1b\[[0-9;]*m/g, '');
const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

function readVersion(/** @type {string} */ pkg) {
	try {
		return JSON.parse(readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
	} catch {
		return 'unknown';
	}
}

function command(/** @type {string} */ file, /** @type {string[]} */ args) {
	try {
		return execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
	} catch {
		return 'unknown';
	}
}

/** Markdown-safe cell text. */
function cell(/** @type {unknown} */ value) {
	return String(value ?? '–')
		.replace(/\r?\n/g, ' ')
		.replace(/\|/g, '\\|');
}

/** Inline code that survives backticks inside. */
function code(/** @type {string} */ text) {
	const clean = text.replace(/\s+/g, ' ').trim();
	const fence = clean.includes('`') ? '``' : '`';
	return `${fence}${clean.includes('`') ? ` ${clean} ` : clean}${fence}`;
}

function truncate(/** @type {string} */ text, max = 220) {
	const clean = text.replace(/\s+/g, ' ').trim();
	return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** An aligned Markdown table (readable both in a terminal and rendered). */
function table(/** @type {string[]} */ head, /** @type {string[][]} */ rows, /** @type {('l'|'r')[]} */ align) {
	const all = [head, ...rows].map((row) => row.map(cell));
	const widths = head.map((_, i) => Math.max(3, ...all.map((row) => row[i].length)));
	const line = (/** @type {string[]} */ row) =>
		`| ${row.map((c, i) => (align[i] === 'r' ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
	const rule = `| ${widths.map((w, i) => (align[i] === 'r' ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
	return [line(all[0]), rule, ...all.slice(1).map(line)].join('\n');
}

function dirBytes(/** @type {string} */ dir, /** @type {(name: string) => boolean} */ include) {
	let bytes = 0;
	let files = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) {
			const sub = dirBytes(full, include);
			bytes += sub.bytes;
			files += sub.files;
		} else if (include(entry.name)) {
			bytes += statSync(full).size;
			files += 1;
		}
	}
	return { bytes, files };
}

// ---------------------------------------------------------------- 1. build

async function build() {
	const rel = path.relative(root, OUT_DIR);
	if (
		!rel ||
		rel.startsWith('..') ||
		path.isAbsolute(rel) ||
		['src', 'tests', 'public', 'docs', 'scripts'].includes(rel.split(path.sep)[0])
	) {
		throw new Error(`BENCH_OUT_DIR must be a build folder inside the project, got ${OUT_DIR}`);
	}
	rmSync(OUT_DIR, { recursive: true, force: true });
	const logFile = path.join(os.tmpdir(), 'course-bench-build.log');
	const astro = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
	log(`astro build --outDir ${rel}`);
	const t0 = performance.now();
	const output = await new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [astro, 'build', '--outDir', rel], {
			cwd: root,
			env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let text = '';
		child.stdout.on('data', (chunk) => (text += chunk));
		child.stderr.on('data', (chunk) => (text += chunk));
		child.on('error', reject);
		child.on('close', (status) => {
			writeFileSync(logFile, text);
			if (status === 0) resolve(stripAnsi(text));
			else {
				const lines = stripAnsi(text).split('\n');
				const first = lines.findIndex((line) => /\[ERROR\]|error/i.test(line));
				const shown = (first === -1 ? lines.slice(-40) : lines.slice(first, first + 40)).join('\n');
				reject(new Error(`astro build failed (exit ${status}; full log in ${logFile}):\n${shown}`));
			}
		});
	});
	const seconds = (performance.now() - t0) / 1000;
	const indexed = /indexed (\d+) pages in (\d+) ms/.exec(/** @type {string} */ (output));
	const serverBuilt = /Server built in ([\d.]+)(m?s)/.exec(/** @type {string} */ (output));
	const pagefindDir = path.join(CLIENT_DIR, 'pagefind');
	if (!existsSync(pagefindDir)) throw new Error(`no Pagefind index at ${pagefindDir}`);
	const index = dirBytes(pagefindDir, (name) => !PAGEFIND_UI.test(name));
	const ui = dirBytes(pagefindDir, (name) => PAGEFIND_UI.test(name));
	const result = {
		seconds,
		astroReported: serverBuilt ? Number(serverBuilt[1]) / (serverBuilt[2] === 'ms' ? 1000 : 1) : null,
		pagefindPages: indexed ? Number(indexed[1]) : null,
		pagefindMs: indexed ? Number(indexed[2]) : null,
		indexBytes: index.bytes,
		indexFiles: index.files,
		uiBytes: ui.bytes,
	};
	log(
		`built in ${seconds.toFixed(2)} s; Pagefind indexed ${result.pagefindPages ?? '?'} pages in ${result.pagefindMs ?? '?'} ms; ` +
			`index ${kb(index.bytes)} in ${index.files} files`,
	);
	return result;
}

// ---------------------------------------------------------------- 2. server

async function answers(timeout = 1000) {
	try {
		const response = await fetch(`${ORIGIN}/`, { signal: AbortSignal.timeout(timeout) });
		await response.arrayBuffer();
		return response.ok;
	} catch {
		return false;
	}
}

let serverLog = '';
/** @type {string | null} */
let serverExit = null;
/** Server exits the bench did not ask for (something else on the machine stopped it). */
const serverRestarts = /** @type {string[]} */ ([]);

/**
 * Before each page: a busy machine may answer slowly; a server that something
 * else stopped is started again (at most 3 times) and the restart reported.
 */
/** @type {Promise<void> | null} */
let ensuring = null;
function assertServerUp() {
	ensuring ??= ensureServer().finally(() => (ensuring = null));
	return ensuring;
}

async function ensureServer() {
	for (let attempt = 0; attempt < 3 && serverExit === null; attempt++) {
		if (await answers(10_000)) return;
	}
	const why = serverExit === null ? 'it does not answer' : `it exited (${serverExit})`;
	if (serverExit !== null && serverRestarts.length < 3) {
		serverRestarts.push(why);
		log(`server ${why}; starting it again`);
		await startServer();
		return;
	}
	throw new Error(`server on ${ORIGIN} is gone: ${why}\n${existsSync(serverLog) ? readFileSync(serverLog, 'utf8').slice(-2000) : ''}`);
}

async function startServer() {
	if (await answers()) throw new Error(`something already answers on ${ORIGIN}; stop it or set BENCH_PORT`);
	const logFile = path.join(tmp, 'server.log');
	serverLog = logFile;
	serverExit = null;
	const out = createWriteStream(logFile, { flags: 'a' });
	const child = spawn(process.execPath, [path.join(OUT_DIR, 'server', 'entry.mjs')], {
		cwd: root,
		env: { ...process.env, PORT: String(PORT), HOST, DATABASE_PATH: path.join(tmp, 'bench.db'), NODE_ENV: 'production' },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	child.stdout.pipe(out);
	child.stderr.pipe(out);
	let exited = false;
	child.on('exit', (code, signal) => {
		exited = true;
		serverExit = signal ? `signal ${signal}` : `code ${code}`;
	});
	cleanups.push(async () => {
		if (exited) return;
		child.kill('SIGTERM');
		for (let i = 0; i < 30 && !exited; i++) await sleep(100);
		if (!exited) child.kill('SIGKILL');
	});
	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		if (exited) break;
		if (await answers(5000)) {
			log(`server (pid ${child.pid}) answers on ${ORIGIN}`);
			return;
		}
		await sleep(200);
	}
	throw new Error(`server did not answer on ${ORIGIN}:\n${existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : ''}`);
}

// ---------------------------------------------------------------- 3. page weight

function sitemapPages() {
	const xml = readFileSync(path.join(CLIENT_DIR, 'sitemap-0.xml'), 'utf8');
	const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => {
		const url = new URL(match[1].trim().replace(/&amp;/g, '&'));
		return url.pathname + url.search;
	});
	if (!paths.length) throw new Error('the sitemap lists no pages');
	return [
		...paths.map((p) => ({ path: p, label: p, is404: false })),
		{ path: NOT_FOUND_PATH, label: `404 (${NOT_FOUND_PATH})`, is404: true },
	];
}

/** Stylesheets the parser finds in the HTML itself, not print-only: they block first render. */
function blockingStylesheets(/** @type {string} */ html, /** @type {string} */ base) {
	const urls = new Set();
	for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
		if (!/\brel\s*=\s*["']?[^"'>]*\bstylesheet\b/i.test(tag)) continue;
		if (/\bdisabled\b/i.test(tag)) continue;
		const media = /\bmedia\s*=\s*["']([^"']*)["']/i.exec(tag)?.[1]?.trim().toLowerCase();
		if (media && media !== 'all' && !media.includes('screen')) continue;
		const href = /\bhref\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
		if (href) urls.add(new URL(href.replace(/&amp;/g, '&'), base).href);
	}
	return urls;
}

/** @param {import('playwright-core').Browser} browser */
async function measurePage(browser, /** @type {{path: string}} */ page) {
	const context = await browser.newContext();
	const tab = await context.newPage();
	/** @type {Array<{url: string, type: string, status: number | null, bytes: number, gzip: number, failed?: string}>} */
	const records = [];
	/** @type {Promise<void>[]} */
	const pending = [];
	let requests = 0;
	tab.on('request', () => requests++);
	tab.on('requestfinished', (request) => {
		pending.push(
			(async () => {
				const response = await request.response();
				/** @type {Buffer} */
				let body = Buffer.alloc(0);
				try {
					if (response) body = await response.body();
				} catch {
					/* redirects and aborted bodies have none */
				}
				records.push({
					url: request.url(),
					type: request.resourceType(),
					status: response?.status() ?? null,
					bytes: body.length,
					gzip: body.length ? gz(body) : 0,
				});
			})(),
		);
	});
	tab.on('requestfailed', (request) => {
		records.push({
			url: request.url(),
			type: request.resourceType(),
			status: null,
			bytes: 0,
			gzip: 0,
			failed: request.failure()?.errorText ?? 'failed',
		});
	});
	try {
		const url = ORIGIN + page.path;
		const response = await tab.goto(url, { waitUntil: 'load', timeout: 30_000 });
		await tab.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => {});
		await Promise.all(pending);
		const html = response ? (await response.body()).toString('utf8') : '';
		/** @type {string[]} */
		const redirects = [];
		for (let request = response?.request().redirectedFrom(); request; request = request.redirectedFrom()) {
			redirects.unshift(`${(await request.response())?.status() ?? '?'} ${new URL(request.url()).pathname}`);
		}
		const finalPath = response ? new URL(response.url()).pathname : null;
		const inlineJs = await tab.evaluate(() =>
			[...document.querySelectorAll('script:not([src])')]
				.filter((script) =>
					['', 'module', 'text/javascript', 'application/javascript'].includes((script.getAttribute('type') ?? '').trim().toLowerCase()),
				)
				.map((script) => script.textContent ?? '')
				.join('\n'),
		);
		const sum = (/** @type {(r: typeof records[number]) => boolean} */ pick) =>
			records.filter(pick).reduce((total, r) => total + r.gzip, 0);
		const blocking = blockingStylesheets(html, url);
		const htmlGz = sum((r) => r.type === 'document');
		const cssGz = sum((r) => r.type === 'stylesheet');
		const blockingCssGz = sum((r) => r.type === 'stylesheet' && blocking.has(r.url));
		const externalJsGz = sum((r) => r.type === 'script');
		const inlineJsGz = inlineJs.trim() ? gz(inlineJs) : 0;
		const byType = /** @type {Record<string, number>} */ ({});
		for (const r of records.toSorted((a, b) => a.type.localeCompare(b.type))) byType[r.type] = (byType[r.type] ?? 0) + 1;
		return {
			status: response?.status() ?? null,
			redirects,
			finalPath,
			requests,
			byType,
			htmlBytes: Buffer.byteLength(html),
			htmlGz,
			cssGz,
			externalJsGz,
			inlineJsGz,
			jsGz: externalJsGz + inlineJsGz,
			firstRenderGz: htmlGz + blockingCssGz,
			failed: records
				.filter((r) => r.failed || (r.status != null && r.status >= 400 && r.type !== 'document'))
				.map((r) => `${r.url} (${r.failed ?? r.status})`),
		};
	} finally {
		await context.close();
	}
}

/** Opens search on the home page, runs one query and sums what it downloads. */
/** @param {import('playwright-core').Browser} browser */
async function measureSearch(browser) {
	const context = await browser.newContext();
	const tab = await context.newPage();
	try {
		await tab.goto(`${ORIGIN}/`, { waitUntil: 'load' });
		await tab.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => {});
		/** @type {Array<{url: string, bytes: number, gzip: number}>} */
		const records = [];
		/** @type {Promise<void>[]} */
		const pending = [];
		tab.on('requestfinished', (request) => {
			pending.push(
				(async () => {
					const body = await (await request.response())?.body().catch(() => Buffer.alloc(0));
					records.push({ url: request.url(), bytes: body?.length ?? 0, gzip: body?.length ? gz(body) : 0 });
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

async function measureWeights(/** @type {ReturnType<typeof sitemapPages>} */ pages) {
	const { chromium } = await import('playwright-core');
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: CHROMIUM_FLAGS.filter((flag) => flag !== '--headless'),
	});
	cleanups.push(() => browser.close().catch(() => {}));
	try {
		/** @type {Map<string, Awaited<ReturnType<typeof measurePage>>>} */
		const weights = new Map();
		// Sizes and request counts do not depend on timing, so a few pages load at once.
		const queue = [...pages];
		const worker = async () => {
			for (let page = queue.shift(); page; page = queue.shift()) {
				await assertServerUp();
				const weight = await measurePage(browser, page);
				weights.set(page.path, weight);
				log(
					`weight ${page.label}: ${weight.requests} requests, HTML ${kb(weight.htmlGz)}, CSS ${kb(weight.cssGz)}, JS ${kb(weight.jsGz)} gz`,
				);
			}
		};
		await Promise.all(Array.from({ length: WEIGHT_CONCURRENCY }, worker));
		let search = null;
		try {
			search = await measureSearch(browser);
			log(
				`search "${SEARCH_QUERY}": ${search.requests} requests, ${kb(search.bytes)} (${kb(search.gzip)} gzip); first result "${search.firstResult}"`,
			);
		} catch (error) {
			log(`search download not measured: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
		}
		return { weights, search };
	} finally {
		await browser.close().catch(() => {});
	}
}

// ---------------------------------------------------------------- 4. Lighthouse

/** Failures a 404 page must have: its status, its noindex, and the console line Chromium logs for the status. */
function expectedOn404(/** @type {any} */ audit, /** @type {string} */ url) {
	if (audit.id === 'http-status-code') return true;
	if (audit.id === 'is-crawlable') {
		const items = Array.isArray(audit.details?.items) ? audit.details.items : [];
		return items.length > 0 && items.every((/** @type {any} */ item) => /noindex/i.test(JSON.stringify(item)));
	}
	if (audit.id === 'errors-in-console') {
		const items = Array.isArray(audit.details?.items) ? audit.details.items : [];
		return (
			items.length > 0 &&
			items.every((/** @type {any} */ item) => item.sourceLocation?.url === url && /\b404\b/.test(item.description ?? ''))
		);
	}
	return false;
}

/** One value of a Lighthouse details table, as short text. */
function describeValue(/** @type {any} */ value) {
	if (value == null) return '';
	if (typeof value === 'number') return String(Math.round(value * 1000) / 1000);
	if (typeof value !== 'object') return truncate(String(value), 160);
	if (value.type === 'node') {
		const bits = [];
		if (value.selector) bits.push(code(truncate(value.selector, 120)));
		if (value.snippet) bits.push(code(truncate(value.snippet, 160)));
		if (value.explanation) {
			const detail = String(value.explanation)
				.split('\n')
				.map((line) => line.trim())
				.filter((line) => line && !/^Fix (any|all) of the following:?$/i.test(line));
			bits.push(truncate(detail.join(' '), 300));
		}
		return bits.join(' ');
	}
	if (value.type === 'source-location') return `${value.url}:${(value.line ?? 0) + 1}`;
	if (value.type === 'url' || value.type === 'link') return value.value ?? value.url ?? value.text ?? '';
	if (value.type === 'code') return code(truncate(String(value.value), 160));
	if (value.type === 'text') return truncate(String(value.value), 160);
	return '';
}

/** Lighthouse details (table, list, checklist, network tree...) as short lines. */
function describeDetails(/** @type {any} */ details, depth = 0) {
	if (!details || depth > 3) return [];
	/** @type {string[]} */
	const lines = [];
	switch (details.type) {
		case 'debugdata':
		case 'screenshot':
		case 'filmstrip':
		case 'treemap-data':
			return [];
		case 'checklist':
			return Object.values(details.items ?? {})
				.filter((/** @type {any} */ check) => check?.value === false)
				.map((/** @type {any} */ check) => `failed check: ${check.label}`);
		case 'list':
			return (details.items ?? []).flatMap((/** @type {any} */ item) => describeDetails(item, depth + 1));
		case 'list-section':
			return details.value?.type === 'network-tree' ? describeDetails(details.value, depth + 1) : [];
		case 'network-tree': {
			/** @type {string[]} */
			const chain = [];
			let node = Object.values(details.chains ?? {}).find((/** @type {any} */ c) => c.isLongest) ?? Object.values(details.chains ?? {})[0];
			while (node) {
				chain.push(new URL(node.url).pathname);
				node = Object.values(node.children ?? {}).find((/** @type {any} */ c) => c.isLongest);
			}
			return chain.length > 1
				? [`longest request chain (${Math.round(details.longestChain?.duration ?? 0)} ms): ${chain.map((p) => code(p)).join(' → ')}`]
				: [];
		}
		default: {
			if (!Array.isArray(details.items)) return [];
			for (const item of details.items) {
				if (item?.type && ['table', 'list', 'checklist', 'network-tree', 'list-section'].includes(item.type)) {
					lines.push(...describeDetails(item, depth + 1));
					continue;
				}
				if (item?.node?.type === 'text' && item.node.value === 'Total') continue;
				const bits = [];
				for (const [key, value] of Object.entries(item ?? {})) {
					if (['subItems', 'entity', 'wastedMs', 'wastedBytes', 'totalBytes', 'debugData', 'type'].includes(key)) continue;
					const text = describeValue(value);
					if (text) bits.push(typeof value === 'object' && value?.type === 'node' ? text : `${key}: ${text}`);
				}
				const subs = item?.subItems?.items ?? [];
				if (subs.length) {
					bits.push(
						subs
							.slice(0, 3)
							.map((/** @type {any} */ sub) => Object.values(sub).map(describeValue).filter(Boolean).join(' '))
							.join('; '),
					);
				}
				if (bits.length) lines.push(truncate(bits.join('; '), 480));
			}
			return lines;
		}
	}
}

/** A short, human description of what an audit found. */
function describeAudit(/** @type {any} */ audit, /** @type {any} */ lhr) {
	const parts = [];
	if (audit.displayValue) parts.push(String(audit.displayValue));
	if (audit.explanation) parts.push(truncate(String(audit.explanation)));
	if (audit.errorMessage) parts.push(`error: ${truncate(String(audit.errorMessage))}`);
	// CLS carries only debug data; the elements that shifted are in `layout-shifts`.
	const details = audit.id === 'cumulative-layout-shift' ? lhr.audits['layout-shifts']?.details : audit.details;
	let items = describeDetails(details);
	if (audit.id === 'cumulative-layout-shift') items = items.map((line) => `shifted: ${line}`);
	if (items.length > 8) items = [...items.slice(0, 8), `(+${items.length - 8} more)`];
	return { summary: parts.join(' — '), items };
}

/** Lighthouse runtime errors worth one more try. */
const TRANSIENT = new Set([
	'NO_NAVSTART',
	'NO_FCP',
	'NO_LCP',
	'PROTOCOL_TIMEOUT',
	'PAGE_HUNG',
	'CHROME_INTERSTITIAL_ERROR',
	'FAILED_DOCUMENT_REQUEST',
	'NO_TRACING_STARTED',
	'NO_RESOURCE_REQUEST',
]);

/** Unweighted audits whose findings are already shown with a weighted one. */
const FOLDED = new Set(['layout-shifts', 'cls-culprits-insight']);

async function lighthouseAll(/** @type {ReturnType<typeof sitemapPages>} */ pages, /** @type {Map<string, any>} */ weights) {
	const { default: lighthouse } = await import('lighthouse');
	const chromeLauncher = await import('chrome-launcher');
	mkdirSync(reportDir, { recursive: true });
	/** @type {import('chrome-launcher').LaunchedChrome[]} */
	const launched = [];
	const killAll = () => {
		for (const instance of launched) {
			try {
				instance.kill();
			} catch {
				/* already gone */
			}
		}
	};
	const launch = async () => {
		const instance = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_FLAGS, logLevel: 'silent' });
		launched.push(instance);
		return instance;
	};
	const gone = (/** @type {import('chrome-launcher').LaunchedChrome} */ instance) =>
		instance.process.exitCode !== null || instance.process.signalCode !== null;
	cleanups.push(killAll);
	let chrome = await launch();
	/** @type {Map<string, any>} */
	const results = new Map();
	let lighthouseVersion = readVersion('lighthouse');
	let userAgent = '';
	try {
		for (const page of pages) {
			const url = ORIGIN + page.path;
			const t0 = performance.now();
			await assertServerUp();
			/** @type {any} */
			let lhr;
			try {
				for (let attempt = 1; attempt <= 2; attempt++) {
					if (gone(chrome)) {
						log('Chromium for Lighthouse exited; launching it again');
						chrome = await launch();
					}
					const run = await lighthouse(url, {
						port: chrome.port,
						output: 'json',
						logLevel: 'error',
						onlyCategories: CATEGORIES,
						// The 404 page is meant to answer 404; a sitemap page that answers 4xx/5xx
						// is audited anyway, and its http-status-code failure is reported.
						ignoreStatusCode: page.is404 || (weights.get(page.path)?.status ?? 200) >= 400,
						// Scores do not use it; it costs 1-2 s a page.
						disableFullPageScreenshot: true,
					});
					lhr = run?.lhr;
					// A failed trace (NO_NAVSTART and the like) is usually a one-off on a busy machine.
					if (!lhr?.runtimeError || attempt === 2 || !TRANSIENT.has(lhr.runtimeError.code)) break;
					log(`lighthouse ${page.label}: ${lhr.runtimeError.code}, running it again`);
					await assertServerUp();
				}
			} catch (error) {
				results.set(page.path, { error: error instanceof Error ? error.message : String(error) });
				log(`lighthouse ${page.label}: failed: ${error}`);
				continue;
			}
			if (!lhr) {
				results.set(page.path, { error: 'Lighthouse returned no result' });
				continue;
			}
			lighthouseVersion = lhr.lighthouseVersion ?? lighthouseVersion;
			userAgent = lhr.environment?.hostUserAgent ?? userAgent;
			const slug = page.path.replace(/^\/|\/$/g, '').replace(/[^a-z0-9]+/gi, '-') || 'home';
			writeFileSync(path.join(reportDir, `${slug}.json`), JSON.stringify(lhr));
			/** @type {Record<string, number | null>} */
			const scores = {};
			/** @type {Record<string, number | null>} */
			const adjusted = {};
			/** @type {Array<{category: string, id: string, title: string, score: number | null, weight: number, expected: boolean, summary: string, items: string[]}>} */
			const failing = [];
			/** @type {string[]} */
			const unscored = [];
			for (const id of CATEGORIES) {
				const category = lhr.categories[id];
				scores[id] = category?.score == null ? null : Math.round(category.score * 100);
				if (!category) {
					unscored.push(`${id}: category missing from the report`);
					continue;
				}
				let weight = 0;
				let sum = 0;
				for (const ref of category.auditRefs) {
					const audit = lhr.audits[ref.id];
					// A page that did not load errors every audit; its runtime error says it once.
					if (!audit || lhr.runtimeError) continue;
					if (audit.scoreDisplayMode === 'error') unscored.push(`${id}/${ref.id}: ${audit.errorMessage ?? 'audit error'}`);
					const expected = page.is404 && expectedOn404(audit, lhr.finalDisplayedUrl ?? url);
					if (ref.weight > 0 && audit.score != null && !expected) {
						weight += ref.weight;
						sum += audit.score * ref.weight;
					}
					const scored = !['notApplicable', 'manual', 'informative'].includes(audit.scoreDisplayMode);
					// Audits that cost points, plus, in a category below 100, unweighted ones that
					// fail clearly (performance opportunities and diagnostics usually say why).
					const losesPoints = scored && audit.score != null && audit.score < 1 && ref.weight > 0;
					const flagged =
						scored && audit.score != null && audit.score < 0.9 && ref.weight === 0 && (scores[id] ?? 0) < 100 && !FOLDED.has(ref.id);
					if (audit.scoreDisplayMode === 'error' || losesPoints || flagged) {
						failing.push({
							category: id,
							id: ref.id,
							title: audit.title,
							score: audit.score,
							weight: ref.weight,
							expected,
							...describeAudit(audit, lhr),
						});
					}
				}
				adjusted[id] = scores[id] == null ? null : weight ? Math.round((sum / weight) * 100) : scores[id];
			}
			const metric = (/** @type {string} */ id) => lhr.audits[id]?.numericValue ?? null;
			results.set(page.path, {
				scores,
				adjusted,
				lcp: metric('largest-contentful-paint'),
				tbt: metric('total-blocking-time'),
				cls: metric('cumulative-layout-shift'),
				fcp: metric('first-contentful-paint'),
				failing,
				unscored,
				runtimeError: lhr.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : null,
				warnings: (lhr.runWarnings ?? []).map(String),
			});
			log(
				`lighthouse ${page.label}: ${CATEGORIES.map((id) => scores[id] ?? '?').join('/')} ` +
					`LCP ${Math.round(metric('largest-contentful-paint') ?? 0)} ms (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
			);
		}
	} finally {
		killAll();
	}
	return { results, lighthouseVersion, userAgent };
}

// ---------------------------------------------------------------- 5. report

function renderReport(/** @type {any} */ data) {
	const { date, versions, machine, buildResult, pages, weights, search, lh } = data;
	const lines = [];
	const score = (/** @type {any} */ result, /** @type {string} */ id) => {
		if (!result) return 'skipped';
		if (result.error) return 'error';
		const value = result.scores[id];
		if (value == null) return 'n/a';
		return result.adjusted[id] !== value ? `${value}*` : String(value);
	};
	const head = [
		'Page',
		'Requests',
		'HTML gz',
		'CSS gz',
		'JS gz',
		'First render (HTML+CSS) gz',
		'Perf',
		'A11y',
		'BP',
		'SEO',
		'LCP',
		'TBT',
		'CLS',
	];
	const rows = pages.map((/** @type {any} */ page) => {
		const w = weights.get(page.path);
		const r = lh?.results.get(page.path);
		const ok = r && !r.error;
		return [
			page.label,
			String(w?.requests ?? '–'),
			kb(w?.htmlGz),
			kb(w?.cssGz),
			kb(w?.jsGz),
			kb(w?.firstRenderGz),
			score(r, 'performance'),
			score(r, 'accessibility'),
			score(r, 'best-practices'),
			score(r, 'seo'),
			ok && r.lcp != null ? `${Math.round(r.lcp)} ms` : '–',
			ok && r.tbt != null ? `${Math.round(r.tbt)} ms` : '–',
			ok && r.cls != null ? r.cls.toFixed(3) : '–',
		];
	});
	const pageTable = table(head, rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r']);

	// Targets from issue 2, section 8.
	const isLesson = (/** @type {string} */ p) => p.startsWith('/lessons/');
	const lhMisses = [];
	if (lh) {
		for (const page of pages) {
			const r = lh.results.get(page.path);
			if (!r || r.error) {
				lhMisses.push(`${page.label} (no result)`);
				continue;
			}
			const below = CATEGORIES.filter((id) => (r.adjusted[id] ?? 0) < 100).map((id) => `${id} ${r.scores[id] ?? 'n/a'}`);
			if (below.length) lhMisses.push(`${page.label}: ${below.join(', ')}`);
		}
	}
	const maxBy = (/** @type {any[]} */ list, /** @type {(x: any) => number} */ f) =>
		list.reduce((best, x) => (best == null || f(x) > f(best) ? x : best), null);
	const firstRenderMax = maxBy(pages, (p) => weights.get(p.path)?.firstRenderGz ?? 0);
	const firstRenderOver = pages.filter((/** @type {any} */ p) => (weights.get(p.path)?.firstRenderGz ?? 0) > TARGETS.firstRenderBytes);
	const lessonPages = pages.filter((/** @type {any} */ p) => isLesson(p.path));
	const jsMax = maxBy(lessonPages, (p) => weights.get(p.path)?.jsGz ?? 0);
	const jsOver = lessonPages.filter((/** @type {any} */ p) => (weights.get(p.path)?.jsGz ?? 0) > TARGETS.lessonJsBytes);
	const targetRows = [
		[
			'Lighthouse 100 in Performance, Accessibility, Best Practices and SEO on every page (mobile)',
			lh ? (lhMisses.length ? `${lhMisses.length} of ${pages.length} pages below 100` : `all ${pages.length} pages at 100`) : 'not run',
			lh ? (lhMisses.length ? 'miss' : 'pass') : '–',
		],
		[
			'HTML + CSS for first render ≤ 14 KB gzip per page',
			`max ${kb(weights.get(firstRenderMax?.path)?.firstRenderGz)} (${firstRenderMax?.label})`,
			firstRenderOver.length ? 'miss' : 'pass',
		],
		[
			'JavaScript at load ≤ 10 KB gzip on lesson pages',
			`max ${kb(weights.get(jsMax?.path)?.jsGz)} (${jsMax?.label})`,
			jsOver.length ? 'miss' : 'pass',
		],
		[
			'Build (Astro + Pagefind) ≤ 20 s',
			`${buildResult.seconds.toFixed(1)} s`,
			buildResult.seconds <= TARGETS.buildSeconds ? 'pass' : 'miss',
		],
	];

	lines.push(START);
	lines.push('## Site: page weight, Lighthouse, build', '');
	lines.push(
		`Written by \`npm run bench\` (scripts/bench.mjs); everything between the \`bench:site\` markers is replaced on each run.`,
		'',
	);
	lines.push(`- Date: ${date}`);
	lines.push(
		`- Versions: Node ${versions.node}, Astro ${versions.astro}, Pagefind ${versions.pagefind}, Lighthouse ${versions.lighthouse}, ` +
			`Playwright ${versions.playwright}, ${versions.chromium}`,
	);
	lines.push(
		`- Machine: ${machine.cpus} CPUs (\`nproc\`) ${machine.model}, ${machine.memory} memory, ${machine.os}; ${machine.load} (other work on the machine slows the build and moves Lighthouse performance)`,
	);
	lines.push(
		`- Method: production build (into \`${path.relative(root, OUT_DIR)}\`, so concurrent builds of dist/ cannot interfere) served as \`npm start\` serves it: \`node ${path.relative(root, OUT_DIR)}/server/entry.mjs\` (the production server: the Node adapter's handler with static files, brotli/gzip compression and security headers). Sizes are each response body, decoded, then gzipped at level 9 (1 KB = 1024 bytes), so they do not depend on the encoding a client negotiates (brotli, which Chromium and Lighthouse get, is smaller). ` +
			`Page weight: fresh Chromium context per page, every request until the load event and network idle. ` +
			`JS gz = external scripts + inline scripts (JSON-LD excluded). First render = HTML + render-blocking stylesheets (styles are inlined, so usually just the HTML). ` +
			`Lighthouse ${versions.lighthouse}, default (mobile) config with simulated throttling, one page at a time; the 404 page is audited at a missing URL with \`ignoreStatusCode\`.`,
		'',
	);
	lines.push('### Pages', '', pageTable, '');
	if (serverRestarts.length)
		lines.push(
			`Note: the server was stopped from outside during the run (${serverRestarts.join('; ')}) and started again; pages measured around that moment may be affected.`,
			'',
		);
	if (
		pages.some(
			(/** @type {any} */ p) =>
				lh?.results.get(p.path)?.adjusted &&
				CATEGORIES.some((id) => lh.results.get(p.path).adjusted[id] !== lh.results.get(p.path).scores[id]),
		)
	) {
		lines.push(
			'\\* Lighthouse score lowered only by audits a 404 page must fail (`http-status-code`; `is-crawlable` because of `noindex`; the console error for the 404 response); the target check leaves them out.',
			'',
		);
	}
	const odd = pages.filter(
		(/** @type {any} */ p) => !p.is404 && (weights.get(p.path)?.status !== 200 || weights.get(p.path)?.redirects?.length),
	);
	if (odd.length) {
		lines.push(
			`Sitemap pages that do not answer 200 directly: ${odd
				.map((/** @type {any} */ p) => {
					const w = weights.get(p.path);
					return `${p.path} (${w?.redirects?.length ? `redirects to ${w.finalPath}, ` : ''}status ${w?.status ?? 'none'})`;
				})
				.join('; ')}.`,
			'',
		);
	}
	const detailRows = pages.map((/** @type {any} */ page) => {
		const w = weights.get(page.path);
		return [
			page.label,
			w?.redirects?.length ? `${w.redirects.join(' → ')} → ${w.status} ${w.finalPath}` : String(w?.status ?? '–'),
			Object.entries(w?.byType ?? {})
				.map(([type, n]) => `${type} ${n}`)
				.join(', '),
			kb(w?.htmlBytes),
			kb(w?.externalJsGz),
			kb(w?.inlineJsGz),
			w?.failed?.length ? w.failed.join(', ') : 'none',
		];
	});
	lines.push(
		'<details><summary>Per-page request details</summary>',
		'',
		table(['Page', 'Status', 'Requests by type', 'HTML raw', 'External JS gz', 'Inline JS gz', 'Failed requests'], detailRows, [
			'l',
			'r',
			'l',
			'r',
			'r',
			'r',
			'l',
		]),
		'',
		'</details>',
		'',
	);

	lines.push('### Failing Lighthouse audits', '');
	if (!lh) {
		lines.push('Lighthouse was skipped (BENCH_SKIP_LIGHTHOUSE=1).', '');
	} else {
		/** @type {string[]} */
		const problems = [];
		/** @type {string[]} */
		const expectedWarnings = [];
		/** @type {Map<string, {first: any, pages: Array<{label: string, score: number | null, summary: string, items: string[]}>}>} */
		const groups = new Map();
		for (const page of pages) {
			const r = lh.results.get(page.path);
			if (!r) continue;
			if (r.error) {
				problems.push(`- **${page.label}**: Lighthouse failed: ${truncate(r.error, 400)}`);
				continue;
			}
			if (r.runtimeError) problems.push(`- **${page.label}**: page did not load for Lighthouse: ${r.runtimeError}`);
			for (const reason of r.unscored) problems.push(`- **${page.label}**: not scored: ${reason}`);
			for (const warning of r.warnings) {
				if (page.is404 && /status code: 404/i.test(warning))
					expectedWarnings.push(`- **${page.label}**: Lighthouse warning: ${truncate(warning, 300)}`);
				else problems.push(`- **${page.label}**: Lighthouse warning: ${truncate(warning, 300)}`);
			}
			for (const f of r.failing) {
				const key = `${f.expected ? 'c' : f.weight > 0 ? 'a' : 'b'}|${CATEGORIES.indexOf(f.category)}|${f.id}`;
				if (!groups.has(key)) groups.set(key, { first: f, pages: [] });
				groups.get(key)?.pages.push({ label: page.label, score: f.score, summary: f.summary, items: f.items });
			}
		}
		const sorted = [...groups.entries()].sort(
			([a, ga], [b, gb]) => a.slice(0, 3).localeCompare(b.slice(0, 3)) || gb.pages.length - ga.pages.length || a.localeCompare(b),
		);
		const renderGroup = (/** @type {{first: any, pages: any[]}} */ group) => {
			const { category, id, title, weight } = group.first;
			const weightText = weight > 0 ? `weight ${Math.round(weight * 10) / 10}` : 'unweighted';
			const on = group.pages
				.map((p) => `${p.label} (${[p.summary, p.score == null ? 'error' : `score ${p.score}`].filter(Boolean).join(', ')})`)
				.join('; ');
			lines.push(
				`- \`${id}\` · ${category} · ${weightText} · ${title}. ${group.pages.length === pages.length ? 'Every page' : `${group.pages.length} page${group.pages.length > 1 ? 's' : ''}`}: ${on}`,
			);
			/** @type {Map<string, string[]>} */
			const itemPages = new Map();
			for (const p of group.pages) for (const item of p.items) itemPages.set(item, [...(itemPages.get(item) ?? []), p.label]);
			let shown = 0;
			for (const [item, labels] of itemPages) {
				if (shown++ === 6) {
					lines.push(`  - (+${itemPages.size - 6} more in the Lighthouse reports)`);
					break;
				}
				lines.push(`  - ${item}${labels.length < group.pages.length ? ` (${labels.join(', ')})` : ''}`);
			}
		};
		const section = (/** @type {string} */ prefix, /** @type {string} */ heading) => {
			const list = sorted.filter(([key]) => key.startsWith(prefix));
			if (!list.length) return;
			lines.push(heading, '');
			for (const [, group] of list) renderGroup(group);
			if (prefix === 'c') lines.push(...expectedWarnings);
			lines.push('');
		};
		if (problems.length) lines.push('Lighthouse errors and warnings:', '', ...problems, '');
		section('a', 'Audits that cost points (weighted in their category):');
		section('b', 'Unweighted audits that fail in a category below 100 (they usually explain the lost points):');
		section('c', 'Expected on the 404 page (left out of the target check):');
		if (!problems.length && !groups.size) lines.push('None: every audit passed on every page.', '');
	}

	lines.push('### Site', '');
	const siteRows = [
		['Build time (`astro build`, Astro + Pagefind, wall clock)', `${buildResult.seconds.toFixed(2)} s`],
		['Astro "Server built in"', buildResult.astroReported == null ? '–' : `${buildResult.astroReported.toFixed(2)} s`],
		['Pagefind indexing', buildResult.pagefindMs == null ? '–' : `${buildResult.pagefindPages} pages in ${buildResult.pagefindMs} ms`],
		[
			'Pagefind index size (dist/client/pagefind without the bundled UIs)',
			`${kb(buildResult.indexBytes)} (${buildResult.indexBytes.toLocaleString('en')} bytes, ${buildResult.indexFiles} files)`,
		],
		['Pagefind bundled UI files (not used, excluded above)', kb(buildResult.uiBytes)],
	];
	if (search) {
		siteRows.push([
			`One search ("${SEARCH_QUERY}" from the home page, opening search included)`,
			`${search.requests} requests, ${kb(search.bytes)} (${kb(search.gzip)} if gzipped); of which /pagefind/: ${search.pagefindRequests} requests, ${kb(search.pagefindBytes)}`,
		]);
	}
	lines.push(table(['Figure', 'Value'], siteRows, ['l', 'l']), '');
	lines.push('### Targets (issue 2, section 8)', '', table(['Target', 'Measured', 'Result'], targetRows, ['l', 'l', 'l']), '');
	if (lhMisses.length) lines.push(`Lighthouse misses: ${lhMisses.join('; ')}.`, '');
	if (machine.busy) {
		lines.push(
			`**Busy machine:** the load average was ${machine.loadStart.toFixed(1)} at the start on ${machine.cpus} CPUs, so the timings (build time; Lighthouse Performance, TBT, FCP, LCP) are inflated by other work. Sizes, request counts and the Accessibility, Best Practices and SEO audits do not depend on it. Run \`npm run bench\` again on an idle machine before judging the timing targets.`,
			'',
		);
	}
	lines.push(END);
	return {
		section: lines.join('\n'),
		pageTable,
		targetTable: table(['Target', 'Measured', 'Result'], targetRows, ['l', 'l', 'l']),
		siteRows,
	};
}

function writeDoc(/** @type {string} */ section) {
	mkdirSync(path.dirname(DOC), { recursive: true });
	let doc = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '';
	const start = doc.indexOf(START);
	const end = doc.indexOf(END);
	if (start !== -1 && end > start) {
		doc = doc.slice(0, start) + section + doc.slice(end + END.length);
	} else if (doc.trim()) {
		// Keep what others wrote; put the site section right after the title.
		const title = /^# .*\n/m.exec(doc);
		const at = title ? title.index + title[0].length : 0;
		doc = `${doc.slice(0, at)}\n${section}\n\n${doc.slice(at).replace(/^\n+/, '')}`;
	} else {
		doc = `# Benchmarks\n\nFigures, not tests: each section is written by a bench script and rewritten on its next run.\n\n${section}\n`;
	}
	if (!doc.endsWith('\n')) doc += '\n';
	const temp = `${DOC}.${process.pid}.tmp`;
	writeFileSync(temp, doc);
	renameSync(temp, DOC);
}

// ---------------------------------------------------------------- main

async function main() {
	const buildResult = await build();
	const pages = sitemapPages();
	await startServer();
	const { weights, search } = await measureWeights(pages);
	const lh = SKIP_LIGHTHOUSE ? null : await lighthouseAll(pages, weights);

	const versions = {
		node: process.version,
		astro: readVersion('astro'),
		pagefind: readVersion('pagefind'),
		lighthouse: lh?.lighthouseVersion ?? readVersion('lighthouse'),
		playwright: readVersion('playwright-core'),
		chromium: command(CHROMIUM, ['--version']).split('\n').pop() || 'Chromium (version unknown)',
	};
	const nproc = command('nproc', []);
	const machine = {
		cpus: /^\d+$/.test(nproc) ? nproc : String(os.availableParallelism()),
		model: os.cpus()[0]?.model?.replace(/\s+/g, ' ').trim() ?? '',
		memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
		os: `${os.type()} ${os.release()} ${os.arch()}`,
		load: `load average (1 min) ${loadAtStart.toFixed(1)} at start, ${os.loadavg()[0].toFixed(1)} at end`,
		loadStart: loadAtStart,
		busy: Math.max(loadAtStart, os.loadavg()[0]) > Number(/^\d+$/.test(nproc) ? nproc : os.availableParallelism()),
	};
	const date = new Date().toISOString();
	const report = renderReport({ date, versions, machine, buildResult, pages, weights, search, lh });
	writeDoc(report.section);

	console.log('');
	console.log(
		`Benchmark ${date}: Node ${versions.node}, Astro ${versions.astro}, Pagefind ${versions.pagefind}, Lighthouse ${versions.lighthouse}, ${versions.chromium}; ${machine.cpus} CPUs, ${machine.memory}`,
	);
	console.log('');
	console.log(report.pageTable);
	console.log('');
	for (const [figure, value] of report.siteRows) console.log(`${figure.replace(/`/g, '')}: ${value}`);
	console.log('');
	console.log(report.targetTable);
	if (machine.busy)
		console.log(
			`\nBusy machine (load average ${loadAtStart.toFixed(1)} on ${machine.cpus} CPUs): timings are inflated; sizes and the non-performance audits are not.`,
		);
	if (lh) {
		/** @type {Map<string, string[]>} */
		const byAudit = new Map();
		for (const page of pages) {
			for (const f of lh.results.get(page.path)?.failing ?? []) {
				const key = `${f.category} ${f.id}${f.weight > 0 ? '' : ' (unweighted)'}${f.expected ? ' (expected on 404)' : ''}`;
				byAudit.set(key, [...(byAudit.get(key) ?? []), page.path]);
			}
		}
		console.log(
			byAudit.size
				? `\nFailing Lighthouse audits (details in ${path.relative(root, DOC)}):\n${[...byAudit].map(([key, on]) => `  ${key}: ${on.length === pages.length ? 'every page' : on.join(' ')}`).join('\n')}`
				: '\nNo failing Lighthouse audits.',
		);
		console.log(
			`Full Lighthouse reports: ${reportDir}${process.env.BENCH_REPORT_DIR ? '' : ' (deleted at exit; set BENCH_REPORT_DIR to keep them)'}`,
		);
	}
	console.log(`\nWrote ${path.relative(root, DOC)} in ${((performance.now() - startedAt) / 1000).toFixed(0)} s.`);
}

try {
	await main();
} catch (error) {
	console.error(`bench failed: ${error instanceof Error ? (process.env.BENCH_DEBUG ? error.stack : error.message) : error}`);
	process.exitCode = 1;
} finally {
	await cleanup();
}
