import { allPaths, colorSchemes, expect, formatViolations, test } from './test-utils';

test.describe('accessibility (axe, WCAG 2.2 AA)', () => {
	for (const colorScheme of colorSchemes) {
		for (const path of allPaths) {
			test(`${path} in ${colorScheme} has no violations`, async ({ page, makeAxeBuilder }) => {
				await page.emulateMedia({ colorScheme });
				await page.goto(path);
				// Scripts unhide the header controls; wait so axe sees the page as readers do.
				await expect(page.getByLabel('Theme'), 'the page scripts should have run').toBeVisible();
				const { violations } = await makeAxeBuilder().analyze();
				expect(violations, `${path} (${colorScheme}):\n${formatViolations(violations)}`).toEqual([]);
			});
		}

		test(`the search dialog showing results in ${colorScheme} has no violations`, async ({ page, makeAxeBuilder, search }) => {
			await page.emulateMedia({ colorScheme });
			await page.goto('/lessons/take-the-leap/');
			await search.open();
			await search.search('strategic network');
			await expect(search.results.getByRole('listitem').first(), 'results should be listed').toBeVisible();
			const { violations } = await makeAxeBuilder().analyze();
			expect(violations, `search dialog (${colorScheme}):\n${formatViolations(violations)}`).toEqual([]);
		});
	}
});
