import { expect, test } from './test-utils';

/** The --bg tokens from global.css, as computed colours. */
const lightBackground = 'rgb(253, 251, 246)'; // #fdfbf6
const darkBackground = 'rgb(21, 19, 15)'; // #15130f

test.describe('theme', () => {
	test('a chosen theme persists across reloads, and System forgets it', async ({ page }) => {
		await page.goto('/lessons/seek-linkages/');
		const html = page.locator('html');
		const theme = page.getByLabel('Theme');
		await expect(theme, 'the theme select should appear once its script runs').toBeVisible();
		await expect(theme, 'the theme should start as System').toHaveValue('auto');

		await theme.selectOption({ label: 'Dark' });
		await expect(html, 'choosing Dark should apply it at once').toHaveAttribute('data-theme', 'dark');

		await page.reload();
		await expect(html, 'Dark should survive a reload').toHaveAttribute('data-theme', 'dark');
		await expect(theme, 'the select should still show Dark').toHaveValue('dark');
		await expect(theme.locator('option:checked'), 'the chosen option should read Dark').toHaveText('Dark');

		await theme.selectOption({ label: 'System' });
		await expect(html, 'System should remove the attribute at once').not.toHaveAttribute('data-theme');
		await page.reload();
		await expect(html, 'System should still be in effect after a reload').not.toHaveAttribute('data-theme');
		await expect(theme, 'the select should show System').toHaveValue('auto');
	});

	test('the saved theme carries over to other pages', async ({ page }) => {
		await page.goto('/');
		await page.getByLabel('Theme').selectOption({ label: 'Dark' });
		await page.getByRole('link', { name: 'Start the course' }).click();
		await expect(page.getByRole('heading', { level: 1 }), 'the first lesson should open').toHaveText(
			'Accept invitations for mutually beneficial exchanges',
		);
		await expect(page.locator('html'), 'the next page should be dark too').toHaveAttribute('data-theme', 'dark');
	});

	test('follows a dark operating system setting', async ({ page }) => {
		await page.emulateMedia({ colorScheme: 'dark' });
		await page.goto('/');
		await expect(page.locator('html'), 'no explicit theme is set').not.toHaveAttribute('data-theme');
		await expect(page.locator('body'), 'the page should use the dark background').toHaveCSS('background-color', darkBackground);
	});

	test('an explicit Light choice wins over a dark operating system', async ({ page }) => {
		await page.emulateMedia({ colorScheme: 'dark' });
		await page.goto('/');
		await page.getByLabel('Theme').selectOption({ label: 'Light' });
		await expect(page.locator('body'), 'the page should use the light background').toHaveCSS('background-color', lightBackground);
		await page.reload();
		await expect(page.locator('body'), 'Light should survive a reload').toHaveCSS('background-color', lightBackground);
	});

	test('an explicit Dark choice wins over a light operating system', async ({ page }) => {
		await page.emulateMedia({ colorScheme: 'light' });
		await page.goto('/about/');
		await expect(page.locator('body'), 'the page starts light').toHaveCSS('background-color', lightBackground);
		await page.getByLabel('Theme').selectOption({ label: 'Dark' });
		await expect(page.locator('body'), 'the page should turn dark').toHaveCSS('background-color', darkBackground);
	});
});
