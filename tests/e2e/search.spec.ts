import { expect, test } from './test-utils';

const lessonPath = '/lessons/accept-invitations/';

test.describe('search', () => {
	test('opens from the Search button and moves focus into the query field', async ({ page, search }) => {
		await page.goto(lessonPath);
		await search.open();
		await expect(search.input, 'the query field should have focus').toBeFocused();
	});

	test('opens with the / key', async ({ page, search }) => {
		await page.goto(lessonPath);
		await expect(search.opener, 'the search script should be ready').toBeVisible();
		await page.keyboard.press('/');
		await expect(search.dialog, '/ should open search').toBeVisible();
		await expect(search.input, 'the query field should have focus').toBeFocused();
		await expect(search.input, 'the / should not be typed into the field').toHaveValue('');
	});

	test('opens with Control+K', async ({ page, search }) => {
		await page.goto('/');
		await expect(search.opener, 'the search script should be ready').toBeVisible();
		await page.keyboard.press('Control+K');
		await expect(search.dialog, 'Control+K should open search').toBeVisible();
		await expect(search.input, 'the query field should have focus').toBeFocused();
	});

	for (const [query, expected] of [
		['mental health', 'Join a diverse group'],
		['commuter train', 'Take the leap and leverage your connections'],
	] as const) {
		test(`finds "${expected}" first for "${query}"`, async ({ page, search }) => {
			await page.goto('/');
			await search.open();
			await search.search(query);
			await expect(search.firstResultTitle, `the first result for "${query}"`).toHaveText(expected);
		});
	}

	test('says so when nothing matches', async ({ page, search }) => {
		await page.goto('/');
		await search.open();
		await search.search('xylophone quasar');
		await expect(search.status, 'the status should say there are no results').toContainText('No results');
		await expect(search.results.getByRole('listitem'), 'no results should be listed').toHaveCount(0);
	});

	test('filters results by kind', async ({ page, search }) => {
		const query = 'strategic network';
		await page.goto('/');
		await search.open();

		await search.search(query);
		const everything = await search.resultCount();

		const counts: Record<string, number> = {};
		for (const [kind, isLesson] of [
			['Lessons', true],
			['Pages', false],
		] as const) {
			await search.input.fill('');
			await search.dialog.getByRole('radio', { name: kind }).check();
			await search.search(query);
			counts[kind] = await search.resultCount();
			expect(counts[kind], `"${query}" should find some ${kind.toLowerCase()}`).toBeGreaterThan(0);
			const hrefs = await search.results
				.getByRole('link')
				.evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
			const wrongKind = hrefs.filter((href) => href.startsWith('/lessons/') !== isLesson);
			expect(wrongKind, `with "${kind}" chosen, only ${kind.toLowerCase()} should be listed`).toEqual([]);
		}
		expect(counts.Lessons! + counts.Pages!, 'lessons and pages together should make up every result').toBe(everything);
	});

	test('lists lesson headings as sub-results', async ({ page, search }) => {
		await page.goto('/');
		await search.open();
		await search.search('worked example');
		const firstResult = search.results.getByRole('listitem').first();
		const subResults = firstResult.getByRole('list').getByRole('link');
		await expect(subResults.first(), 'a lesson result should link to a heading within it').toHaveAttribute('href', /\/lessons\/[^#]+#/);
	});

	test('highlights the query on the page a result leads to', async ({ page, search }) => {
		await page.goto('/');
		await search.open();
		await search.search('commuter train');
		await search.firstResultTitle.click();
		await expect(page, 'the result should lead to the lesson').toHaveURL(/\/lessons\/take-the-leap\/\?highlight=/);
		await expect(page.getByRole('heading', { level: 1 }), 'the lesson should open').toHaveText(
			'Take the leap and leverage your connections',
		);
		await expect(page.locator('mark', { hasText: /commuter/i }).first(), 'the term should be marked on the page').toBeVisible();
	});

	test('a result clicked at a person’s pace (press, pause, release) opens its page', async ({ page, search }) => {
		await page.goto('/');
		await search.open();
		await search.search('commuter train');
		// Moving the focus off the query field on press must not re-render the results under the pointer.
		await search.firstResultTitle.click({ delay: 200 });
		await expect(page, 'the click reaches the link').toHaveURL(/\/lessons\/take-the-leap\/\?highlight=/);
	});

	test('closes with Escape and returns focus to the button that opened it', async ({ page, search }) => {
		await page.goto(lessonPath);
		await search.open();
		await search.search('mental health');
		await page.keyboard.press('Escape');
		await expect(search.dialog, 'Escape should close the dialog').toBeHidden();
		await expect(search.opener, 'focus should return to the Search button').toBeFocused();
	});
});
