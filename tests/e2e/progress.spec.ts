/**
 * Learner progress on the device: completion, continue, reflections,
 * the "Your data" page, and what happens when storage is damaged, blocked or
 * shared between tabs. Every test gets a fresh browser context, so localStorage
 * starts empty each time.
 */
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { CURRENT_VERSION } from '../../src/lib/learner/stored-part';
import { colorSchemes, expect, formatViolations, lessonTitles, test } from './test-utils';

/** localStorage key of the progress part of the learner model. */
const progressKey = 'strategic-network-course';

/** Lesson slugs in course order, matching `lessonTitles`. */
const slugs = [
	'accept-invitations',
	'focus-on-benefits',
	'seek-linkages',
	'take-the-leap',
	'join-a-diverse-group',
	'take-a-bold-lead',
] as const;

const lessonPath = (index: number) => `/lessons/${slugs[index]}/`;

/** The first reflection prompt of lesson 1, which labels its text area. */
const lessonOnePrompt =
	'Think of a recent invitation or cold call you turned down. What might you and your team have learned if you had said yes?';
/** The second reflection prompt of lesson 1. */
const lessonOneSecondPrompt =
	'What filters do you use to decide who gets your time, such as level, sector or immediate relevance, and do they serve where your organization is heading?';

const completeButton = (page: Page) => page.getByRole('button', { name: 'Mark lesson complete' });
const outline = (page: Page) => page.getByRole('navigation', { name: 'Course outline' });
const outlineLink = (page: Page, index: number) => outline(page).getByRole('link', { name: lessonTitles[index] });
const continueLink = (page: Page) => page.getByRole('link', { name: /^(Start the course|Continue: |Review the course)/ });
const notice = (page: Page) => page.getByRole('status').filter({ hasText: /could not be read|not letting the course save/ });

/** The stored progress, parsed; null when nothing is stored. */
async function storedProgress(page: Page): Promise<Record<string, unknown> | null> {
	const json = await page.evaluate((key) => localStorage.getItem(key), progressKey);
	return json === null ? null : JSON.parse(json);
}

/** Every localStorage entry, as text: to show that nothing changed. */
const allStorage = (page: Page) => page.evaluate(() => ({ ...localStorage }));

/** Opens a lesson and waits for its progress controls to be ready. */
async function openLesson(page: Page, index: number) {
	await page.goto(lessonPath(index));
	await expect(completeButton(page), 'the toggle appears once the lesson’s scripts run').toBeVisible();
}

const suggestion = (page: Page) => page.getByText('You have reached the end of this lesson. Mark it complete to track your progress.');

/**
 * Clicks the toggle as a reader does: scrolled to it, after the end-of-lesson
 * suggestion (which appears above the toggle when it comes into view) has
 * settled. Clicking while the suggestion pushes the toggle down can miss it;
 * "the suggestion does not move the toggle" below covers that.
 */
async function clickToggle(page: Page) {
	const button = completeButton(page);
	await button.scrollIntoViewIfNeeded();
	if ((await button.getAttribute('aria-pressed')) === 'false') {
		await expect(suggestion(page), 'the suggestion appears once the toggle is in view').toBeVisible();
	}
	await button.click();
}

/** Opens a lesson and marks it complete with the toggle. */
async function completeLesson(page: Page, index: number) {
	await openLesson(page, index);
	await clickToggle(page);
	await expect(completeButton(page), `lesson ${index + 1} should be marked complete`).toHaveAttribute('aria-pressed', 'true');
}

/** Writes raw text to the progress key from an already open page of the site. */
async function writeStorage(page: Page, value: string) {
	await page.evaluate(([key, text]) => localStorage.setItem(key!, text!), [progressKey, value]);
}

/** Presses Tab (or Shift+Tab) until `target` has focus, failing after `limit` presses. */
async function tabTo(page: Page, target: Locator, { backwards = false, limit = 200 } = {}) {
	for (let presses = 0; presses <= limit; presses += 1) {
		if (await target.evaluate((element) => element === document.activeElement)) return;
		await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
	}
	expect(false, `${target} should be reachable with ${backwards ? 'Shift+Tab' : 'Tab'} within ${limit} presses`).toBe(true);
}

/** The Your data page, its controls and dialogs. */
class DataPage {
	constructor(readonly page: Page) {}
	get download() {
		return this.page.getByRole('button', { name: 'Download my data' });
	}
	get erase() {
		return this.page.getByRole('button', { name: 'Erase all my data' });
	}
	get fileInput() {
		return this.page.getByLabel('Choose a file exported from this course');
	}
	get eraseDialog() {
		return this.page.getByRole('dialog', { name: 'Erase all your course data?' });
	}
	get importDialog() {
		return this.page.getByRole('dialog', { name: 'Replace your data?' });
	}
	get result() {
		return this.page.getByRole('status').filter({ hasText: /downloaded|imported|erased|canceled/ });
	}
	get error() {
		return this.page.getByRole('region', { name: 'Import a file' }).getByText(/^Error: /);
	}
	async open() {
		await this.page.goto('/data/');
		await expect(this.download, 'the data tools appear once the page’s script runs').toBeVisible();
	}
	/** Clicks Download and returns the file’s text and suggested name. */
	async downloadFile(savePath: string) {
		const downloaded = this.page.waitForEvent('download');
		await this.download.click();
		const download = await downloaded;
		await download.saveAs(savePath);
		return { name: download.suggestedFilename(), text: await readFile(savePath, 'utf8') };
	}
	/** Chooses a file to import, given as text. */
	async chooseFile(text: string, name = 'course-data.json') {
		await this.fileInput.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
	}
}

test.describe('completing a lesson', () => {
	test('the toggle stays pressed after a reload, and the outline and count show it', async ({ page }) => {
		await openLesson(page, 0);
		await expect(completeButton(page), 'a new reader’s lesson is not complete').toHaveAttribute('aria-pressed', 'false');
		await expect(page.getByText('Not completed yet.'), 'the state is spelled out').toBeVisible();
		await expect(outline(page).getByText('0 of 6 complete').filter({ visible: true }), 'the outline counts nothing yet').toBeVisible();

		await clickToggle(page);
		await expect(completeButton(page), 'clicking marks it complete').toHaveAttribute('aria-pressed', 'true');
		await expect(page.getByText('Lesson marked complete. 1 of 6 complete.'), 'screen readers hear the change').toBeAttached();

		await page.reload();
		await expect(completeButton(page), 'completion survives a reload').toHaveAttribute('aria-pressed', 'true');
		await expect(page.getByText(/^Completed on .+\.$/), 'the completion date is shown').toBeVisible();
		await expect(outlineLink(page, 0), 'the outline names lesson 1 as completed').toHaveAccessibleName(`${lessonTitles[0]} (completed)`);
		await expect(outlineLink(page, 1), 'lesson 2 is not completed').toHaveAccessibleName(lessonTitles[1]);
		await expect(outline(page).getByText('1 of 6 complete').filter({ visible: true }), 'the outline counts one lesson').toBeVisible();
		await expect(page.getByRole('article').getByText('1 of 6 complete'), 'the toggle’s count agrees').toBeVisible();
	});

	test('the count shows on every lesson page, not just the completed one', async ({ page }) => {
		await completeLesson(page, 0);
		for (const index of [1, 5]) {
			await openLesson(page, index);
			await expect(
				outline(page).getByText('1 of 6 complete').filter({ visible: true }),
				`lesson ${index + 1} shows the count`,
			).toBeVisible();
			await expect(completeButton(page), `lesson ${index + 1} itself is not complete`).toHaveAttribute('aria-pressed', 'false');
		}
	});

	test('pressing the toggle again marks the lesson not complete', async ({ page }) => {
		await completeLesson(page, 2);
		await completeButton(page).click();
		await expect(completeButton(page), 'a second click undoes it').toHaveAttribute('aria-pressed', 'false');
		await expect(page.getByText('Lesson marked not complete. 0 of 6 complete.'), 'the undo is announced').toBeAttached();
		await page.reload();
		await expect(completeButton(page), 'the undo is saved').toHaveAttribute('aria-pressed', 'false');
		await expect(outlineLink(page, 2), 'the outline no longer ticks it').toHaveAccessibleName(lessonTitles[2]);
	});

	test('reaching the end of the lesson suggests marking it complete', async ({ page }) => {
		await openLesson(page, 3);
		await expect(suggestion(page), 'no suggestion at the top of the lesson').toBeHidden();
		await completeButton(page).scrollIntoViewIfNeeded();
		await expect(suggestion(page), 'the suggestion appears at the end').toBeVisible();
		await completeButton(page).click();
		await expect(suggestion(page), 'the suggestion goes once the lesson is complete').toBeHidden();
	});

	test('the suggestion does not move the toggle as the reader reaches it', async ({ page }) => {
		await openLesson(page, 3);
		/** The toggle's distance from the top of the document. */
		const offset = () => completeButton(page).evaluate((button) => button.getBoundingClientRect().top + window.scrollY);
		const before = await offset();
		await completeButton(page).scrollIntoViewIfNeeded();
		await expect(suggestion(page), 'the suggestion appears').toBeVisible();
		expect(await offset(), 'a toggle that jumps as the reader goes to press it can be missed').toBe(before);
	});

	test('the home page shows the progress bar and continues with the next lesson', async ({ page }) => {
		await completeLesson(page, 0);
		await page.goto('/');
		const bar = page.getByRole('progressbar', { name: 'Course progress' });
		await expect(bar, 'returning readers see a progress bar').toBeVisible();
		await expect(bar, 'the bar shows one lesson done').toHaveJSProperty('value', 1);
		await expect(bar, 'out of six').toHaveJSProperty('max', 6);
		await expect(page.getByText('1 of 6 complete'), 'the bar is spelled out').toBeVisible();
		await expect(continueLink(page), 'the main action continues the course').toHaveText(`Continue: Lesson 2 – ${lessonTitles[1]}`);
		await continueLink(page).click();
		await expect(page, 'Continue opens lesson 2').toHaveURL(new RegExp(`${lessonPath(1)}$`));
		await expect(page.getByRole('heading', { level: 1 }), 'lesson 2 is shown').toHaveText(lessonTitles[1]);
	});
});

test.describe('continue on the home page', () => {
	test('a first-time reader sees Start the course and no progress bar', async ({ page }) => {
		await page.goto('/');
		await expect(continueLink(page), 'first visit offers the start').toHaveText('Start the course');
		await expect(continueLink(page), 'the start is lesson 1').toHaveAttribute('href', lessonPath(0));
		await expect(page.getByRole('progressbar', { name: 'Course progress' }), 'no bar before any progress').toBeHidden();
	});

	test('after reading lesson 3, Continue leads back to lesson 3', async ({ page }) => {
		await openLesson(page, 2);
		await page.goto('/');
		await expect(continueLink(page), 'the lesson last visited is offered').toHaveText('Continue: Lesson 3 – Seek linkages and keep going');
		await continueLink(page).click();
		await expect(page.getByRole('heading', { level: 1 }), 'Continue opens lesson 3').toHaveText(lessonTitles[2]);
	});

	test('Continue returns to the heading the reader had scrolled to', async ({ page }) => {
		await openLesson(page, 2);
		await page.locator('#a-worked-example').evaluate((heading) => heading.scrollIntoView());
		await expect
			.poll(async () => ((await storedProgress(page))?.lastVisit as { position?: string } | undefined)?.position, {
				message: 'the position is remembered after scrolling',
			})
			.toBe('a-worked-example');
		await page.goto('/');
		await expect(continueLink(page), 'Continue links to that heading').toHaveAttribute('href', `${lessonPath(2)}#a-worked-example`);
	});

	test('when the lesson last read is complete, Continue moves to the first unfinished one', async ({ page }) => {
		await completeLesson(page, 0);
		await completeLesson(page, 2);
		await page.goto('/');
		await expect(continueLink(page), 'lesson 2 is the first unfinished').toHaveText(`Continue: Lesson 2 – ${lessonTitles[1]}`);
	});

	test('after all six lessons, the home page offers a review', async ({ page }) => {
		for (const index of slugs.keys()) await completeLesson(page, index);
		await page.goto('/');
		await expect(continueLink(page), 'all done: review').toHaveText('Review the course');
		await expect(continueLink(page), 'the review starts at lesson 1').toHaveAttribute('href', lessonPath(0));
		await expect(page.getByRole('progressbar', { name: 'Course progress' }), 'the bar is full').toHaveJSProperty('value', 6);
		await expect(page.getByText('6 of 6 complete · You have completed all six lessons.'), 'the count says so').toBeVisible();
	});
});

test.describe('reflections', () => {
	test('an answer is saved as the reader types and restored after a reload', async ({ page }) => {
		await openLesson(page, 0);
		const answer = page.getByRole('textbox', { name: lessonOnePrompt });
		await expect(answer, 'a new reader’s answer is empty').toHaveValue('');
		await answer.fill('A supplier’s analyst asked to meet.\nWe would have learned how their sector plans.');
		await expect(page.getByText('Saved', { exact: true }), 'a quiet status confirms the save').toBeVisible();
		await page.reload();
		await expect(answer, 'the answer is restored').toHaveValue(
			'A supplier’s analyst asked to meet.\nWe would have learned how their sector plans.',
		);
		await expect(page.getByRole('textbox', { name: lessonOneSecondPrompt }), 'other answers stay empty').toHaveValue('');
	});

	test('an answer typed just before leaving the page is not lost', async ({ page }) => {
		await openLesson(page, 0);
		await page.getByRole('textbox', { name: lessonOnePrompt }).fill('Typed in a hurry');
		await page.reload();
		await expect(page.getByRole('textbox', { name: lessonOnePrompt }), 'leaving saves at once').toHaveValue('Typed in a hurry');
	});

	test('clearing an answer removes it from the device', async ({ page }) => {
		await openLesson(page, 0);
		const answer = page.getByRole('textbox', { name: lessonOnePrompt });
		await answer.fill('Temporary');
		await expect(page.getByText('Saved', { exact: true }), 'first save').toBeVisible();
		await answer.fill('');
		await expect.poll(async () => (await storedProgress(page))?.reflections, { message: 'no answer is stored' }).toEqual({});
	});
});

test.describe('Your data page', () => {
	test('download, erase and import restore everything exactly', async ({ page }, testInfo) => {
		await completeLesson(page, 0);
		await page.getByRole('textbox', { name: lessonOnePrompt }).fill('My answer to keep');
		await expect(page.getByText('Saved', { exact: true }), 'the answer is saved').toBeVisible();
		const before = await storedProgress(page);

		const data = new DataPage(page);
		await data.open();
		await expect(page.getByRole('region', { name: 'What is stored now' }), 'the summary lists the completed lesson').toContainText(
			new RegExp(`Lessons completed\\s*${lessonTitles[0]}`),
		);
		const { name, text } = await data.downloadFile(testInfo.outputPath('export.json'));
		expect(name, 'the file is named after the course and the date').toMatch(/^strategic-network-course-\d{4}-\d{2}-\d{2}\.json$/);
		await expect(data.result, 'the download is confirmed').toHaveText(`Your data was downloaded as ${name}.`);
		const file = JSON.parse(text);
		expect(file.app, 'the file names the app').toBe('strategic-network-course');
		expect(file.version, 'the file carries the data version').toBe(CURRENT_VERSION);
		expect(file.data.progress.lessons, 'the file holds the completed lesson').toHaveProperty(slugs[0]);
		expect(file.data.progress.reflections['invitations-recent-decline'].text, 'the file holds the answer').toBe('My answer to keep');
		expect(file.data.progress, 'the file holds exactly what was stored').toEqual(before);

		await data.erase.click();
		await expect(data.eraseDialog, 'erasing asks first').toBeVisible();
		await data.eraseDialog.getByRole('button', { name: 'Erase everything' }).click();
		await expect(data.eraseDialog, 'the dialog closes').toBeHidden();
		await expect(data.result, 'the erase is confirmed').toHaveText('All course data was erased from this browser.');
		expect(await storedProgress(page), 'nothing is stored after erasing').toBeNull();

		await page.goto('/');
		await expect(continueLink(page), 'after erasing, the reader starts afresh').toHaveText('Start the course');
		await openLesson(page, 0);
		await expect(completeButton(page), 'the lesson is no longer complete').toHaveAttribute('aria-pressed', 'false');
		await expect(page.getByRole('textbox', { name: lessonOnePrompt }), 'the answer is gone').toHaveValue('');

		await data.open();
		await data.fileInput.setInputFiles(testInfo.outputPath('export.json'));
		await expect(data.importDialog, 'importing asks before replacing').toBeVisible();
		await expect(data.importDialog, 'the dialog says what the file holds').toContainText(
			/The file holds 1 completed lessons? and 1 reflection answers?/,
		);
		await data.importDialog.getByRole('button', { name: 'Replace my data' }).click();
		await expect(data.importDialog, 'the dialog closes').toBeHidden();
		await expect(data.result, 'the import is confirmed').toHaveText('Your data was imported.');
		expect(await storedProgress(page), 'storage holds exactly what was exported').toEqual(before);

		await openLesson(page, 0);
		await expect(completeButton(page), 'the completion is back').toHaveAttribute('aria-pressed', 'true');
		await expect(page.getByRole('textbox', { name: lessonOnePrompt }), 'the answer is back').toHaveValue('My answer to keep');
	});

	test('a file exported by version 1 of the site imports and shows its progress', async ({ page }) => {
		const data = new DataPage(page);
		await data.open();
		await data.chooseFile(readFileSync(resolve(import.meta.dirname, '../fixtures/learner-export-v1.json'), 'utf8'));
		await data.importDialog.getByRole('button', { name: 'Replace my data' }).click();
		await expect(data.result, 'the old file is accepted').toHaveText('Your data was imported.');
		await page.goto('/');
		await expect(page.getByRole('progressbar', { name: 'Course progress' }), 'its two lessons count').toHaveJSProperty('value', 2);
		await expect(continueLink(page), 'its last visit is honoured').toHaveText(`Continue: Lesson 4 – ${lessonTitles[3]}`);
	});

	const badFiles: [string, () => string, RegExp][] = [
		['a corrupt file', () => '{"app":"strategic-network-course","version":', /not valid JSON/],
		[
			'another app’s JSON',
			() => JSON.stringify({ app: 'another-course', exportedAt: '2026-03-01T10:00:00Z', version: 1, data: {} }),
			/not a data export from this course/,
		],
		[
			'a file from a newer version',
			() => JSON.stringify({ app: 'strategic-network-course', exportedAt: '2026-03-01T10:00:00Z', version: CURRENT_VERSION + 1, data: {} }),
			/newer version of the course/,
		],
	];
	for (const [name, text, message] of badFiles) {
		test(`importing ${name} shows an error and changes nothing`, async ({ page }) => {
			await completeLesson(page, 1);
			const data = new DataPage(page);
			await data.open();
			const before = await allStorage(page);
			await data.chooseFile(text());
			await expect(data.error, 'the reason is shown').toHaveText(message);
			await expect(data.fileInput, 'the field is marked invalid').toHaveAttribute('aria-invalid', 'true');
			await expect(data.fileInput, 'the field’s description carries the error').toHaveAccessibleDescription(message);
			await expect(data.importDialog, 'no confirmation is asked').toBeHidden();
			expect(await allStorage(page), 'storage is unchanged').toEqual(before);
			await openLesson(page, 1);
			await expect(completeButton(page), 'the progress is intact').toHaveAttribute('aria-pressed', 'true');
		});
	}

	test('a good file after a bad one clears the error', async ({ page }) => {
		const data = new DataPage(page);
		await data.open();
		await data.chooseFile('not json');
		await expect(data.error, 'the first file is rejected').toBeVisible();
		await data.chooseFile(
			JSON.stringify({
				app: 'strategic-network-course',
				exportedAt: '2026-03-01T10:00:00Z',
				version: 1,
				data: { version: 1, lessons: {}, reflections: {} },
			}),
		);
		await expect(data.importDialog, 'the good file is offered for import').toBeVisible();
		await expect(data.error, 'the old error is hidden').toBeHidden();
		await expect(data.fileInput, 'the field is no longer invalid').not.toHaveAttribute('aria-invalid', 'true');
		await expect(data.fileInput, 'the field’s description no longer mentions the old error').not.toHaveAccessibleDescription(/Error/);
	});

	test('cancelling the import dialog changes nothing', async ({ page }, testInfo) => {
		await completeLesson(page, 0);
		const data = new DataPage(page);
		await data.open();
		await data.downloadFile(testInfo.outputPath('export.json'));
		await completeLesson(page, 4);
		await data.open();
		const before = await allStorage(page);
		await data.fileInput.setInputFiles(testInfo.outputPath('export.json'));
		await expect(data.importDialog, 'the confirmation opens').toBeVisible();
		await expect(data.importDialog, 'it compares the file with what is stored').toContainText(
			'(2 completed lessons, 0 reflection answers)',
		);
		await data.importDialog.getByRole('button', { name: 'Cancel' }).click();
		await expect(data.importDialog, 'the dialog closes').toBeHidden();
		await expect(data.result, 'the reader is told nothing changed').toHaveText('Import canceled. Nothing was changed.');
		expect(await allStorage(page), 'storage is unchanged').toEqual(before);
	});
});

test.describe('damaged storage', () => {
	test('partly invalid data: the invalid part is dropped, the notice says so and the page works', async ({ page }) => {
		await page.goto('/about/');
		await writeStorage(
			page,
			JSON.stringify({
				version: CURRENT_VERSION,
				lessons: { [slugs[0]]: { completedAt: '2026-03-02T18:04:11.207Z' }, [slugs[2]]: { completedAt: 'not a date' } },
				reflections: {},
			}),
		);
		await openLesson(page, 1);
		await expect(notice(page), 'the reader is told data was removed').toContainText('could not be read and was removed');
		await expect(notice(page), 'the notice names what went').toContainText(`progress for lesson “${slugs[2]}”`);
		await expect(outlineLink(page, 0), 'the valid completed lesson is kept').toHaveAccessibleName(`${lessonTitles[0]} (completed)`);
		await expect(outlineLink(page, 2), 'the invalid one is dropped').toHaveAccessibleName(lessonTitles[2]);

		await clickToggle(page);
		await expect(completeButton(page), 'the page still works').toHaveAttribute('aria-pressed', 'true');
		await expect(outline(page).getByText('2 of 6 complete').filter({ visible: true }), 'both lessons count').toBeVisible();

		await page.reload();
		await expect(completeButton(page), 'the new completion was saved').toHaveAttribute('aria-pressed', 'true');
		await expect(outlineLink(page, 0), 'the kept lesson is still complete').toHaveAccessibleName(`${lessonTitles[0]} (completed)`);
		await expect(notice(page), 'the repaired data no longer needs a notice').toBeHidden();
	});

	test('malformed JSON: the notice says so and the page works', async ({ page }) => {
		await page.goto('/about/');
		await writeStorage(page, '{"version":2,"lessons":{"accept-invi');
		await openLesson(page, 0);
		await expect(notice(page), 'the reader is told the data was unreadable').toContainText('all saved progress (unreadable)');
		await expect(completeButton(page), 'the lesson starts as not complete').toHaveAttribute('aria-pressed', 'false');
		await clickToggle(page);
		await expect(completeButton(page), 'the page still works').toHaveAttribute('aria-pressed', 'true');
		expect((await storedProgress(page))?.lessons, 'the new progress is stored').toHaveProperty(slugs[0]);
	});

	test('the notice can be dismissed', async ({ page }) => {
		await page.goto('/about/');
		await writeStorage(page, 'garbage');
		await page.goto('/');
		await expect(notice(page), 'the notice shows').toBeVisible();
		await page.getByRole('button', { name: 'Dismiss' }).click();
		await expect(notice(page), 'dismissing hides it').toBeHidden();
		await page.reload();
		await expect(notice(page), 'and it does not come back').toBeHidden();
	});

	test('progress stored by version 1 of the site is read without a notice', async ({ page }) => {
		await page.goto('/about/');
		await writeStorage(page, readFileSync(resolve(import.meta.dirname, '../fixtures/learner-progress-v1.json'), 'utf8').trim());
		await openLesson(page, 2);
		await expect(completeButton(page), 'its completed lesson is shown').toHaveAttribute('aria-pressed', 'true');
		await expect(outlineLink(page, 0), 'and the other one').toHaveAccessibleName(`${lessonTitles[0]} (completed)`);
		await expect(page.getByRole('textbox', { name: /How much of your network/ }), 'unanswered prompts stay empty').toHaveValue('');
		await expect(notice(page), 'old data is not damaged data').toBeHidden();
	});
});

test.describe('storage unavailable', () => {
	test.beforeEach(async ({ context }) => {
		// Like a full disk: every write to localStorage throws. (Assigning
		// localStorage.setItem would store an item named "setItem", so the
		// prototype is patched, for localStorage only.)
		await context.addInitScript(() => {
			const setItem = Storage.prototype.setItem;
			Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
				if (this === window.localStorage) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
				setItem.call(this, key, value);
			};
		});
	});

	test('the notice says progress cannot be saved, and the toggle works in memory', async ({ page }) => {
		await openLesson(page, 0);
		await expect(
			page.getByRole('status').filter({ hasText: 'This browser is not letting the course save data' }),
			'the reader is warned',
		).toBeVisible();
		await clickToggle(page);
		await expect(completeButton(page), 'the toggle still works').toHaveAttribute('aria-pressed', 'true');
		await expect(outline(page).getByText('1 of 6 complete').filter({ visible: true }), 'the count follows').toBeVisible();
		expect(await storedProgress(page), 'nothing reached localStorage').toBeNull();
	});

	test('a reflection says it was not saved', async ({ page }) => {
		await openLesson(page, 0);
		await page.getByRole('textbox', { name: lessonOnePrompt }).fill('Kept only for now');
		await expect(page.getByText('Not saved: this browser is not storing data.'), 'the status is honest').toBeVisible();
	});

	test('progress lasts for the tab, as the notice promises', async ({ page }) => {
		await completeLesson(page, 0);
		await expect(notice(page), 'the notice promises progress until the tab closes').toContainText('lost when you close this tab');
		await page
			.getByRole('navigation', { name: 'Lesson navigation' })
			.getByRole('link', { name: /^Next lesson/ })
			.click();
		await expect(page.getByRole('heading', { level: 1 }), 'lesson 2 opens in the same tab').toHaveText(lessonTitles[1]);
		await expect(outlineLink(page, 0), 'lesson 1 is still complete in this tab').toHaveAccessibleName(`${lessonTitles[0]} (completed)`);
	});
});

test.describe('storage blocked', () => {
	test('when the browser refuses access to localStorage, lessons still work and say progress cannot be saved', async ({ context }) => {
		// Like blocked cookies: reading window.localStorage itself throws.
		await context.addInitScript(() => {
			Object.defineProperty(window, 'localStorage', {
				configurable: true,
				get() {
					throw new DOMException('Access is denied for this document.', 'SecurityError');
				},
			});
		});
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (error) => errors.push(error.message));
		await openLesson(page, 0);
		await expect(
			page.getByRole('status').filter({ hasText: 'This browser is not letting the course save data' }),
			'the reader is warned',
		).toBeVisible();
		await clickToggle(page);
		await expect(completeButton(page), 'the toggle works in memory').toHaveAttribute('aria-pressed', 'true');
		await page.goto('/');
		await expect(continueLink(page), 'the home page still offers a way in').toBeVisible();
		expect(errors, 'no script fails').toEqual([]);
	});
});

test.describe('two tabs', () => {
	test('completing a lesson in one tab updates the others without a reload', async ({ context }) => {
		const first = await context.newPage();
		const second = await context.newPage();
		const home = await context.newPage();
		await openLesson(first, 3);
		await openLesson(second, 3);
		await home.goto('/');
		await expect(continueLink(home), 'home offers lesson 4, last visited').toHaveText(`Continue: Lesson 4 – ${lessonTitles[3]}`);

		await clickToggle(first);
		await expect(completeButton(second), 'the other tab’s toggle follows').toHaveAttribute('aria-pressed', 'true');
		await expect(outlineLink(second, 3), 'the other tab’s outline follows').toHaveAccessibleName(`${lessonTitles[3]} (completed)`);
		await expect(home.getByRole('progressbar', { name: 'Course progress' }), 'home’s bar follows').toHaveJSProperty('value', 1);
		await expect(continueLink(home), 'home moves on to the first unfinished lesson').toHaveText(`Continue: Lesson 1 – ${lessonTitles[0]}`);

		await clickToggle(second);
		await expect(completeButton(first), 'an undo in the second tab reaches the first').toHaveAttribute('aria-pressed', 'false');
	});

	test('an answer typed in one tab appears in the other', async ({ context }) => {
		const first = await context.newPage();
		const second = await context.newPage();
		await openLesson(first, 0);
		await openLesson(second, 0);
		await first.getByRole('textbox', { name: lessonOnePrompt }).fill('Written in the first tab');
		await expect(first.getByText('Saved', { exact: true }), 'saved in the first tab').toBeVisible();
		await expect(second.getByRole('textbox', { name: lessonOnePrompt }), 'the second tab shows it').toHaveValue('Written in the first tab');
	});

	test('erasing in one tab resets the others', async ({ context }) => {
		const lesson = await context.newPage();
		await completeLesson(lesson, 0);
		const dataTab = await context.newPage();
		const data = new DataPage(dataTab);
		await data.open();
		await data.erase.click();
		await data.eraseDialog.getByRole('button', { name: 'Erase everything' }).click();
		await expect(completeButton(lesson), 'the lesson tab is reset').toHaveAttribute('aria-pressed', 'false');
	});
});

test.describe('keyboard only', () => {
	test('a reader can answer a reflection and toggle completion with the keyboard', async ({ page }) => {
		await openLesson(page, 0);
		const answer = page.getByRole('textbox', { name: lessonOnePrompt });
		await tabTo(page, answer);
		await page.keyboard.type('Typed with the keyboard');
		await page.keyboard.press('Tab');
		await expect(page.getByText('Saved', { exact: true }), 'leaving the field saves it').toBeVisible();

		await tabTo(page, completeButton(page));
		await page.keyboard.press('Enter');
		await expect(completeButton(page), 'Enter marks the lesson complete').toHaveAttribute('aria-pressed', 'true');
		await page.keyboard.press('Space');
		await expect(completeButton(page), 'Space toggles it back').toHaveAttribute('aria-pressed', 'false');
		await page.keyboard.press('Space');
		await expect(completeButton(page), 'Space marks it complete again').toHaveAttribute('aria-pressed', 'true');

		await page.reload();
		await expect(completeButton(page), 'the keyboard’s work is saved').toHaveAttribute('aria-pressed', 'true');
		await expect(answer, 'the typed answer is saved').toHaveValue('Typed with the keyboard');
	});

	test('on Your data, Download and Erase work from the keyboard, and Escape closes the dialogs', async ({ page }, testInfo) => {
		await completeLesson(page, 0);
		const data = new DataPage(page);
		await data.open();

		await tabTo(page, data.download);
		const downloaded = page.waitForEvent('download');
		await page.keyboard.press('Enter');
		await (await downloaded).saveAs(testInfo.outputPath('export.json'));
		await expect(data.result, 'Enter downloads the file').toContainText('Your data was downloaded');

		await tabTo(page, data.erase);
		await page.keyboard.press('Enter');
		await expect(data.eraseDialog, 'Enter opens the erase dialog').toBeVisible();
		await page.keyboard.press('Escape');
		await expect(data.eraseDialog, 'Escape closes it').toBeHidden();
		await expect(data.erase, 'focus returns to the Erase button').toBeFocused();
		expect((await storedProgress(page))?.lessons, 'Escape erases nothing').toHaveProperty(slugs[0]);

		await page.keyboard.press('Enter');
		await expect(data.eraseDialog, 'the dialog opens again').toBeVisible();
		const confirm = data.eraseDialog.getByRole('button', { name: 'Erase everything' });
		await tabTo(page, confirm);
		await page.keyboard.press('Enter');
		await expect(data.result, 'Enter on the confirmation erases').toHaveText('All course data was erased from this browser.');
		expect(await storedProgress(page), 'nothing is stored').toBeNull();

		await data.fileInput.setInputFiles(testInfo.outputPath('export.json'));
		await expect(data.importDialog, 'the import dialog opens').toBeVisible();
		await page.keyboard.press('Escape');
		await expect(data.importDialog, 'Escape closes the import dialog').toBeHidden();
		await expect(data.result, 'Escape cancels the import').toHaveText('Import canceled. Nothing was changed.');
		expect(await storedProgress(page), 'nothing was imported').toBeNull();
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	// Playwright's getByText skips <noscript> content, so the notes are found as paragraphs.
	const paragraph = (page: Page, text: string) => page.getByRole('paragraph').filter({ hasText: text });

	test('a lesson says progress needs JavaScript and keeps its reflection prompts readable', async ({ page }) => {
		await page.goto(lessonPath(0));
		await expect(
			paragraph(page, 'Progress tracking needs JavaScript. The lessons are fully readable without it.'),
			'the note explains',
		).toBeVisible();
		await expect(completeButton(page), 'no toggle that cannot work').toBeHidden();
		await expect(page.getByText(lessonOnePrompt), 'the prompt is readable').toBeVisible();
		await expect(page.getByText(lessonOneSecondPrompt), 'so is the second').toBeVisible();
		await expect(page.getByRole('region', { name: 'Reflect' }).getByRole('textbox'), 'no text area that cannot save').toHaveCount(0);
		await expect(paragraph(page, 'Saving answers here needs JavaScript'), 'the reflections say why').toBeVisible();
	});

	test('the home page offers the start, without a progress bar', async ({ page }) => {
		await page.goto('/');
		await expect(page.getByRole('link', { name: 'Start the course' }), 'the start link works').toHaveAttribute('href', lessonPath(0));
		await expect(page.getByRole('progressbar'), 'no empty progress bar').toBeHidden();
	});

	test('Your data says it needs JavaScript and shows no tools', async ({ page }) => {
		await page.goto('/data/');
		await expect(paragraph(page, 'Managing your data needs JavaScript.'), 'the page explains').toBeVisible();
		await expect(page.getByRole('button', { name: 'Download my data' }), 'no download button').toBeHidden();
		await expect(page.getByRole('button', { name: 'Erase all my data' }), 'no erase button').toBeHidden();
	});
});

test.describe('accessibility of the progress states (axe, WCAG 2.2 AA)', () => {
	for (const colorScheme of colorSchemes) {
		test(`a completed lesson with a saved answer in ${colorScheme} has no violations`, async ({ page, makeAxeBuilder }) => {
			await page.emulateMedia({ colorScheme });
			await completeLesson(page, 0);
			await page.getByRole('textbox', { name: lessonOnePrompt }).fill('An answer');
			await expect(page.getByText('Saved', { exact: true }), 'the status shows').toBeVisible();
			const { violations } = await makeAxeBuilder().analyze();
			expect(violations, `completed lesson (${colorScheme}):\n${formatViolations(violations)}`).toEqual([]);
		});

		test(`the home page with progress in ${colorScheme} has no violations`, async ({ page, makeAxeBuilder }) => {
			await page.emulateMedia({ colorScheme });
			await completeLesson(page, 0);
			await page.goto('/');
			await expect(page.getByRole('progressbar', { name: 'Course progress' }), 'the bar shows').toBeVisible();
			const { violations } = await makeAxeBuilder().analyze();
			expect(violations, `home with progress (${colorScheme}):\n${formatViolations(violations)}`).toEqual([]);
		});

		test(`the storage notice in ${colorScheme} has no violations`, async ({ page, makeAxeBuilder }) => {
			await page.emulateMedia({ colorScheme });
			await page.goto('/about/');
			await writeStorage(page, 'garbage');
			await openLesson(page, 0);
			await expect(notice(page), 'the notice shows').toBeVisible();
			const { violations } = await makeAxeBuilder().analyze();
			expect(violations, `storage notice (${colorScheme}):\n${formatViolations(violations)}`).toEqual([]);
		});

		for (const dialog of ['erase', 'import'] as const) {
			test(`Your data with the ${dialog} dialog open in ${colorScheme} has no violations`, async ({ page, makeAxeBuilder }) => {
				await page.emulateMedia({ colorScheme });
				const data = new DataPage(page);
				await data.open();
				if (dialog === 'erase') {
					await data.erase.click();
					await expect(data.eraseDialog, 'the dialog opens').toBeVisible();
				} else {
					await data.chooseFile(
						JSON.stringify({
							app: 'strategic-network-course',
							exportedAt: '2026-03-01T10:00:00Z',
							version: 1,
							data: { version: 1, lessons: {}, reflections: {} },
						}),
					);
					await expect(data.importDialog, 'the dialog opens').toBeVisible();
				}
				const { violations } = await makeAxeBuilder().analyze();
				expect(violations, `Your data, ${dialog} dialog (${colorScheme}):\n${formatViolations(violations)}`).toEqual([]);
			});
		}

		test(`Your data showing an import error in ${colorScheme} has no violations`, async ({ page, makeAxeBuilder }) => {
			await page.emulateMedia({ colorScheme });
			const data = new DataPage(page);
			await data.open();
			await data.chooseFile('not json');
			await expect(data.error, 'the error shows').toBeVisible();
			const { violations } = await makeAxeBuilder().analyze();
			expect(violations, `Your data, import error (${colorScheme}):\n${formatViolations(violations)}`).toEqual([]);
		});
	}
});
