import { expect, test } from './test-utils';

test.describe('keyboard', () => {
	test('the first Tab reaches the skip link, which moves focus to the main content', async ({ page }) => {
		await page.goto('/lessons/join-a-diverse-group/');
		await page.keyboard.press('Tab');
		const skip = page.getByRole('link', { name: 'Skip to content' });
		await expect(skip, 'the skip link should be the first stop').toBeFocused();
		await expect(skip, 'the focused skip link should be visible').toBeInViewport();
		await page.keyboard.press('Enter');
		await expect(page.getByRole('main'), 'focus should move to the main content').toBeFocused();
		await expect(page, 'the address should point at the main content').toHaveURL(/#main$/);
	});
});
