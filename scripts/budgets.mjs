#!/usr/bin/env node
/**
 * `npm run budgets` (and a suite of `npm test`, after the build): checks the
 * byte budgets listed in docs/budgets.md against a build's dist/client,
 * weighed by scripts/weigh-build.mjs. Each budget is one test; so is every
 * page or lazy island the build has that no budget covers, and every budget
 * that matches nothing in the build (a renamed page or chunk).
 *
 *   npm run budgets                   check dist/client (build first)
 *   npm run budgets -- --propose      print the table with today's figures, each limit rounded up
 *   node scripts/budgets.mjs <dir>    check another build's client folder
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { weighBuild } from './weigh-build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BUDGETS_FILE = path.join(root, 'docs/budgets.md');

/** The kinds of budget, the column they read and whether they apply to pages or to islands. */
export const KINDS = {
	'JS at load': { of: 'page', figure: (page) => page.jsGz },
	'First render': { of: 'page', figure: (page) => page.firstRenderGz },
	'Lazy island': { of: 'island', figure: (island) => island.gz },
};
const COLUMNS = ['Kind', 'Target', 'What', 'Limit (bytes gz)', 'Today (bytes gz)', 'Reason'];
/** A new budget starts at today's figure rounded up to the next kilobyte. */
const STEP = 1024;

const cells = (line) =>
	line
		.trim()
		.replace(/^\||\|$/g, '')
		.split('|')
		.map((cell) => cell.trim());

/**
 * Reads the budget table (the one whose header is COLUMNS) from Markdown.
 * Returns the budgets and a message for each row that cannot be read.
 */
export function parseBudgets(markdown) {
	const lines = markdown.split(/\r?\n/);
	const start = lines.findIndex((line) => line.trim().startsWith('|') && cells(line).join('|') === COLUMNS.join('|'));
	if (start === -1) return { budgets: [], errors: [`no table with the columns ${COLUMNS.join(', ')}`] };
	const budgets = [];
	const errors = [];
	for (let i = start + 2; i < lines.length && lines[i]?.trim().startsWith('|'); i++) {
		const [kind = '', target = '', what = '', limit = '', today = '', reason = ''] = cells(/** @type {string} */ (lines[i]));
		const where = `docs/budgets.md line ${i + 1}`;
		const target_ = target.replace(/^`|`$/g, '');
		if (!(kind in KINDS)) errors.push(`${where}: unknown kind "${kind}" (one of ${Object.keys(KINDS).join(', ')})`);
		else if (!/^\d+$/.test(limit)) errors.push(`${where}: the limit "${limit}" is not a whole number of bytes`);
		else if (!target_) errors.push(`${where}: no target`);
		else budgets.push({ kind, target: target_, what, limit: Number(limit), today: today ? Number(today) : null, reason });
	}
	if (!budgets.length && !errors.length) errors.push('the budget table has no rows');
	return { budgets, errors };
}

/** Whether a page path matches a target, where `*` stands for one path segment. */
export function matches(target, value) {
	const pattern = target.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]+');
	return new RegExp(`^${pattern}$`).test(value);
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * Checks every budget against a weighed build. Returns one result per test:
 * `{ name, passed, detail }`.
 */
export function judge(budgets, weighed) {
	const results = [];
	const items = {
		page: weighed.pages.map((page) => ({ ...page, key: page.path })),
		island: weighed.islands.map((i) => ({ ...i, key: i.name })),
	};
	for (const budget of budgets) {
		const { of, figure } = KINDS[budget.kind];
		const covered = items[of].filter((item) => matches(budget.target, item.key));
		const name = `${budget.kind} ${budget.target}`;
		if (!covered.length) {
			results.push({ name, passed: false, detail: `matches no ${of} in the build: rename or remove this budget` });
			continue;
		}
		const worst = covered.reduce((a, b) => (figure(b) > figure(a) ? b : a));
		const value = figure(worst);
		const on = covered.length > 1 ? ` (largest: ${worst.key}, of ${covered.length})` : of === 'island' ? ` (on ${worst.page})` : '';
		results.push({
			name,
			passed: value <= budget.limit,
			detail:
				value <= budget.limit
					? `${value} ≤ ${budget.limit} bytes, ${kb(value)}${on}`
					: `${value} > ${budget.limit} bytes: ${value - budget.limit} over${on}. Make it smaller, or raise the limit in docs/budgets.md with the reason`,
		});
	}
	for (const [kind, { of }] of Object.entries(KINDS)) {
		for (const item of items[of]) {
			if (!budgets.some((budget) => budget.kind === kind && matches(budget.target, item.key)))
				results.push({ name: `${kind} ${item.key}`, passed: false, detail: `no budget: add a row for it to docs/budgets.md` });
		}
	}
	return results;
}

/** Weighs `clientDir` and checks it against the budgets in `budgetsFile`. */
export async function checkBudgets({ clientDir = path.join(root, 'dist/client'), budgetsFile = BUDGETS_FILE } = {}) {
	const { budgets, errors } = parseBudgets(readFileSync(budgetsFile, 'utf8'));
	const weighed = await weighBuild(clientDir);
	return [...errors.map((error) => ({ name: 'budget table', passed: false, detail: error })), ...judge(budgets, weighed)];
}

/** The budget table for a build, each limit at today's figure rounded up (for new rows; keep raised limits' reasons). */
export function proposeTable(weighed, { lessonsTogether = true } = {}) {
	const rows = [];
	const add = (kind, target, today) => rows.push([kind, `\`${target}\``, '', String(Math.ceil(today / STEP) * STEP), String(today), '']);
	for (const [kind, { of, figure }] of Object.entries(KINDS)) {
		if (of === 'island') {
			for (const island of weighed.islands) add(kind, island.name, figure(island));
			continue;
		}
		const lessons = weighed.pages.filter((page) => page.path.startsWith('/lessons/'));
		for (const page of weighed.pages) {
			if (lessonsTogether && lessons.includes(page)) continue;
			add(kind, page.path, figure(page));
		}
		if (lessonsTogether && lessons.length) add(kind, '/lessons/*/', Math.max(...lessons.map(figure)));
	}
	rows.sort((a, b) => Object.keys(KINDS).indexOf(a[0]) - Object.keys(KINDS).indexOf(b[0]) || a[1].localeCompare(b[1]));
	return [`| ${COLUMNS.join(' | ')} |`, `| ${COLUMNS.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join(
		'\n',
	);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const { values, positionals } = parseArgs({ allowPositionals: true, options: { propose: { type: 'boolean' } } });
	const clientDir = path.resolve(positionals[0] ?? path.join(root, 'dist/client'));
	if (values.propose) {
		console.log(proposeTable(await weighBuild(clientDir)));
	} else {
		const results = await checkBudgets({ clientDir });
		for (const result of results) console.log(`${result.passed ? '✔' : '✘'} ${result.name}: ${result.detail}`);
		const failed = results.filter((result) => !result.passed).length;
		console.log(`\n${results.length - failed} of ${results.length} budgets hold.`);
		process.exitCode = failed ? 1 : 0;
	}
}
