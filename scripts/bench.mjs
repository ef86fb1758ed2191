#!/usr/bin/env node
/**
 * `npm run bench`: figures for the course site, not pass/fail tests. Each
 * step is a module in scripts/bench/:
 *
 * 1. build.mjs: times a full `astro build` (Astro + the Pagefind integration)
 *    and measures the Pagefind index.
 * 2. server.mjs: serves that build as `npm start` does, with
 *    `node <build>/server/entry.mjs` (the production server: the adapter's
 *    handler with static files, compression and security headers).
 * 3. weights.mjs: weighs every page of the build (scripts/weigh-build.mjs, the
 *    same figures as the byte budgets of `npm test`, judged here too), then
 *    loads every sitemap page plus the 404 page in Chromium (Playwright) to
 *    count requests, and measures what one search downloads.
 * 4. lighthouse.mjs: Lighthouse (mobile preset) on each page, one after another.
 * 5. report.mjs: rewrites its own section of docs/benchmarks.md (between the
 *    `<!-- bench:site:start -->` / `<!-- bench:site:end -->` markers), keeping
 *    every other section (e.g. one written by another bench script), and
 *    prints the tables.
 *
 * The build goes to a private folder (BENCH_OUT_DIR, default
 * node_modules/.cache/bench-dist) so that a concurrent `npm test` or
 * `npm start` rebuilding `dist/` cannot change the site under measurement.
 *
 * Environment: BENCH_PORT (default 4390), BENCH_OUT_DIR, CHROMIUM_PATH
 * (default /usr/bin/chromium), BENCH_REPORT_DIR (full Lighthouse JSON reports;
 * default a temp folder), BENCH_SKIP_LIGHTHOUSE=1 (quick run without Lighthouse).
 */
import os from 'node:os';
import path from 'node:path';
import { checkBudgets } from './budgets.mjs';
import { chromiumPath } from './chromium.mjs';
import { build } from './bench/build.mjs';
import { lighthouseAll } from './bench/lighthouse.mjs';
import { writeSection } from './bench/markdown.mjs';
import { END, renderReport, START } from './bench/report.mjs';
import { cleanup, command, readVersion, root, startedAt, tmp } from './bench/run.mjs';
import { startServer } from './bench/server.mjs';
import { measureWeights, sitemapPages } from './bench/weights.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 4390);
const HOST = '127.0.0.1';
const OUT_DIR = path.resolve(root, process.env.BENCH_OUT_DIR ?? 'node_modules/.cache/bench-dist');
const CLIENT_DIR = path.join(OUT_DIR, 'client');
const DOC = path.join(root, 'docs', 'benchmarks.md');
const SKIP_LIGHTHOUSE = process.env.BENCH_SKIP_LIGHTHOUSE === '1';
const reportDir = process.env.BENCH_REPORT_DIR ? path.resolve(process.env.BENCH_REPORT_DIR) : path.join(tmp, 'lighthouse');
const loadAtStart = os.loadavg()[0];

async function main() {
	const buildResult = await build(OUT_DIR);
	const pages = sitemapPages(CLIENT_DIR);
	const server = await startServer({ outDir: OUT_DIR, host: HOST, port: PORT, folder: tmp });
	const { weights, search } = await measureWeights(pages, { clientDir: CLIENT_DIR, server });
	const budgets = await checkBudgets({ clientDir: CLIENT_DIR });
	const lh = SKIP_LIGHTHOUSE ? null : await lighthouseAll(pages, { server, weights, reportDir });

	const versions = {
		node: process.version,
		astro: readVersion('astro'),
		pagefind: readVersion('pagefind'),
		lighthouse: lh?.lighthouseVersion ?? readVersion('lighthouse'),
		playwright: readVersion('playwright-core'),
		chromium: command(chromiumPath, ['--version']).split('\n').pop() || 'Chromium (version unknown)',
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
	const report = renderReport({
		date,
		versions,
		machine,
		buildResult,
		pages,
		weights,
		search,
		lh,
		outDir: OUT_DIR,
		serverRestarts: server.restarts,
		budgets,
	});
	writeSection(DOC, START, END, report.section);

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
	for (const budget of budgets.filter((b) => !b.passed)) console.log(`Budget missed: ${budget.name}: ${budget.detail}`);
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
