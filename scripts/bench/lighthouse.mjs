/**
 * Lighthouse (mobile preset, simulated throttling) on every page, one after
 * another in one Chromium, each report kept as JSON; a run that fails in a
 * way a busy machine causes is tried once more. Returns each page's scores,
 * the scores without the audits a 404 page must fail, its main metrics and
 * the audits that cost points.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromiumFlags, chromiumPath } from '../chromium.mjs';
import { describeAudit, expectedOn404 } from './lighthouse-audits.mjs';
import { log, onCleanup, readVersion } from './run.mjs';

/** The Lighthouse categories measured, in report order. */
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

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

/**
 * Audits each page of `pages` on `server`, writing the full reports to
 * `reportDir`; `weights` (from the page weights) tells which pages answer an
 * error status on purpose.
 */
export async function lighthouseAll(
	/** @type {Array<{path: string, label: string, is404: boolean}>} */ pages,
	/** @type {{ server: { origin: string, ensureUp(): Promise<void> }, weights: Map<string, any>, reportDir: string }} */ {
		server,
		weights,
		reportDir,
	},
) {
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
		const instance = await chromeLauncher.launch({ chromePath: chromiumPath, chromeFlags: chromiumFlags, logLevel: 'silent' });
		launched.push(instance);
		return instance;
	};
	const gone = (/** @type {import('chrome-launcher').LaunchedChrome} */ instance) =>
		instance.process.exitCode !== null || instance.process.signalCode !== null;
	onCleanup(killAll);
	let chrome = await launch();
	/** @type {Map<string, any>} */
	const results = new Map();
	let lighthouseVersion = readVersion('lighthouse');
	let userAgent = '';
	try {
		for (const page of pages) {
			const url = server.origin + page.path;
			const t0 = performance.now();
			await server.ensureUp();
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
					await server.ensureUp();
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
