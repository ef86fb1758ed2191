/**
 * The course's own words around the post: the orientation on the home page,
 * reading times that add up, the wrap-up after Lesson 6, the About page, and
 * goals retired from a lesson that stay with the readers who saved them.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, lessonTitles, test } from './test-utils';

/** "N min read" and "about M min with the activities (estimate)" from a card's or a lesson's time line. */
async function timesIn(locator: Locator): Promise<{ reading: number; total: number }> {
	const text = await locator.innerText();
	const match = /(\d+) min read · about (\d+) min with the activities \(estimate\)/.exec(text);
	expect(match, `“${text}” gives both times, the second labeled as an estimate`).not.toBeNull();
	return { reading: Number(match![1]), total: Number(match![2]) };
}

/** The lesson cards on the home page, in course order. */
const cards = (page: Page) => page.getByRole('region', { name: 'The six lessons' }).getByRole('listitem');

test.describe('the orientation', () => {
	test('says what you will do, how long it takes (the sums of the lessons’ times) and what stays on your device', async ({ page }) => {
		await page.goto('/');
		const orientation = page.getByRole('region', { name: 'How this course works' });
		await expect(orientation, 'the home page orients the reader').toBeVisible();
		await expect(orientation.getByRole('region', { name: 'From the post' }), 'it is the course’s words, not the post’s').toHaveCount(0);
		await expect(orientation.locator('xpath=ancestor::*[@aria-label="From the post"]'), 'nor inside a post box').toHaveCount(0);

		await expect(cards(page), 'six lessons').toHaveCount(6);
		let reading = 0;
		let total = 0;
		for (const card of await cards(page).all()) {
			const times = await timesIn(card.locator('.meta'));
			expect(times.total, 'the activities add time to the reading').toBeGreaterThan(times.reading);
			reading += times.reading;
			total += times.total;
		}
		await expect(orientation, 'the reading total is the sum of the cards').toContainText(`about ${reading} minutes to read`);
		await expect(orientation, 'so is the total with the activities, labeled as an estimate').toContainText(
			`about ${total} minutes with the activities. The second figure is our estimate`,
		);
		await expect(orientation, 'it says what stays on the device').toContainText('kept in this browser only');
		await expect(orientation.getByRole('link', { name: 'Your data' }), 'and where to see it').toHaveAttribute('href', '/data/');
	});

	test('each lesson shows the times its card shows', async ({ page }) => {
		await page.goto('/');
		const expected: { href: string; reading: number; total: number }[] = [];
		for (const card of await cards(page).all()) {
			const href = (await card.getByRole('link').getAttribute('href'))!;
			expected.push({ href, ...(await timesIn(card.locator('.meta'))) });
		}
		for (const lesson of expected) {
			await page.goto(lesson.href);
			const line = page.getByRole('article').getByText(/min read/);
			expect(await timesIn(line), `${lesson.href} agrees with its card`).toEqual({ reading: lesson.reading, total: lesson.total });
		}
	});
});

test.describe('the wrap-up', () => {
	test('ends Lesson 6 with what to do next, in the course’s words, before the post’s closing', async ({ page }) => {
		await page.goto('/lessons/take-a-bold-lead/');
		const wrapUp = page.getByRole('region', { name: 'What to do next' });
		await expect(wrapUp, 'the wrap-up is there').toBeVisible();
		await expect(wrapUp.getByRole('region', { name: 'From the post' }), 'it is not in a post box').toHaveCount(0);
		await expect(wrapUp.getByRole('link', { name: 'My goals' }), 'goals come first').toHaveAttribute('href', '/goals/');
		await expect(wrapUp.getByRole('link', { name: 'My network' }), 'then the network map').toHaveAttribute('href', '/network/');
		await expect(wrapUp, 'the retake is weeks away, not now').toContainText('Take the self-assessment again in four to eight weeks');
		await expect(wrapUp.getByRole('link', { name: 'self-assessment' }), 'with a link').toHaveAttribute('href', '/assessment/');
		const closing = page.getByRole('region', { name: 'Keep learning' });
		await expect(closing.getByRole('region', { name: 'From the post' }), 'the post’s closing follows, marked as the post').toContainText(
			'Subscribe to receive a monthly email for inspiration, insights and tools.',
		);
	});
});

test.describe('the About page', () => {
	test('names what the course adds, where the post was published and what is stored on the device', async ({ page }) => {
		await page.goto('/about/');
		const main = page.getByRole('main');
		await expect(main, 'it names the blog').toContainText('a post published on the Leadership Gold Blog');
		for (const added of [
			'The lessons’ learning material',
			'Practice tools',
			'The self-assessment',
			'Goals',
			'The orientation and the wrap-up',
		]) {
			await expect(
				main.getByRole('listitem').filter({ hasText: new RegExp(`^${added}`) }),
				`it names “${added}” as the course’s`,
			).toHaveCount(1);
		}
		const stored = main.getByRole('heading', { name: 'What is stored on your device' });
		await expect(stored, 'it has a section on stored data').toBeVisible();
		const storedList = stored.locator('xpath=following-sibling::ul[1]').getByRole('listitem');
		for (const part of [
			'theme choice',
			'lessons you have completed',
			'reflection questions',
			'your goals',
			'network map',
			'self-assessment answers',
		]) {
			await expect(storedList.filter({ hasText: part }), `it lists ${part}`).toHaveCount(1);
		}
		await expect(main.getByRole('link', { name: 'Your data' }), 'and links to the data page').toHaveAttribute('href', '/data/');
	});

	test('links the original post only when the build sets its address (unset here)', async ({ page }) => {
		await page.goto('/about/');
		await expect(page.getByRole('link', { name: /original post/i }), 'no guessed address on About or in the footer').toHaveCount(0);
		await expect(page.getByRole('contentinfo'), 'the footer still credits the blog').toContainText('Leadership Gold Blog');
	});
});

test.describe('goals retired from a lesson', () => {
	const retired = {
		id: 'bold-host-a-conversation',
		text: 'Within the next quarter, host a small conversation that brings together people from at least two different sectors around one open question.',
	};

	test('stay, under their lesson, for a reader who saved them; the lesson offers its new goals', async ({ page }) => {
		await page.goto('/goals/');
		await page.evaluate((goal) => {
			const at = new Date().toISOString();
			const item = { ...goal, source: 'take-a-bold-lead', createdAt: at, updatedAt: at, revision: 0 };
			localStorage.setItem('strategic-network-course:goals', JSON.stringify({ version: 2, items: [item] }));
		}, retired);
		await page.reload();
		const group = page.locator('section.group').filter({ has: page.getByRole('heading', { name: `Lesson 6: ${lessonTitles[5]}` }) });
		const box = group.getByRole('checkbox', { name: retired.text });
		await expect(box, 'the saved goal is still listed under Lesson 6').toBeVisible();
		await box.check();
		await expect(page.getByRole('region', { name: 'Your goals' }).getByRole('status'), 'checking it off is confirmed').toHaveText(
			`Done: “${retired.text}” — 1 of 1 goals done.`,
		);
		await page.reload();
		await expect(box, 'and it still works: checked off, and kept').toBeChecked();

		await page.goto('/lessons/take-a-bold-lead/');
		const offered = page.locator('ul.goals > li');
		await expect(offered, 'the lesson offers three goals').toHaveCount(3);
		await expect(offered.filter({ hasText: 'host a small conversation' }), 'not the retired one').toHaveCount(0);
		await expect(offered.first().getByRole('button', { name: /^Add to my goals/ }), 'its goals can be added').toBeVisible();
		const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('strategic-network-course:goals')!).items);
		expect(stored, 'nothing the reader saved was lost').toMatchObject([{ id: retired.id, text: retired.text }]);
	});
});
