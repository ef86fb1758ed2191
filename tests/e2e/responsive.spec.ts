import { allPaths, expect, test } from './test-utils';

test.describe('at 320 px wide', () => {
	test.use({ viewport: { width: 320, height: 640 } });

	for (const path of allPaths) {
		test(`${path} does not scroll sideways`, async ({ page }) => {
			await page.goto(path);
			const widths = await page.evaluate(() => ({
				scroll: document.scrollingElement!.scrollWidth,
				client: document.scrollingElement!.clientWidth,
			}));
			expect(widths.scroll, `${path} is ${widths.scroll}px wide in a 320px viewport`).toBeLessThanOrEqual(320);
		});
	}

	test('the course outline is a collapsed disclosure that opens by keyboard', async ({ page }) => {
		await page.goto('/lessons/take-a-bold-lead/');
		const outline = page.getByRole('navigation', { name: 'Course outline' });
		const toggle = outline.getByText('Course outline');
		const links = outline.getByRole('link');
		await expect(toggle, 'the disclosure toggle should be visible').toBeVisible();
		await expect(links.first(), 'the outline starts collapsed').toBeHidden();

		await toggle.focus();
		await expect(toggle, 'the toggle should take keyboard focus').toBeFocused();
		await page.keyboard.press('Enter');
		await expect(links, 'Enter should reveal all six lessons').toHaveCount(6);
		for (const link of await links.all()) await expect(link, 'each lesson link should be visible').toBeVisible();

		await page.keyboard.press('Space');
		await expect(links.first(), 'Space should collapse it again').toBeHidden();
	});
});
