/** The byte-budget checker: reading docs/budgets.md's table and judging a weighed build against it. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judge, matches, parseBudgets, proposeTable } from '../../../scripts/budgets.mjs';

const table = (...rows: string[]) =>
	[
		'# Budgets',
		'',
		'| Kind | Target | What | Limit (bytes gz) | Today (bytes gz) | Reason |',
		'| --- | --- | --- | ---: | ---: | --- |',
		...rows,
		'',
		'After.',
	].join('\n');

const page = (path: string, jsGz: number, firstRenderGz = 1000) => ({ path, jsGz, firstRenderGz });
const weighed = {
	pages: [page('/', 500), page('/lessons/a/', 900), page('/lessons/b/', 1100)],
	islands: [{ name: 'search-dialog', gz: 300, page: '/' }],
};
const budgets = [
	{ kind: 'JS at load', target: '/', limit: 500 },
	{ kind: 'JS at load', target: '/lessons/*/', limit: 1100 },
	{ kind: 'First render', target: '/', limit: 1000 },
	{ kind: 'First render', target: '/lessons/*/', limit: 1024 },
	{ kind: 'Lazy island', target: 'search-dialog', limit: 300 },
];

describe('parseBudgets', () => {
	it('reads each row of the table, however Prettier aligned it', () => {
		const { budgets: read, errors } = parseBudgets(
			table(
				'| JS at load   | `/lessons/*/` | Lessons |  10240 |  9871 |      |',
				'| Lazy island | `ics` | Calendar | 1024 | 810 | Grew for time zones |',
			),
		);
		expect(errors).toEqual([]);
		expect(read).toEqual([
			{ kind: 'JS at load', target: '/lessons/*/', what: 'Lessons', limit: 10240, today: 9871, reason: '' },
			{ kind: 'Lazy island', target: 'ics', what: 'Calendar', limit: 1024, today: 810, reason: 'Grew for time zones' },
		]);
	});

	it('names the line of a row it cannot read, and a missing table', () => {
		const { errors } = parseBudgets(table('| JS at lunch | `/` | Home | 10 | 9 | |', '| First render | `/` | Home | 14 KB | 9 | |'));
		expect(errors).toEqual([
			'docs/budgets.md line 5: unknown kind "JS at lunch" (one of JS at load, First render, Lazy island)',
			'docs/budgets.md line 6: the limit "14 KB" is not a whole number of bytes',
		]);
		expect(parseBudgets('# Budgets\n\nNone.').errors).toEqual([
			'no table with the columns Kind, Target, What, Limit (bytes gz), Today (bytes gz), Reason',
		]);
	});

	it('reads the project’s own table, with a budget for every kind', () => {
		const { budgets: read, errors } = parseBudgets(readFileSync(resolve(import.meta.dirname, '../../../docs/budgets.md'), 'utf8'));
		expect(errors).toEqual([]);
		expect(new Set(read.map((budget) => budget.kind))).toEqual(new Set(['JS at load', 'First render', 'Lazy island']));
		for (const budget of read)
			expect(budget.today, `${budget.kind} ${budget.target} states today's figure`).toBeLessThanOrEqual(budget.limit);
	});
});

describe('matches', () => {
	it('lets * stand for one path segment, and nothing else be a pattern', () => {
		expect(matches('/lessons/*/', '/lessons/take-the-leap/')).toBe(true);
		expect(matches('/lessons/*/', '/lessons/a/b/')).toBe(false);
		expect(matches('/', '/goals/')).toBe(false);
		expect(matches('/404.html', '/404xhtml')).toBe(false);
	});
});

describe('judge', () => {
	it('passes a build within every budget, a figure equal to its limit included', () => {
		expect(judge(budgets, weighed).filter((result) => !result.passed)).toEqual([]);
	});

	it('fails a budget one byte over, naming the largest page a pattern covers', () => {
		const results = judge(
			budgets.map((budget) => (budget.target === '/lessons/*/' && budget.kind === 'JS at load' ? { ...budget, limit: 1099 } : budget)),
			weighed,
		);
		expect(results.filter((result) => !result.passed)).toEqual([
			{
				name: 'JS at load /lessons/*/',
				passed: false,
				detail:
					'1100 > 1099 bytes: 1 over (largest: /lessons/b/, of 2). Make it smaller, or raise the limit in docs/budgets.md with the reason',
			},
		]);
	});

	it('fails a page or island no budget covers, and a budget that matches nothing', () => {
		const results = judge(
			budgets.filter((budget) => budget.kind !== 'Lazy island').concat({ kind: 'Lazy island', target: 'old-name', limit: 100 }),
			weighed,
		);
		expect(results.filter((result) => !result.passed).map((result) => `${result.name}: ${result.detail}`)).toEqual([
			'Lazy island old-name: matches no island in the build: rename or remove this budget',
			'Lazy island search-dialog: no budget: add a row for it to docs/budgets.md',
		]);
	});
});

describe('proposeTable', () => {
	it('starts each budget at today’s figure rounded up to the next kilobyte, lessons together', () => {
		const proposed = proposeTable(weighed);
		expect(proposed).toContain('| JS at load | `/lessons/*/` |  | 2048 | 1100 |  |');
		expect(proposed).toContain('| JS at load | `/` |  | 1024 | 500 |  |');
		expect(proposed).toContain('| Lazy island | `search-dialog` |  | 1024 | 300 |  |');
		expect(parseBudgets(proposed).budgets).toHaveLength(5);
	});
});
