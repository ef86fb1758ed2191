/**
 * The `bench:site` section of docs/benchmarks.md: the date, versions, machine
 * and method; a table per page (sizes, requests, Lighthouse scores and
 * metrics); the failing Lighthouse audits grouped by audit; figures for the
 * whole site (build, Pagefind); and the targets the site is held to, each
 * with its measured value. Also returns the tables `npm run bench` prints.
 */
import path from 'node:path';
import { CATEGORIES } from './lighthouse.mjs';
import { table, truncate } from './markdown.mjs';
import { kb, root } from './run.mjs';

/** Markers around this section; everything between them is replaced on each run. */
export const START = '<!-- bench:site:start -->';
export const END = '<!-- bench:site:end -->';

/**
 * What the site is held to. The byte budgets (docs/budgets.md) hold each page
 * and island to its own figure; these are the round numbers behind them.
 */
const TARGETS = { firstRenderBytes: 14 * 1024, lessonJsBytes: 10 * 1024, buildSeconds: 20 };

/** Renders the section from everything the run measured. */
export function renderReport(/** @type {any} */ data) {
	const { date, versions, machine, buildResult, pages, weights, search, lh, outDir, serverRestarts, budgets } = data;
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
			'Byte budgets in docs/budgets.md (JS at load and first render per page, each lazy island)',
			budgets.length ? `${budgets.filter((/** @type {any} */ b) => b.passed).length} of ${budgets.length} within` : 'none read',
			budgets.every((/** @type {any} */ b) => b.passed)
				? 'pass'
				: `miss: ${budgets
						.filter((/** @type {any} */ b) => !b.passed)
						.map((/** @type {any} */ b) => b.name)
						.join('; ')}`,
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
		`- Method: production build (into \`${path.relative(root, outDir)}\`, so concurrent builds of dist/ cannot interfere) served as \`npm start\` serves it: \`node ${path.relative(root, outDir)}/server/entry.mjs\` (the production server: the Node adapter's handler with static files, brotli/gzip compression and security headers). Sizes are the build's files, each gzipped at level 9 (1 KB = 1024 bytes; \`scripts/weigh-build.mjs\`, the same figures the byte budgets of \`npm test\` check), so they do not depend on the encoding a client negotiates (brotli, which Chromium and Lighthouse get, is smaller). ` +
			`JS gz = what runs at load: the page's scripts, inline ones included (JSON-LD excluded), and every chunk they import statically (lazy islands, loaded by a dynamic import, are not counted). First render = HTML + render-blocking stylesheets (styles are inlined, so usually just the HTML). ` +
			`Requests: fresh Chromium context per page, every request until the load event and network idle. ` +
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
			`One search ("${search.query}" from the home page, opening search included)`,
			`${search.requests} requests, ${kb(search.bytes)} (${kb(search.gzip)} if gzipped); of which /pagefind/: ${search.pagefindRequests} requests, ${kb(search.pagefindBytes)}`,
		]);
	}
	lines.push(table(['Figure', 'Value'], siteRows, ['l', 'l']), '');
	lines.push(
		'### Targets',
		'',
		'Lighthouse 100 in every category on every page; every page’s first render within 14 KB gzip (what a server sends in the first round trip of a new connection); lesson pages’ JavaScript at load within 10 KB gzip; every byte budget in docs/budgets.md; a build within 20 s.',
		'',
		table(['Target', 'Measured', 'Result'], targetRows, ['l', 'l', 'l']),
		'',
	);
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
