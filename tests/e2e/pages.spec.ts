import { expect, notFoundPath, sitemapPaths, test } from './test-utils';

test.describe('every page in the sitemap', () => {
	for (const path of sitemapPaths) {
		test(`${path} renders with one h1, a title and lang="en"`, async ({ page }) => {
			const response = await page.goto(path);
			expect(response?.status(), `${path} should answer 200`).toBe(200);
			await expect(page.locator('h1'), `${path} should have exactly one h1`).toHaveCount(1);
			await expect(page.getByRole('heading', { level: 1 }), `${path}'s h1 should be visible`).toBeVisible();
			await expect(page, `${path} should have a non-empty <title>`).toHaveTitle(/\S/);
			await expect(page.locator('html'), `${path} should declare English`).toHaveAttribute('lang', 'en');
		});
	}
});

test.describe('the 404 page', () => {
	test('answers 404 and offers a way home and search', async ({ page }) => {
		const response = await page.goto(notFoundPath);
		expect(response?.status(), 'an unknown address should answer 404').toBe(404);
		await expect(page.getByRole('heading', { level: 1 }), 'the page should say what happened').toHaveText('Page not found');
		await expect(page.locator('h1'), 'the 404 page should have exactly one h1').toHaveCount(1);
		await expect(page.locator('html'), 'the 404 page should declare English').toHaveAttribute('lang', 'en');

		const home = page.getByRole('main').getByRole('link', { name: 'Go to the course home' });
		await expect(home, 'a link home should be offered').toBeVisible();
		await expect(home, 'the home link should point at /').toHaveAttribute('href', '/');

		const searchButton = page.getByRole('main').getByRole('button', { name: 'Search the course' });
		await expect(searchButton, 'a search button should be offered').toBeVisible();
		await searchButton.click();
		await expect(page.getByRole('dialog', { name: 'Search the course' }), 'the button should open search').toBeVisible();
	});

	test('leads home', async ({ page }) => {
		await page.goto(notFoundPath);
		await page.getByRole('main').getByRole('link', { name: 'Go to the course home' }).click();
		await expect(page, 'the link should land on the home page').toHaveURL('/');
		await expect(page.getByRole('link', { name: 'Start the course' }), 'the home page should load').toBeVisible();
	});
});
