import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { colorSchemes, expect, formatViolations, test } from './test-utils';

/**
 * The self-assessment (/assessment/) end to end: answering by keyboard,
 * scores, the comparison with the result before, history, share links
 * (good and damaged), printing, search, and the page without JavaScript.
 * Scoring rules themselves are unit-tested (tests/unit/scoring.test.ts).
 */

const path = '/assessment/';

/** The statements as authored: the answers below are keyed by their ids. */
const statements = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../src/content/assessment/statements.json'), 'utf8')) as {
	id: string;
	pointer: number;
	text: string;
	reverse: boolean;
}[];

const scale = ['Not like me', 'A little like me', 'Somewhat like me', 'Mostly like me', 'Very much like me'];

/** Answers (1–5) per pointer, in the file's order within the pointer; the third statement of each pointer is reverse-scored. */
type Triples = Record<number, [number, number, number]>;

/*
 * First attempt, worked by hand (points = answer, or 6 − answer for the
 * reverse-scored third statement; three statements make 3–15 points, so
 * score = (points − 3) / 12 × 100, rounded):
 *   1 Accept invitations   5, 4, 2 → 5 + 4 + 4 = 13 → 83
 *   2 Focus on benefits    3, 3, 3 → 3 + 3 + 3 =  9 → 50
 *   3 Seek linkages        1, 2, 5 → 1 + 2 + 1 =  4 →  8
 *   4 Take the leap        4, 2, 4 → 4 + 2 + 2 =  8 → 42
 *   5 Join a diverse group 2, 2, 4 → 2 + 2 + 2 =  6 → 25
 *   6 Take a bold lead     5, 5, 1 → 5 + 5 + 5 = 15 → 100
 *   overall: 55 points of 18–90 → 37 / 72 = 51.4 → 51
 * Strongest: 6. Most room to grow: 3, then 5.
 */
const first: Triples = { 1: [5, 4, 2], 2: [3, 3, 3], 3: [1, 2, 5], 4: [4, 2, 4], 5: [2, 2, 4], 6: [5, 5, 1] };
const firstScores = ['83', '50', '8', '42', '25', '100'];

/*
 * Second attempt:
 *   1: 5, 5, 1 → 15 → 100 (+17)    2: 4, 3, 2 → 11 → 67 (+17)    3: 2, 2, 4 → 6 → 25 (+17)
 *   4: 4, 2, 4 →  8 →  42 (0)      5: 1, 1, 5 →  3 →  0 (−25)    6: 4, 5, 2 → 13 → 83 (−17)
 *   overall: 15 + 11 + 6 + 8 + 3 + 13 = 56 → 38 / 72 = 52.8 → 53 (+2)
 */
const second: Triples = { 1: [5, 5, 1], 2: [4, 3, 2], 3: [2, 2, 4], 4: [4, 2, 4], 5: [1, 1, 5], 6: [4, 5, 2] };

/** Answers by statement id from per-pointer triples. */
function answersById(triples: Triples): Record<string, number> {
	const answers: Record<string, number> = {};
	for (const pointer of [1, 2, 3, 4, 5, 6]) {
		statements
			.filter((statement) => statement.pointer === pointer)
			.forEach((statement, index) => (answers[statement.id] = triples[pointer]![index]!));
	}
	return answers;
}

test('the hand-worked answers rely on the third statement of each pointer being the reverse-scored one', () => {
	for (const pointer of [1, 2, 3, 4, 5, 6]) {
		const reverse = statements.filter((statement) => statement.pointer === pointer).map((statement) => statement.reverse);
		expect(reverse, `pointer ${pointer}: the expected scores in this file assume [plain, plain, reverse]`).toEqual([false, false, true]);
	}
});

/** The radio group of one statement, found by its text. */
function group(page: Page, text: string) {
	return page.getByRole('group', { name: text });
}

/**
 * Answers every statement with the mouse (the keyboard path has its own
 * test). Each statement's fieldset is found by its id (`s-` + statement id,
 * the target the error summary links to): searching the whole page by role
 * 18 times is slow on a busy machine.
 */
async function answerAll(page: Page, triples: Triples, skip: (statement: (typeof statements)[number]) => boolean = () => false) {
	const answers = answersById(triples);
	for (const statement of statements.filter((item) => !skip(item))) {
		await page
			.locator(`#s-${statement.id}`)
			.getByRole('radio', { name: scale[answers[statement.id]! - 1], exact: true })
			.check();
	}
}

/** The score table's data cells, row by row (hidden "before" columns excluded). */
async function expectTable(page: Page, rows: string[][], message: string) {
	const table = page.getByRole('table', { name: 'Scores by pointer, out of 100' });
	const allRows = table.getByRole('row');
	await expect(allRows, `${message}: header, six pointers and overall`).toHaveCount(8);
	for (const [index, cells] of rows.entries()) {
		await expect(allRows.nth(index + 1).getByRole('cell'), `${message}: row ${index + 1}`).toHaveText(cells);
	}
}

async function submit(page: Page) {
	await page.getByRole('button', { name: 'See my results' }).click();
	await expect(page.getByRole('heading', { name: 'Your results', exact: true, level: 2 }), 'the results should show').toBeVisible();
}

/** Opens the page and waits for the island to be ready (its progress line appears). */
async function open(page: Page, url = path) {
	await page.goto(url);
	await expect(page.getByText(/^\d+ of 18 answered$/).first(), 'the assessment script should have run').toBeVisible();
}

test.describe('self-assessment', () => {
	test('can be completed with the keyboard alone and shows the expected scores', async ({ page }) => {
		await page.goto(path);
		const answers = answersById(first);
		const order = await page.locator('fieldset[id^="s-"]').evaluateAll((fieldsets) => fieldsets.map((fieldset) => fieldset.id.slice(2)));
		expect(order, 'all 18 statements should be shown').toHaveLength(18);

		// Tab from the top of the page until the first statement's first option has focus.
		const firstRadio = page.locator(`input[name="${order[0]}"]`).first();
		for (let presses = 0; presses < 40 && !(await firstRadio.evaluate((radio) => radio === document.activeElement)); presses++) {
			await page.keyboard.press('Tab');
		}
		await expect(firstRadio, 'Tab should reach the first statement').toBeFocused();

		for (const id of order) {
			const value = answers[id]!;
			// In a radio group without a choice, Tab lands on the first option: Space picks it, each arrow moves one further and picks.
			if (value === 1) await page.keyboard.press('Space');
			for (let step = 1; step < value; step++) await page.keyboard.press('ArrowRight');
			await expect(page.locator(`input[name="${id}"][value="${value}"]`), `statement ${id} should be answered ${value}`).toBeChecked();
			await page.keyboard.press('Tab');
		}
		await expect(page.getByText('18 of 18 answered').first(), 'progress should count every answer').toBeVisible();
		await expect(
			page.getByRole('button', { name: 'See my results' }),
			'Tab after the last statement should reach the submit button',
		).toBeFocused();
		await page.keyboard.press('Enter');

		const heading = page.getByRole('heading', { name: 'Your results', exact: true, level: 2 });
		await expect(heading, 'focus should move to the results').toBeFocused();
		await expectTable(page, [...firstScores.map((score) => [score]), ['51']], 'first attempt');
		await expect(page.getByText('Overall: 51 out of 100'), 'the overall score should show').toBeVisible();

		const strongest = page.getByRole('region', { name: 'Strongest pointer' });
		await expect(strongest.getByRole('listitem'), 'one strongest pointer').toHaveCount(1);
		await expect(strongest.getByRole('link'), 'the strongest pointer links to its lesson').toHaveAttribute(
			'href',
			'/lessons/take-a-bold-lead/',
		);
		await expect(strongest, 'the first goal of that lesson is suggested').toContainText('invite three peers at your level');
		const grow = page.getByRole('region', { name: 'Most room to grow' }).getByRole('link');
		await expect(grow, 'the two with most room to grow, lowest first').toHaveText([
			'Lesson 3: Seek linkages and keep going',
			'Lesson 5: Join a diverse group',
		]);

		const chart = page.getByRole('img', { name: /^Radar chart of the scores on the six pointers/ });
		await expect(chart, 'the chart is named and points to the table').toBeVisible();
		await expect(chart.locator('.value'), 'each axis shows its value').toHaveText(firstScores);
		await expect(page.getByText('The result before', { exact: true }), 'no second shape in the legend on a first attempt').toBeHidden();
		await expect(page.getByRole('columnheader', { name: 'Change' }), 'no change column on a first attempt').toBeHidden();
	});

	test('keeps draft answers when the reader leaves and comes back', async ({ page }) => {
		await open(page);
		const picks = statements.slice(0, 3);
		for (const statement of picks) await group(page, statement.text).getByRole('radio', { name: 'Mostly like me' }).check();
		await expect(page.getByText('3 of 18 answered').first(), 'progress should count three answers').toBeVisible();
		await expect(page.locator('p[aria-live="polite"]').filter({ hasText: 'answered' }), 'progress is announced politely').toHaveText(
			'3 of 18 answered',
		);

		await page.goto('/');
		await open(page);
		for (const statement of picks) {
			await expect(
				group(page, statement.text).getByRole('radio', { name: 'Mostly like me' }),
				`“${statement.text}” keeps its answer`,
			).toBeChecked();
		}
		await expect(page.getByText('3 of 18 answered').first(), 'progress is restored').toBeVisible();
		await expect(page.getByText(/^Scoring needs JavaScript/), 'with JavaScript, the note about it is gone').toBeHidden();

		await page.getByRole('button', { name: 'Clear my answers' }).click();
		await expect(page.getByText('Your answers were cleared.'), 'clearing is confirmed next to the button').toBeVisible();
		await expect(page.getByRole('radio', { checked: true }), 'no answer is left').toHaveCount(0);
		await page.reload();
		await expect(page.getByText('0 of 18 answered').first(), 'the cleared draft stays cleared').toBeVisible();
	});

	test('submitting with unanswered statements moves focus to a summary linking to each', async ({ page }) => {
		await open(page);
		const missing = statements.filter((statement) => statement.pointer === 2);
		await answerAll(page, first, (statement) => statement.pointer === 2);
		await expect(page.getByText('15 of 18 answered').first(), 'progress counts the answers').toBeVisible();
		await page.getByRole('button', { name: 'See my results' }).click();

		const summary = page.getByRole('group', { name: 'There is a problem' });
		await expect(summary, 'focus should move to the error summary').toBeFocused();
		const links = summary.getByRole('link');
		await expect(links, 'one link per unanswered statement').toHaveCount(3);
		for (const statement of missing) await expect(summary, 'the summary names each statement').toContainText(statement.text);
		await expect(group(page, missing[0]!.text), 'the statement itself shows an error').toContainText(
			'Error: choose how much this is like you.',
		);

		await page.keyboard.press('Tab');
		await expect(links.first(), 'the first link is next in the tab order').toBeFocused();
		const target = await links.first().getAttribute('href');
		await page.keyboard.press('Enter');
		await expect(page.locator(`${target} input`).first(), 'following the link focuses the first option of that statement').toBeFocused();
		await page.keyboard.press('ArrowRight');
		await expect(page.locator(`${target} .field-error`), 'answering clears that statement’s error').toBeHidden();
		await expect(
			page.getByRole('heading', { name: 'Your results', exact: true }),
			'no result while statements are unanswered',
		).toBeHidden();
	});

	test('a retake is compared with the result before, on the chart and in the table, and history shows both', async ({ page }) => {
		// Two complete attempts: allow for a slow machine.
		test.slow();
		await open(page);
		await answerAll(page, first);
		await submit(page);
		await page.getByRole('button', { name: 'Take the assessment again' }).click();
		await expect(page.getByRole('heading', { name: 'The 18 statements' }), 'the form comes back, focused').toBeFocused();
		await expect(page.getByText('0 of 18 answered').first(), 'a retake starts blank').toBeVisible();
		await answerAll(page, second);
		await submit(page);

		await expectTable(
			page,
			[
				['100', '83', '+17'],
				['67', '50', '+17'],
				['25', '8', '+17'],
				['42', '42', '0'],
				['0', '25', '−25'],
				['83', '100', '−17'],
				['53', '51', '+2'],
			],
			'second attempt against the first',
		);
		await expect(page.getByText('Overall: 53 out of 100 (+2 since the result before)'), 'overall change').toBeVisible();
		await expect(page.locator('polygon.previous'), 'the previous result is drawn as a second shape').toHaveAttribute('points', /\d/);
		await expect(page.getByText('The result before', { exact: true }), 'the legend names the second shape').toBeVisible();
		const previousStyle = await page.locator('polygon.previous').evaluate((shape) => getComputedStyle(shape).strokeDasharray);
		expect(previousStyle, 'the previous shape is dashed, not told apart by colour alone').not.toBe('none');

		const history = page.getByRole('region', { name: 'Your results over time' }).getByRole('listitem');
		await expect(history, 'both attempts are listed').toHaveCount(2);
		await expect(history.first(), 'newest first, with its overall score').toContainText('overall 53');
		await expect(history.nth(1), 'then the first attempt').toContainText('overall 51');
		await history.nth(1).getByRole('button', { name: /^View/ }).click();
		await expectTable(page, [...firstScores.map((score) => [score]), ['51']], 'viewing the first attempt again');
		await expect(
			page.getByRole('region', { name: 'Your results over time' }).getByRole('listitem').nth(1),
			'the attempt on show is marked',
		).toContainText('Shown above');
	});

	test('a share link shows the same result in a fresh browser, labelled as someone else’s and not saved', async ({ page, browser }) => {
		await open(page);
		await answerAll(page, first);
		await submit(page);
		const link = await page.getByLabel('Link to this result').inputValue();
		expect(link, 'the answers travel in the fragment only').toMatch(/\/assessment\/#r=[A-Za-z0-9_-]{14}$/);
		await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.getByRole('button', { name: 'Copy link' }).click();
		await expect(page.getByText('Link copied.'), 'copying is confirmed next to the button').toBeVisible();
		expect(await page.evaluate(() => navigator.clipboard.readText()), 'the clipboard holds the link').toBe(link);

		const context = await browser.newContext();
		const visitor = await context.newPage();
		const requests: string[] = [];
		visitor.on('request', (request) => requests.push(request.url()));
		await visitor.goto(link);
		await expect(
			visitor.getByRole('heading', { name: 'Someone’s shared result', level: 2 }),
			'the result is labelled as shared',
		).toBeVisible();
		await expectTable(visitor, [...firstScores.map((score) => [score]), ['51']], 'shared result');
		await expect(
			visitor.getByRole('link', { name: 'Take the assessment yourself' }).first(),
			'the visitor is invited to take it',
		).toBeVisible();
		await expect(visitor.getByRole('heading', { name: 'Your results over time' }), 'a shared result has no history').toBeHidden();
		expect(
			requests.filter((url) => url.includes('#r=') || url.includes('r=')),
			'the code is never sent to the server',
		).toEqual([]);
		const stored = await visitor.evaluate(() => localStorage.getItem('strategic-network-course:assessment'));
		expect(stored === null || JSON.parse(stored).attempts.length === 0, 'nothing is saved unless the visitor chooses').toBe(true);

		await visitor.getByRole('button', { name: 'This is my result: save it on this device' }).click();
		await expect(
			visitor.getByText('Saved. It is now in your results on this device.'),
			'saving is confirmed next to the button',
		).toBeVisible();
		await expect(
			visitor.getByRole('link', { name: 'Take the assessment yourself' }),
			'focus moves on to the next step, not to the page',
		).toBeFocused();
		await visitor.getByRole('link', { name: 'Take the assessment yourself' }).first().click();
		await expect(
			visitor.getByRole('heading', { name: 'Your results', exact: true, level: 2 }),
			'the saved result is now the visitor’s own',
		).toBeVisible();
		await context.close();
	});

	for (const [name, mutate, reason] of [
		['changed', (code: string) => code.slice(0, 6) + (code[6] === 'A' ? 'B' : 'A') + code.slice(7), /changed or damaged/],
		['cut short', (code: string) => code.slice(0, 10), /cut short/],
		['full of junk', () => '%%%not-a-code', /incomplete or has characters/],
		['from another version', () => 'AinKU5SnKUxW6A', /different version/],
	] as const) {
		test(`a share link that was ${name} shows a clear message, not a broken page`, async ({ page }) => {
			const errors: string[] = [];
			page.on('pageerror', (error) => errors.push(error.message));
			await open(page);
			await answerAll(page, first);
			await submit(page);
			const link = await page.getByLabel('Link to this result').inputValue();
			const [base, code] = link.split('#r=') as [string, string];
			await page.goto('/');
			await page.goto(`${base}#r=${mutate(code)}`);
			const message = page.getByRole('region', { name: 'This shared result can’t be shown' });
			await expect(message, 'the message appears').toBeVisible();
			await expect(message, 'it says what is wrong').toContainText(reason);
			await expect(message.getByRole('link', { name: 'Take the assessment yourself' }), 'and offers a way on').toBeVisible();
			await expect(page.getByRole('heading', { name: 'Someone’s shared result' }), 'no result is shown').toBeHidden();
			expect(errors, 'no script errors').toEqual([]);
		});
	}

	for (const colorScheme of colorSchemes) {
		test(`results with a comparison have no axe violations in ${colorScheme}`, async ({ page, makeAxeBuilder }) => {
			// Two complete attempts: allow for a slow machine.
			test.slow();
			await page.emulateMedia({ colorScheme });
			await open(page);
			await answerAll(page, first);
			await submit(page);
			await page.getByRole('button', { name: 'Take the assessment again' }).click();
			await answerAll(page, second);
			await submit(page);
			const { violations } = await makeAxeBuilder().analyze();
			expect(violations, `results (${colorScheme}):\n${formatViolations(violations)}`).toEqual([]);
		});

		test(`the error summary has no axe violations in ${colorScheme}`, async ({ page, makeAxeBuilder }) => {
			await page.emulateMedia({ colorScheme });
			await open(page);
			await page.getByRole('button', { name: 'See my results' }).click();
			await expect(page.getByRole('group', { name: 'There is a problem' }), 'the summary shows').toBeFocused();
			const { violations } = await makeAxeBuilder().analyze();
			expect(violations, `error summary (${colorScheme}):\n${formatViolations(violations)}`).toEqual([]);
		});

		test(`a shared result has no axe violations in ${colorScheme}`, async ({ page, makeAxeBuilder }) => {
			await page.emulateMedia({ colorScheme });
			await open(page);
			await answerAll(page, first);
			await submit(page);
			const link = await page.getByLabel('Link to this result').inputValue();
			await page.goto('/');
			await page.goto(link);
			await expect(page.getByRole('heading', { name: 'Someone’s shared result' }), 'the shared result shows').toBeVisible();
			const { violations } = await makeAxeBuilder().analyze();
			expect(violations, `shared result (${colorScheme}):\n${formatViolations(violations)}`).toEqual([]);
		});
	}

	test.describe('at 320 px wide', () => {
		test.use({ viewport: { width: 320, height: 640 } });

		test('neither the form nor the results scroll sideways', async ({ page }) => {
			// Two complete attempts: allow for a slow machine.
			test.slow();
			const width = () => page.evaluate(() => document.scrollingElement!.scrollWidth);
			await open(page);
			expect(await width(), 'the form fits').toBeLessThanOrEqual(320);
			await answerAll(page, first);
			await submit(page);
			await page.getByRole('button', { name: 'Take the assessment again' }).click();
			await answerAll(page, second);
			await submit(page);
			expect(await width(), 'the results with a comparison fit').toBeLessThanOrEqual(320);
		});
	});

	test('prints the chart and the table without form controls or navigation', async ({ page }) => {
		await open(page);
		await answerAll(page, first);
		await submit(page);
		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('svg[role="img"]'), 'the chart prints').toBeVisible();
		await expect(page.getByRole('table', { name: 'Scores by pointer, out of 100' }), 'the table prints').toBeVisible();
		await expect(page.getByRole('banner'), 'no site header').toBeHidden();
		for (const name of ['Print or save as PDF', 'Take the assessment again', 'Copy link']) {
			await expect(page.getByRole('button', { name }), `no “${name}” button`).toBeHidden();
		}
		await expect(page.getByRole('radio').first(), 'no form controls').toBeHidden();
	});

	test('is invited to before Lesson 1, and again in four to eight weeks at the end of Lesson 6', async ({ page }) => {
		await page.goto('/');
		await expect(
			page.getByRole('link', { name: 'Take the self-assessment' }),
			'the home page invites readers before they start',
		).toHaveAttribute('href', path);
		await page.goto('/lessons/take-a-bold-lead/');
		const end = page.getByRole('region', { name: 'What to do next' }).getByRole('listitem').filter({ hasText: 'four to eight weeks' });
		await expect(end.getByRole('link', { name: 'self-assessment' }), 'the end of lesson 6 invites a retake, weeks later').toHaveAttribute(
			'href',
			path,
		);
	});

	test('search finds the page by “self-assessment”', async ({ page, search }) => {
		await page.goto('/');
		await search.open();
		await search.search('self-assessment');
		await expect(search.firstResultTitle, 'the self-assessment page comes first').toHaveText(
			'Self-assessment: where do you stand on the six pointers?',
		);
	});
});

test.describe('self-assessment without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('shows the statements and says scoring needs JavaScript', async ({ page }) => {
		await page.goto(path);
		// Chromium with scripting disabled by Playwright still treats <noscript> as raw text, so this checks the note by the (hidden) submit button.
		await expect(page.getByText(/^Scoring needs JavaScript/).first(), 'the page explains why it cannot score').toBeVisible();
		for (const statement of statements)
			await expect(page.getByText(statement.text, { exact: true }), 'every statement is readable').toBeVisible();
		await expect(page.getByRole('button', { name: 'See my results' }), 'no submit button that cannot work').toBeHidden();
	});
});
