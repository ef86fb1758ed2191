import { expect, lessonTitles, test } from './test-utils';
import type { Page } from '@playwright/test';

const total = lessonTitles.length;

/** Checks the lesson page shows lesson `n` (1-based) with its outline and contents. */
async function expectLesson(page: Page, n: number) {
	const main = page.getByRole('main');
	await expect(page.getByRole('heading', { level: 1 }), `lesson ${n}'s title`).toHaveText(lessonTitles[n - 1]!);
	await expect(main.getByText(`Lesson ${n} of ${total}`), `the eyebrow of lesson ${n}`).toBeVisible();

	const outline = page.getByRole('navigation', { name: 'Course outline' });
	await expect(outline, `lesson ${n} should show the course outline`).toBeVisible();
	await expect(outline.getByRole('link'), 'the outline should list all six lessons').toHaveCount(total);
	await expect(outline.getByRole('link', { name: lessonTitles[n - 1] }), 'the outline should mark the current lesson').toHaveAttribute(
		'aria-current',
		'page',
	);

	await expect(page.getByRole('navigation', { name: 'On this page' }), `lesson ${n} should have a table of contents`).toBeVisible();
}

test.describe('lessons', () => {
	test('can be walked from the home page by next links and back by previous links', async ({ page }) => {
		await page.goto('/');
		await page.getByRole('link', { name: 'Start the course' }).click();
		await expectLesson(page, 1);

		const pager = page.getByRole('navigation', { name: 'Lesson navigation' });
		const next = pager.getByRole('link', { name: /^Next lesson/ });
		const previous = pager.getByRole('link', { name: /^Previous lesson/ });
		await expect(previous, 'lesson 1 has no previous lesson').toHaveCount(0);

		for (let n = 2; n <= total; n++) {
			await expect(next, `lesson ${n - 1} should link to lesson ${n}`).toContainText(lessonTitles[n - 1]!);
			await next.click();
			await expectLesson(page, n);
		}
		await expect(next, 'the last lesson has no next lesson').toHaveCount(0);

		for (let n = total - 1; n >= 1; n--) {
			await expect(previous, `lesson ${n + 1} should link back to lesson ${n}`).toContainText(lessonTitles[n - 1]!);
			await previous.click();
			await expectLesson(page, n);
		}
	});

	test('the home page lists all six lessons in order', async ({ page }) => {
		await page.goto('/');
		const cards = page.getByRole('main').getByRole('heading', { level: 3 });
		await expect(cards, 'one card per lesson, in course order').toHaveText([...lessonTitles]);
	});

	test('the table of contents links to headings on the page', async ({ page }) => {
		await page.goto('/lessons/focus-on-benefits/');
		const toc = page.getByRole('navigation', { name: 'On this page' });
		await toc.getByRole('link', { name: 'Key takeaway' }).click();
		await expect(page, 'the link should target the heading').toHaveURL(/#takeaway$/);
		await expect(page.getByRole('heading', { name: 'Key takeaway' }), 'the heading should be in view').toBeInViewport();
	});

	test('lesson 2 shows the five benefits as a list', async ({ page }) => {
		await page.goto('/lessons/focus-on-benefits/');
		const benefits = page.getByRole('listitem').filter({ hasText: /^Spot emerging trends$/ });
		await expect(benefits, 'the first benefit is a list item').toHaveCount(1);
		await expect(page.getByRole('list').filter({ has: benefits }).getByRole('listitem'), 'five benefits').toHaveCount(5);
	});
});
