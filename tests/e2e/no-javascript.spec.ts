import { expect, test } from './test-utils';

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a lesson is readable and the search button stays hidden', async ({ page }) => {
		await page.goto('/lessons/take-the-leap/');
		await expect(page.getByRole('heading', { level: 1 }), 'the lesson title should show').toHaveText(
			'Take the leap and leverage your connections',
		);
		await expect(
			page.getByRole('main').getByText(/rode the commuter train and regularly exchanged pleasantries/),
			'the lesson text should show',
		).toBeVisible();
		await expect(
			page.getByRole('button', { name: 'Search', exact: true }),
			'search needs JavaScript, so its button is hidden',
		).toBeHidden();
		await expect(
			page.getByRole('navigation', { name: 'Lesson navigation' }).getByRole('link', { name: /^Next lesson/ }),
			'next lesson link works without JavaScript',
		).toBeVisible();
	});
});
