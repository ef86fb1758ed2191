import { readFile } from 'node:fs/promises';
import ICAL from 'ical.js';
import type { Locator, Page } from '@playwright/test';
import { colorSchemes, expect, formatViolations, test } from './test-utils';

/** Lesson 1 and its first suggested goal, as the frontmatter has them. */
const lesson = { path: '/lessons/accept-invitations/', title: 'Lesson 1: Accept invitations for mutually beneficial exchanges' };
const suggested =
	'Within the next month, accept the next two meeting requests you receive from people outside your division or industry, whatever their level.';

/** A day `days` from today, YYYY-MM-DD, in the browser's (and this process's) time zone. */
function dayFromToday(days: number): string {
	const date = new Date();
	date.setDate(date.getDate() + days);
	return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** A YYYY-MM-DD day as the page writes it (the browser's locale). */
function longDate(page: Page, day: string): Promise<string> {
	return page.evaluate((value) => new Date(`${value}T00:00`).toLocaleDateString(undefined, { dateStyle: 'long' }), day);
}

/** The "Add your own goal" form. */
const addForm = (page: Page) => page.getByRole('region', { name: 'Add your own goal' });
/** The goal list's status line (deleted, restored, done...). */
const listStatus = (page: Page) => page.getByRole('region', { name: 'Your goals' }).getByRole('status');

/** Opens /goals and waits for the checklist's script to show it. */
async function openGoals(page: Page) {
	await page.goto('/goals/');
	await expect(page.getByRole('heading', { name: 'Your goals' }), 'the checklist appears once its script runs').toBeVisible();
}

/** Adds one of the reader's own goals through the form and waits for it in the list. */
async function addOwnGoal(page: Page, goal: { text: string; date?: string; notes?: string }) {
	const form = addForm(page);
	await form.getByLabel('Goal', { exact: true }).fill(goal.text);
	if (goal.date) await form.getByLabel('Target date (optional)').fill(goal.date);
	if (goal.notes) await form.getByLabel('Notes (optional)').fill(goal.notes);
	await form.getByRole('button', { name: 'Add goal' }).click();
	await expect(form.getByRole('status'), 'the form confirms the goal was added').toHaveText(`Added to My own goals: “${goal.text}”`);
	await expect(page.getByRole('checkbox', { name: goal.text, exact: true }), `“${goal.text}” is listed`).toBeVisible();
}

/** Presses Tab until `target` has focus (the way a keyboard user gets there). */
async function tabTo(page: Page, target: Locator, limit = 80) {
	for (let presses = 0; presses < limit; presses++) {
		if (await target.evaluate((element) => element === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error(`${target} was not reached in ${limit} presses of Tab`);
}

/** The goals stored in this browser, as the learner-data export would hold them. */
async function storedGoals(page: Page): Promise<{ id: string; text: string }[]> {
	return page.evaluate(() => JSON.parse(localStorage.getItem('strategic-network-course:goals') ?? '{"items":[]}').items);
}

test.describe('goals', () => {
	test('a goal added from a lesson is on /goals after a reload', async ({ page }) => {
		await page.goto(lesson.path);
		const item = page.locator('ul.goals > li').filter({ hasText: suggested });
		const button = item.getByRole('button', { name: /^Add to my goals/ });
		await button.click();
		await expect(item.getByRole('button', { name: /^Added/ }), 'the button now reads Added').toHaveAttribute('aria-disabled', 'true');
		await expect(item.getByText('Added to your goals.'), 'the addition is announced').toBeAttached();
		await item.getByRole('link', { name: 'See my goals' }).click();

		await expect(page, 'the link leads to /goals').toHaveURL(/\/goals\/$/);
		await page.reload();
		const group = page.locator('section.group').filter({ has: page.getByRole('heading', { name: lesson.title }) });
		await expect(group.getByRole('checkbox', { name: suggested }), 'the goal is listed under its lesson after a reload').toBeVisible();
		await expect(group.getByText('0 of 1 done'), 'the lesson group shows its progress').toBeVisible();

		await page.goto(lesson.path);
		await expect(item.getByRole('button', { name: /^Added/ }), 'the lesson remembers the goal was added').toBeVisible();
		// Added is aria-disabled (it stays focusable), so press it as a keyboard user would.
		await item.getByRole('button', { name: /^Added/ }).press('Enter');
		expect(await storedGoals(page), 'clicking Added again does not add a copy').toHaveLength(1);
	});

	test('a goal of my own with a date is in the downloaded calendar file', async ({ page }) => {
		await openGoals(page);
		const text = 'Call Renée, Sam; and the café team';
		const date = dayFromToday(30);
		await addOwnGoal(page, { text, date, notes: 'Ask about the board;\nbring notes, and the list' });
		await addOwnGoal(page, { text: 'A goal without a date' });

		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Download calendar (.ics)' }).click();
		const file = await download;
		expect(file.suggestedFilename(), 'the file is an .ics file').toBe('strategic-network-goals.ics');
		const ics = await readFile((await file.path())!, 'utf8');
		await expect(page.getByText('Downloaded strategic-network-goals.ics with 1 event.'), 'the download is confirmed').toBeVisible();

		expect(
			ics.split('\r\n').every((line) => Buffer.byteLength(line) <= 75),
			'no line is longer than 75 octets',
		).toBe(true);
		const calendar = new ICAL.Component(ICAL.parse(ics));
		const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
		expect(events, 'one event: only the goal with a date').toHaveLength(1);
		const [event] = events;
		expect(event!.summary, 'the summary is the goal, unescaped').toBe(text);
		expect(event!.startDate.toString(), 'the event is on the target date').toBe(date);
		expect(event!.startDate.isDate, 'it is an all-day event').toBe(true);
		// The link is built from the site's configured URL (the page's canonical address), not the server's.
		const goalsUrl = await page.locator('link[rel="canonical"]').getAttribute('href');
		expect(event!.description, 'the description holds the notes and a link to the goals page').toBe(
			`Ask about the board;\nbring notes, and the list\n\nYour goals: ${goalsUrl}`,
		);
		expect(event!.uid, 'the UID is stable per goal').toMatch(/^own-[a-z0-9]{10}@strategic-network-course$/);
	});

	test('a goal can be marked done and open again, with the date recorded', async ({ page }) => {
		await openGoals(page);
		const text = 'Write to two people I met at the conference';
		await addOwnGoal(page, { text });
		const box = page.getByRole('checkbox', { name: text });
		const overall = page.locator('.overall');

		await box.check();
		await expect(listStatus(page), 'ticking is announced').toHaveText(`Done: “${text}” — 1 of 1 goals done.`);
		await expect(box, 'the checkbox keeps focus after the list redraws').toBeFocused();
		const today = await page.evaluate(() => new Date().toLocaleDateString(undefined, { dateStyle: 'long' }));
		await expect(page.getByText(`Done on ${today}`), 'the date it was done is shown').toBeVisible();
		await expect(overall.getByText('1 of 1 done'), 'overall progress counts it').toBeVisible();
		await expect(page.getByRole('progressbar', { name: 'All goals' }), 'the overall bar is full').toHaveAttribute('value', '1');

		await page.reload();
		await expect(box, 'done survives a reload').toBeChecked();
		await box.uncheck();
		await expect(listStatus(page), 'unticking is announced').toHaveText(`Open again: “${text}” — 0 of 1 goals done.`);
		await expect(page.getByText(/^Done on/), 'the done date is cleared').toHaveCount(0);
		await expect(overall.getByText('0 of 1 done'), 'overall progress drops back').toBeVisible();
	});

	test('the Overdue filter shows only open goals whose date has passed', async ({ page }) => {
		await openGoals(page);
		await addOwnGoal(page, { text: 'Past goal', date: '2020-01-15' });
		await addOwnGoal(page, { text: 'Future goal', date: dayFromToday(10) });
		await addOwnGoal(page, { text: 'Done past goal', date: '2021-06-01' });
		await addOwnGoal(page, { text: 'Undated goal' });
		await page.getByRole('checkbox', { name: 'Done past goal' }).check();

		const filters = page.getByRole('group', { name: 'Show' });
		await expect(filters.getByRole('radio', { name: 'Overdue (1)' }), 'the filter shows its count').toBeVisible();
		await expect(filters.getByRole('radio', { name: 'Open (3)' }), 'open goals are counted').toBeVisible();
		await expect(filters.getByRole('radio', { name: 'Done (1)' }), 'done goals are counted').toBeVisible();
		await filters.getByRole('radio', { name: 'Overdue (1)' }).check();

		await expect(page.getByRole('checkbox'), 'only one goal is shown').toHaveCount(1);
		await expect(page.getByRole('checkbox', { name: 'Past goal' }), 'the overdue goal is shown').toBeVisible();
		await expect(page.locator('.goal').getByText('Overdue'), 'it is marked Overdue in words').toBeVisible();
		await expect(listStatus(page), 'the result is announced').toHaveText('Showing overdue goals: 1.');

		await filters.getByRole('radio', { name: 'Done (1)' }).check();
		await expect(page.getByRole('checkbox'), 'the Done filter shows the done goal only').toHaveCount(1);
		await expect(page.getByRole('checkbox', { name: 'Done past goal' }), 'a done goal is never overdue').toBeChecked();
		await filters.getByRole('radio', { name: 'All (4)' }).check();
		await expect(page.getByRole('checkbox'), 'All shows every goal').toHaveCount(4);
	});

	test('a goal can be edited in place', async ({ page }) => {
		await openGoals(page);
		await addOwnGoal(page, { text: 'Draft goal' });
		await page.getByRole('button', { name: 'Edit: Draft goal' }).click();
		const form = page.getByRole('form', { name: 'Edit goal' });
		await expect(form.getByLabel('Goal', { exact: true }), 'the edit form opens in place, focused on the text').toBeFocused();
		await form.getByLabel('Goal', { exact: true }).fill('Final goal');
		await form.getByLabel('Target date (optional)').fill('2031-05-20');
		await form.getByLabel('Notes (optional)').fill('Start with Priya');
		await form.getByRole('button', { name: 'Save' }).click();

		await expect(listStatus(page), 'the save is announced').toHaveText('Saved: “Final goal”');
		await expect(page.getByRole('button', { name: 'Edit: Final goal' }), 'focus returns to the Edit button').toBeFocused();
		const goal = page.locator('.goal').filter({ has: page.getByRole('checkbox', { name: 'Final goal' }) });
		await expect(goal.getByText(`Target date: ${await longDate(page, '2031-05-20')}`), 'the new date shows').toBeVisible();
		await expect(goal.getByText('Start with Priya'), 'the notes show').toBeVisible();
		expect((await storedGoals(page))[0], 'the edit is stored with a new revision').toMatchObject({
			text: 'Final goal',
			targetDate: '2031-05-20',
			revision: 1,
		});
	});

	test('a deleted goal can be brought back with Undo', async ({ page }) => {
		await openGoals(page);
		await addOwnGoal(page, { text: 'First goal' });
		await addOwnGoal(page, { text: 'Second goal' });
		await page.getByRole('button', { name: 'Delete: First goal' }).click();

		await expect(page.getByRole('checkbox', { name: 'First goal' }), 'the goal is gone').toHaveCount(0);
		await expect(listStatus(page), 'the deletion is announced').toHaveText('Deleted: “First goal”');
		const undo = page.getByRole('button', { name: 'Undo' });
		await expect(undo, 'focus moves to Undo, next to the message').toBeFocused();
		expect(await storedGoals(page), 'the deletion is stored').toHaveLength(1);

		await undo.click();
		await expect(listStatus(page), 'the restore is announced').toHaveText('Restored: “First goal”');
		await expect(page.getByRole('checkbox', { name: 'First goal' }), 'the goal is back, focused').toBeFocused();
		await expect(undo, 'Undo is gone once used').toBeHidden();
		expect(
			(await storedGoals(page)).map((goal) => goal.text),
			'it is back in its old place',
		).toEqual(['First goal', 'Second goal']);
	});

	test('invalid input shows inline errors and saves nothing', async ({ page }) => {
		await openGoals(page);
		const form = addForm(page);
		const text = form.getByLabel('Goal', { exact: true });
		const date = form.getByLabel('Target date (optional)');
		const submit = form.getByRole('button', { name: 'Add goal' });

		await submit.click();
		await expect(text, 'an empty goal is marked invalid').toHaveAttribute('aria-invalid', 'true');
		await expect(text, 'the error describes the field').toHaveAccessibleDescription(/Error: Enter your goal\./);
		await expect(text, 'focus moves to the field in error').toBeFocused();
		await expect(form.getByRole('status'), 'the form says nothing was saved').toHaveText('Not saved: correct the fields marked Error.');

		await text.fill('x'.repeat(201));
		await submit.click();
		await expect(
			form.getByText('Error: Shorten your goal to 200 characters or fewer (it has 201).'),
			'too long is explained',
		).toBeVisible();

		await text.fill('A fine goal');
		await date.click();
		await page.keyboard.type('02');
		await submit.click();
		await expect(date, 'a partial date is marked invalid').toHaveAttribute('aria-invalid', 'true');
		await expect(
			form.getByText('Error: Enter a complete, real date (day, month and year), or clear the field.'),
			'the date error shows',
		).toBeVisible();
		await expect(text, 'the corrected goal text is no longer marked').not.toHaveAttribute('aria-invalid');

		expect(await storedGoals(page), 'nothing was saved').toEqual([]);
		await expect(page.getByRole('heading', { name: 'No goals yet' }), 'the list is still empty').toBeVisible();
	});

	test('everything works by keyboard alone', async ({ page }) => {
		// Reaching each control by Tab alone takes many key presses.
		test.slow();
		await page.goto(lesson.path);
		const add = page
			.locator('ul.goals > li')
			.filter({ hasText: suggested })
			.getByRole('button', { name: /^Add to my goals/ });
		await tabTo(page, add);
		await page.keyboard.press('Enter');
		await expect(
			page.getByRole('button', { name: new RegExp(`^Added\\W+${suggested.slice(0, 20)}`) }),
			'Enter adds the goal',
		).toBeFocused();

		await openGoals(page);
		await tabTo(page, addForm(page).getByLabel('Goal', { exact: true }));
		await page.keyboard.type('Keyboard goal');
		await tabTo(page, addForm(page).getByLabel('Notes (optional)'));
		await page.keyboard.type('Notes by keyboard');
		await page.keyboard.press('Tab');
		await page.keyboard.press('Enter');
		const box = page.getByRole('checkbox', { name: 'Keyboard goal' });
		await expect(box, 'the goal was added by keyboard').toBeVisible();

		await tabTo(page, box);
		await page.keyboard.press('Space');
		await expect(box, 'Space ticks it off').toBeChecked();

		await page.keyboard.press('Tab');
		await expect(page.getByRole('button', { name: 'Edit: Keyboard goal' }), 'Tab moves on to Edit').toBeFocused();
		await page.keyboard.press('Enter');
		await page.keyboard.press('Control+A');
		await page.keyboard.type('Keyboard goal, edited');
		await page.keyboard.press('Escape');
		await expect(page.getByRole('button', { name: 'Edit: Keyboard goal' }), 'Escape cancels and returns to Edit').toBeFocused();
		await page.keyboard.press('Enter');
		await page.keyboard.press('Control+A');
		await page.keyboard.type('Keyboard goal, edited');
		await page.keyboard.press('Enter');
		await expect(page.getByRole('button', { name: 'Edit: Keyboard goal, edited' }), 'Enter saves the edit').toBeFocused();

		const allFilter = page.getByRole('radio', { name: /^All/ });
		await tabTo(page, allFilter);
		await page.keyboard.press('ArrowRight');
		await expect(page.getByRole('radio', { name: /^Open/ }), 'arrow keys move through the filters').toBeChecked();
		await expect(page.getByText('Showing open goals: 1.'), 'the open filter shows the lesson goal only').toBeVisible();
		await page.keyboard.press('ArrowLeft');

		await tabTo(page, page.getByRole('button', { name: 'Delete: Keyboard goal, edited' }));
		await page.keyboard.press('Enter');
		await expect(page.getByRole('button', { name: 'Undo' }), 'focus lands on Undo').toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page.getByRole('checkbox', { name: 'Keyboard goal, edited' }), 'Undo by keyboard restores and focuses it').toBeFocused();
	});

	test('the goals page prints as a clean checklist', async ({ page }) => {
		await openGoals(page);
		await addOwnGoal(page, { text: 'Printed goal', date: '2030-01-31', notes: 'Printed notes' });
		await page.emulateMedia({ media: 'print' });
		await expect(page.getByRole('banner'), 'no site header on paper').toBeHidden();
		await expect(addForm(page), 'no form on paper').toBeHidden();
		await expect(page.getByRole('button', { name: 'Print checklist' }), 'no buttons on paper').toBeHidden();
		await expect(page.getByText('Printed goal', { exact: true }), 'the goal prints').toBeVisible();
		await expect(page.getByText(`Target date: ${await longDate(page, '2030-01-31')}`), 'its date prints').toBeVisible();
		await expect(page.getByText('Printed notes'), 'its notes print').toBeVisible();
		const square = await page
			.locator('.goal label')
			.first()
			.evaluate((label) => getComputedStyle(label, '::before').borderTopStyle);
		expect(square, 'each goal has a box to tick').toBe('solid');
	});

	test('goals are part of the learner-data export', async ({ page }) => {
		await openGoals(page);
		await addOwnGoal(page, { text: 'Exported goal', date: '2030-02-01' });
		await page.goto('/data/');
		await expect(page.getByText('1 goal (0 done, 1 open)'), 'the data page summarises the goals').toBeVisible();
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Download my data' }).click();
		const exported = JSON.parse(await readFile((await (await download).path())!, 'utf8'));
		expect(exported.data.goals.items, 'the export holds the goal').toMatchObject([
			{ text: 'Exported goal', targetDate: '2030-02-01', source: null },
		]);
	});

	for (const colorScheme of colorSchemes) {
		test(`/goals with no goals has no axe violations in ${colorScheme}`, async ({ page, makeAxeBuilder }) => {
			await page.emulateMedia({ colorScheme });
			await openGoals(page);
			await expect(page.getByRole('heading', { name: 'No goals yet' }), 'the empty state shows').toBeVisible();
			const { violations } = await makeAxeBuilder().analyze();
			expect(violations, `empty /goals (${colorScheme}):\n${formatViolations(violations)}`).toEqual([]);
		});

		test(`a lesson with an added goal has no axe violations in ${colorScheme}`, async ({ page, makeAxeBuilder }) => {
			await page.emulateMedia({ colorScheme });
			await page.goto(lesson.path);
			await page
				.locator('ul.goals > li')
				.filter({ hasText: suggested })
				.getByRole('button', { name: /^Add to my goals/ })
				.click();
			await expect(page.getByRole('link', { name: 'See my goals' }), 'the goal was added').toBeVisible();
			const { violations } = await makeAxeBuilder().analyze();
			expect(violations, `lesson goals (${colorScheme}):\n${formatViolations(violations)}`).toEqual([]);
		});

		test(`/goals with goals, an open edit form and errors has no axe violations in ${colorScheme}`, async ({ page, makeAxeBuilder }) => {
			await page.emulateMedia({ colorScheme });
			await openGoals(page);
			await addOwnGoal(page, { text: 'Overdue goal', date: '2020-01-15', notes: 'Some notes' });
			await addOwnGoal(page, { text: 'Done goal' });
			await page.getByRole('checkbox', { name: 'Done goal' }).check();
			await page.getByRole('button', { name: 'Delete: Done goal' }).click();
			await expect(page.getByRole('button', { name: 'Undo' }), 'Undo is offered').toBeVisible();
			await page.getByRole('button', { name: 'Edit: Overdue goal' }).click();
			const edit = page.getByRole('form', { name: 'Edit goal' });
			await edit.getByLabel('Goal', { exact: true }).fill('');
			await edit.getByRole('button', { name: 'Save' }).click();
			await addForm(page).getByRole('button', { name: 'Add goal' }).click();
			await expect(edit.getByText('Error: Enter your goal.'), 'the edit form shows its error').toBeVisible();
			await expect(addForm(page).getByText('Error: Enter your goal.'), 'the add form shows its error').toBeVisible();
			const { violations } = await makeAxeBuilder().analyze();
			expect(violations, `filled /goals with errors (${colorScheme}):\n${formatViolations(violations)}`).toEqual([]);
		});
	}

	test.describe('at 320 px wide', () => {
		test.use({ viewport: { width: 320, height: 640 } });

		test('/goals with goals does not scroll sideways', async ({ page }) => {
			await openGoals(page);
			await addOwnGoal(page, {
				text: 'A goal with a rather long unbroken word: interdepartmentalisation-and-cross-sector-collaboration',
				date: '2020-01-15',
				notes: 'Notes',
			});
			await page.getByRole('button', { name: /^Edit: A goal/ }).click();
			const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
			expect(width, `/goals is ${width}px wide in a 320px viewport`).toBeLessThanOrEqual(320);
		});
	});

	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false });

		test('the goals page and the lessons say that saving goals needs JavaScript', async ({ page }) => {
			await page.goto('/goals/');
			await expect(page.getByText(/^The goals checklist needs JavaScript/), 'the goals page explains').toBeVisible();
			await expect(page.getByRole('main').getByRole('link', { name: lesson.title }), 'and points to the lessons').toBeVisible();
			await expect(page.getByRole('button', { name: 'Add goal' }), 'the form stays hidden').toBeHidden();

			await page.goto(lesson.path);
			await expect(page.getByText(/^Adding these goals to your checklist needs JavaScript/), 'the lesson explains').toBeVisible();
			await expect(page.getByRole('button', { name: /^Add to my goals/ }), 'the buttons stay hidden').toHaveCount(0);
			await expect(page.locator('ul.goals > li').filter({ hasText: suggested }), 'the goals are still listed').toBeVisible();
		});
	});

	test('damaged goals: the notice names what went, and once dismissed the repaired list is kept so it does not come back', async ({
		page,
	}) => {
		await openGoals(page);
		await addOwnGoal(page, { text: 'Call Priya about the board seat' });
		await page.evaluate(() => {
			const key = 'strategic-network-course:goals';
			const stored = JSON.parse(localStorage.getItem(key)!);
			stored.items.push({ ...stored.items[0], id: 'broken-goal', createdAt: 'not a date' });
			localStorage.setItem(key, JSON.stringify(stored));
		});
		await page.reload();
		const notice = page.getByRole('status').filter({ hasText: 'could not be read and was removed' });
		await expect(notice, 'the reader is told part of the goals went').toBeVisible();
		await expect(
			page.getByRole('checkbox', { name: 'Call Priya about the board seat', exact: true }),
			'the valid goal is kept',
		).toBeVisible();

		await notice.getByRole('button', { name: 'Dismiss' }).click();
		await expect(notice, 'dismissed').toBeHidden();
		expect(
			(await storedGoals(page)).map((goal) => goal.id),
			'the repaired list is what is stored now',
		).not.toContain('broken-goal');
		await page.reload();
		await expect(page.getByRole('checkbox', { name: 'Call Priya about the board seat', exact: true })).toBeVisible();
		await expect(notice, 'nothing left to repair, so no notice after a reload').toBeHidden();
	});
});
