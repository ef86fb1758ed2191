/**
 * The network map end to end: each lesson's tool used by keyboard alone, the
 * map shared between lessons and the /network page, export and import, bad
 * input, accessibility (axe, light and dark), narrow screens, and pages
 * without JavaScript. The clock is fixed to 14 March 2026 (local time) so
 * "the last 90 days", "this quarter" and "60 days" are exact.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { colorSchemes, expect, formatViolations, test } from './test-utils';
import { networkPart, type ContactDraft, type NetworkState } from '../../src/lib/network/network';
import { addContact, addGroup, logInvitation, setOwnSector } from '../../src/lib/network/reducers';

const emptyNetwork = () => networkPart.empty();

const NOW = new Date(2026, 2, 14, 12, 0, 0);
const TODAY = '2026-03-14';
const NETWORK_KEY = 'strategic-network-course:network';

/** Each lesson's path and its tool's title. */
const lessons = [
	{ path: '/lessons/accept-invitations/', tool: 'Try it: log an invitation' },
	{ path: '/lessons/focus-on-benefits/', tool: 'Try it: map the benefits' },
	{ path: '/lessons/seek-linkages/', tool: 'Try it: the laws of probability' },
	{ path: '/lessons/take-the-leap/', tool: 'Try it: follow up the names you were given' },
	{ path: '/lessons/join-a-diverse-group/', tool: 'Try it: the mix of your network' },
	{ path: '/lessons/take-a-bold-lead/', tool: 'Try it: who makes the first move?' },
] as const;

/** A local date `days` before 14 March 2026, as YYYY-MM-DD. */
function daysAgo(days: number): string {
	const date = new Date(2026, 2, 14 - days, 12);
	return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** A network with one contact per draft, all recorded at NOW unless `at` says otherwise. */
function networkOf(drafts: (ContactDraft & { id?: string; at?: Date })[], ownSector?: string): NetworkState {
	const start = ownSector ? setOwnSector(emptyNetwork(), ownSector) : emptyNetwork();
	return drafts.reduce((state, { id, at, ...draft }, index) => addContact(state, draft, id ?? `c-${index + 1}`, at ?? NOW), start);
}

/** Stores a network map on the device before the test's first page loads it, with the clock fixed. */
async function seed(page: Page, state: NetworkState) {
	await page.clock.setFixedTime(NOW);
	await page.goto('/about/');
	await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [NETWORK_KEY, JSON.stringify(state)]);
}

/** The stored network map, as the page sees it. */
async function stored(page: Page): Promise<NetworkState | null> {
	return page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), NETWORK_KEY);
}

/** Opens a lesson, scrolls its tool into view and waits for the island to switch its controls on. */
async function openTool(page: Page, index: number): Promise<Locator> {
	await page.clock.setFixedTime(NOW);
	await page.goto(lessons[index]!.path);
	const tool = page.getByRole('region', { name: lessons[index]!.tool });
	await tool.scrollIntoViewIfNeeded();
	await expect(
		tool.locator('fieldset[data-until-ready]'),
		'the island loads when its tool scrolls into view, and switches its controls on',
	).not.toHaveAttribute('disabled');
	await expect(tool.getByText('This tool needs JavaScript'), 'the note for readers without JavaScript gives way to the tool').toHaveCount(
		0,
	);
	const result = tool.locator('[data-result]');
	if (await result.count())
		await expect(result, 'the result becomes a live region once the tool has rendered').toHaveAttribute('aria-live', 'polite');
	return tool;
}

/** Starts keyboard navigation at the tool: follows the "Try it" link in "On this page" with Enter. */
async function keyboardToTool(page: Page) {
	await page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Try it' }).focus();
	await page.keyboard.press('Enter');
}

/** Presses Tab (or Shift+Tab, `key`) until `target` has the focus (fails after `max` presses). */
async function tabTo(page: Page, target: Locator, max = 30, key: 'Tab' | 'Shift+Tab' = 'Tab') {
	for (let count = 0; count < max; count += 1) {
		if (await target.evaluate((element) => element === document.activeElement)) return;
		await page.keyboard.press(key);
	}
	throw new Error(`Tab never reached ${target}`);
}

test.describe('lesson tools by keyboard alone', () => {
	test('lesson 1 logs invitations and counts those accepted in 90 days, and from outside the own sector', async ({ page }) => {
		const tool = await openTool(page, 0);
		await keyboardToTool(page);
		await tabTo(page, tool.getByLabel('Your own sector'));
		await page.keyboard.type('Justice');
		await page.keyboard.press('Tab');
		await page.keyboard.press('Enter');
		await expect(tool.getByText('Your own sector: Justice and law.'), 'the own sector is saved and shown').toBeVisible();

		const log = async (name: string, sector: string, declined = false) => {
			await tabTo(page, tool.getByLabel('Who invited you?'));
			await page.keyboard.type(name);
			await page.keyboard.press('Tab');
			await page.keyboard.type(sector);
			await tabTo(page, tool.getByRole('radio', { name: 'I accepted' }));
			if (declined) await page.keyboard.press('ArrowDown');
			await tabTo(page, tool.getByLabel('What could you learn from them?'));
			await page.keyboard.type('How they plan ten years out.');
			await page.keyboard.press('Tab');
			await page.keyboard.type('How courts schedule hearings.');
			await tabTo(page, tool.getByRole('button', { name: 'Log invitation' }));
			await page.keyboard.press('Enter');
		};
		await log('Priya N.', 'Health');
		await expect(tool.getByRole('status').filter({ hasText: 'Logged.' }), 'the log is confirmed next to the form').toHaveText(
			'Logged. Priya N. is now in your network map.',
		);
		await expect(tool.getByLabel('Who invited you?'), 'the focus returns to the first field for the next one').toBeFocused();
		await log('Jo', 'Justice');
		await log('Tom', 'Finance', true);
		await expect(tool.locator('.tool-result'), 'two accepted, one from outside the reader’s sector').toHaveText(
			'Accepted in the last 90 days: 2. From outside your own sector: 1.',
		);
		await expect(tool.getByRole('listitem').first(), 'the latest invitation is listed first').toContainText('Tom (Finance), declined');
		const state = await stored(page);
		expect(
			state?.contacts.map((contact) => [contact.name, contact.started, contact.initiatedBy]),
			'accepting created contacts who invited the reader',
		).toEqual([
			['Priya N.', 'invitation', 'them'],
			['Jo', 'invitation', 'them'],
		]);
	});

	test('lesson 2 records benefits each way and shows which of the five the network covers', async ({ page }) => {
		await seed(
			page,
			networkOf([
				{ name: 'Priya', started: 'invitation', initiatedBy: 'them' },
				{ name: 'Sam', started: 'reached-out', initiatedBy: 'me' },
			]),
		);
		const tool = await openTool(page, 1);
		await expect(tool.locator('.tool-result'), 'nothing is covered yet').toContainText('Your network covers 0 of the 5 benefits.');
		await keyboardToTool(page);
		await tabTo(page, tool.getByLabel('Contact'));
		await page.keyboard.type('Sam');
		await tabTo(
			page,
			tool.getByRole('group', { name: 'What could flow to you from them' }).getByRole('checkbox', { name: 'Spot emerging trends' }),
		);
		await page.keyboard.press('Space');
		await tabTo(
			page,
			tool
				.getByRole('group', { name: 'What you could offer them' })
				.getByRole('checkbox', { name: 'Learn from how others faced challenges' }),
		);
		await page.keyboard.press('Space');
		await tabTo(page, tool.getByRole('button', { name: 'Save benefits' }));
		await page.keyboard.press('Enter');
		await expect(tool.getByRole('status'), 'saving is confirmed').toHaveText('Saved the benefits for Sam.');
		await expect(tool.locator('.tool-result'), 'two of five covered, three named as lacking').toHaveText(
			'Your network covers 2 of the 5 benefits.Not covered yet: Get input for a strategic direction; Innovate with fresh ways of doing things; Repurpose what others have done to bring about something new.',
		);
		await expect(tool.getByRole('row', { name: /Spot emerging trends/ }), 'the table counts each direction').toHaveText(
			'Spot emerging trends10',
		);
	});

	test('lesson 3 computes 1 − (1 − p)^n from the sliders, clamps typed values and marks the outreach this quarter', async ({ page }) => {
		const earlier = new Date(2025, 11, 20, 12);
		await seed(
			page,
			networkOf([
				{ name: 'A', started: 'reached-out', initiatedBy: 'me' },
				{ name: 'B', started: 'group', initiatedBy: 'me' },
				{ name: 'C', started: 'reached-out', initiatedBy: 'me' },
				{ name: 'D', started: 'invitation', initiatedBy: 'them' },
				{ name: 'E', started: 'reached-out', initiatedBy: 'me', at: earlier },
			]),
		);
		const tool = await openTool(page, 2);
		const chance = tool.locator('[data-chance]');
		await expect(chance, 'the starting case: p 10%, n 20').toHaveText('88%');
		await expect(
			tool.getByText('Your outreach this quarter: 3'),
			'three people reached this quarter (one last quarter, one who invited the reader)',
		).toBeVisible();

		await keyboardToTool(page);
		await tabTo(page, tool.getByRole('slider', { name: /Chance that one new relationship/ }));
		await page.keyboard.press('End');
		await expect(tool.getByLabel('p as a number (%)'), 'the number follows the slider').toHaveValue('50');
		await page.keyboard.press('Home');
		for (let step = 0; step < 4; step += 1) await page.keyboard.press('ArrowRight');
		await expect(tool.getByLabel('p as a number (%)'), 'arrow keys step by 1%').toHaveValue('5');
		await tabTo(page, tool.getByRole('slider', { name: 'People you reach out to (n)' }));
		await page.keyboard.press('ArrowLeft');
		await expect(chance, '1 − 0.95^19 = 62%').toHaveText('62%');

		await tabTo(page, tool.getByLabel('n as a number'));
		await page.keyboard.press('Control+A');
		await page.keyboard.type('900');
		await page.keyboard.press('Tab');
		await expect(tool.getByLabel('n as a number'), 'n is clamped to 100').toHaveValue('100');
		await expect(tool.getByRole('slider', { name: 'People you reach out to (n)' }), 'the slider follows').toHaveValue('100');
		await expect(tool.getByText('Set to 100: the tool shows 0 to 100.'), 'the reader is told about the clamp').toBeVisible();
		await expect(chance, '1 − 0.95^100 = 99%').toHaveText('99%');

		await tabTo(page, tool.getByLabel('p as a number (%)'), 10, 'Shift+Tab');
		await page.keyboard.press('Control+A');
		await page.keyboard.type('0');
		await page.keyboard.press('Tab');
		await expect(tool.getByLabel('p as a number (%)'), 'p is clamped to 1%').toHaveValue('1');
		await expect(tool.getByText('Set to 1%: the tool shows 1% to 50%.'), 'the reader is told about the clamp').toBeVisible();

		await tabTo(page, tool.getByRole('button', { name: 'Use my outreach count' }), 40);
		await page.keyboard.press('Enter');
		await expect(tool.getByLabel('n as a number'), 'n becomes the outreach this quarter').toHaveValue('3');
		await expect(chance, '1 − 0.99^3 = 3%').toHaveText('3%');
		await expect(tool.locator('[data-live]'), 'the result is announced once the reader pauses').toHaveText(
			'Reaching 3 people at 1% each, the chance that at least one offers formidable value is 3%.',
		);
		await expect(tool.locator('[data-mine-label]'), 'the curve marks the outreach this quarter').toHaveText('You: 3');
	});

	test('lesson 4 turns referred names into pending follow-ups, oldest first, and marks them followed up', async ({ page }) => {
		await seed(
			page,
			networkOf([
				{ id: 'c-priya', name: 'Priya', started: 'invitation', initiatedBy: 'them' },
				{
					name: 'Older referral',
					started: 'introduced',
					introducedById: 'c-priya',
					initiatedBy: 'me',
					followUp: 'pending',
					at: new Date(2026, 1, 1, 12),
				},
			]),
		);
		const tool = await openTool(page, 3);
		await keyboardToTool(page);
		await tabTo(page, tool.getByLabel('Who referred you?'));
		await page.keyboard.type('Priya');
		await page.keyboard.press('Tab');
		await page.keyboard.type('Ann');
		await page.keyboard.press('Tab');
		await page.keyboard.type('Ben');
		await page.keyboard.press('Tab');
		await page.keyboard.type('Cal');
		await page.keyboard.press('Tab');
		await page.keyboard.press('Enter');
		await expect(tool.getByRole('status').first(), 'the names are confirmed').toHaveText('Added 3 to follow up, introduced by Priya.');
		await expect(tool.locator('.tool-result'), 'four follow-ups are pending').toHaveText('Pending follow-ups: 4.');
		const items = tool.locator('ol[data-list] > li');
		await expect(items, 'oldest first, then by name').toHaveText([
			/^Older referral, introduced by Priya/,
			/^Ann, introduced by Priya/,
			/^Ben, introduced by Priya/,
			/^Cal, introduced by Priya/,
		]);
		await tabTo(page, tool.getByRole('button', { name: 'Mark followed up: Older referral' }));
		await page.keyboard.press('Enter');
		await expect(tool.locator('.tool-result'), 'one fewer pending').toHaveText('Pending follow-ups: 3.');
		await expect(tool.getByRole('button', { name: 'Mark followed up: Ann' }), 'the focus moves to the next follow-up').toBeFocused();
		const state = await stored(page);
		expect(
			state?.contacts.find((contact) => contact.name === 'Older referral'),
			'followed up today',
		).toMatchObject({ followUp: 'done', lastContact: TODAY });
		expect(
			state?.contacts.find((contact) => contact.name === 'Ann'),
			'introduced by Priya, pending',
		).toMatchObject({ started: 'introduced', introducedById: 'c-priya', followUp: 'pending', initiatedBy: 'me' });
	});

	test('lesson 4 asks before adding a name the map already has: Cancel keeps the form, Add anyway saves', async ({ page }) => {
		await seed(
			page,
			networkOf([
				{ id: 'c-priya', name: 'Priya', started: 'invitation', initiatedBy: 'them' },
				{ name: 'Ann', started: 'reached-out', initiatedBy: 'me' },
			]),
		);
		const tool = await openTool(page, 3);
		await tool.getByLabel('Who referred you?').selectOption({ label: 'Priya' });
		await tool.getByLabel('Name 1', { exact: true }).fill('Ann');
		await tool.getByRole('button', { name: 'Add names' }).click();
		const ask = tool.getByRole('group', { name: 'Already in your map (or given twice): Ann. Add anyway?' });
		await expect(ask, 'the duplicate is a question, and nothing is saved yet').toBeVisible();
		await expect(ask.getByRole('button', { name: 'Add anyway' }), 'the answer has the focus').toBeFocused();
		expect((await stored(page))?.contacts.filter((contact) => contact.name === 'Ann')).toHaveLength(1);

		await ask.getByRole('button', { name: 'Cancel' }).click();
		await expect(ask, 'Cancel withdraws the question').toBeHidden();
		await expect(tool.getByLabel('Name 1', { exact: true }), 'the name stays, with the focus, to be corrected').toBeFocused();
		await expect(tool.getByLabel('Name 1', { exact: true })).toHaveValue('Ann');

		await tool.getByRole('button', { name: 'Add names' }).click();
		await ask.getByRole('button', { name: 'Add anyway' }).click();
		await expect(tool.getByRole('status').first()).toHaveText('Added 1 to follow up, introduced by Priya.');
		await expect(ask).toBeHidden();
		expect(
			(await stored(page))?.contacts.filter((contact) => contact.name === 'Ann'),
			'a second Ann, introduced by Priya',
		).toHaveLength(2);
	});

	test('lesson 5 shows the sector mix, the diversity index and the birds-of-a-feather warning, and records a group', async ({ page }) => {
		await seed(
			page,
			networkOf(
				[
					{ name: 'A', sector: 'justice', started: 'reached-out', initiatedBy: 'me' },
					{ name: 'B', sector: 'justice', started: 'reached-out', initiatedBy: 'me' },
					{ name: 'C', sector: 'justice', started: 'reached-out', initiatedBy: 'me' },
					{ name: 'D', sector: 'health', started: 'reached-out', initiatedBy: 'me' },
				],
				'justice',
			),
		);
		const tool = await openTool(page, 4);
		await expect(tool.getByRole('img', { name: /Contacts by sector/ }), 'the chart names its numbers').toHaveAccessibleName(
			'Contacts by sector: Justice and law 3, Health 1.',
		);
		await expect(tool.locator('.tool-result'), 'index 1 − (0.75² + 0.25²) = 0.375, low').toContainText('Diversity index: 0.38 (low).');
		await expect(tool.locator('.tool-result .warning'), 'most contacts share the reader’s sector').toContainText(
			'birds of a feather. 3 of your 4 contacts with a sector (75%) are in your own sector, Justice and law.',
		);
		await keyboardToTool(page);
		await tabTo(page, tool.getByText('Show the numbers as a table'));
		await page.keyboard.press('Enter');
		await expect(tool.getByRole('table', { name: 'Sector mix' }).getByRole('row'), 'the table has the same numbers').toHaveText([
			'SectorContactsShare',
			'Justice and law375%',
			'Health125%',
		]);

		await tabTo(page, tool.getByLabel('Group name'));
		await page.keyboard.type('Mental health working group');
		await page.keyboard.press('Tab');
		await page.keyboard.type('7');
		await page.keyboard.press('Tab');
		await page.keyboard.type('5');
		await tabTo(page, tool.getByRole('button', { name: 'Record group' }));
		await page.keyboard.press('Enter');
		await expect(tool.getByRole('status').filter({ hasText: 'Recorded' }), 'the group is confirmed').toHaveText(
			'Recorded Mental health working group: 5 of 7 members were new to you.',
		);
		await expect(tool.getByRole('listitem').filter({ hasText: 'Mental health working group' }), 'the group is listed').toHaveText(
			'Mental health working group: 5 of 7 members were new to you.',
		);
	});

	test('lesson 6 shows the share of first moves by month and lists contacts due a call from 60 days', async ({ page }) => {
		await seed(
			page,
			networkOf([
				{ name: 'Mia', started: 'reached-out', initiatedBy: 'me', lastContact: TODAY },
				{ name: 'Noor', started: 'reached-out', initiatedBy: 'me', lastContact: TODAY },
				{ name: 'Otto', started: 'invitation', initiatedBy: 'them', lastContact: TODAY },
				{ name: 'Exactly sixty', started: 'invitation', initiatedBy: 'them', lastContact: daysAgo(60), at: new Date(2025, 10, 2, 12) },
				{ name: 'Fifty-nine', started: 'reached-out', initiatedBy: 'me', lastContact: daysAgo(59), at: new Date(2025, 10, 2, 12) },
				{ name: 'Long ago', started: 'reached-out', initiatedBy: 'me', lastContact: daysAgo(200), at: new Date(2025, 6, 2, 12) },
			]),
		);
		const tool = await openTool(page, 5);
		await expect(tool.locator('.tool-result'), 'four of six first moves are the reader’s').toHaveText(
			'Overall, you made the first move with 4 of your 6 contacts (67%).',
		);
		await keyboardToTool(page);
		await tabTo(page, tool.getByText('Show the numbers as a table'));
		await page.keyboard.press('Enter');
		const rows = tool.getByRole('table').getByRole('row');
		await expect(rows, 'six months, the month header first').toHaveCount(7);
		await expect(rows.nth(6), 'March: 2 by the reader, 1 by them').toHaveText(/^Mar 2026\s*2\s*1\s*67%$/);
		await expect(rows.nth(2), 'November: one each way').toHaveText(/^Nov 2025\s*1\s*1\s*50%$/);
		await expect(rows.nth(1), 'October: none').toHaveText(/^Oct 2025\s*0\s*0\s*–$/);

		const due = tool.locator('ol[data-list] > li');
		await expect(due, 'exactly 60 days is due, 59 is not; the longest silence first').toHaveText([
			/^Long ago: last in touch .* \(200 days ago\)/,
			/^Exactly sixty: last in touch .* \(60 days ago\)/,
		]);
		await tabTo(page, tool.getByRole('button', { name: 'Record contact today: Long ago' }));
		await page.keyboard.press('Enter');
		await expect(tool.getByRole('status'), 'the contact is recorded').toHaveText(
			'Recorded contact with Long ago today. Still to reach out to: 1.',
		);
		await expect(
			tool.getByRole('button', { name: 'Record contact today: Exactly sixty' }),
			'the focus moves to the next one',
		).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(tool.getByText('Nobody is waiting'), 'the list is done').toBeVisible();
	});
});

test.describe('one map shared by every lesson and the /network page', () => {
	test('a contact added in lesson 1 appears in lesson 5’s chart and on /network; deleting it updates everything, and undo restores it', async ({
		page,
	}) => {
		const tool = await openTool(page, 0);
		await tool.getByLabel('Who invited you?').fill('Rosa Ruiz');
		await tool.getByLabel('Their sector').selectOption({ label: 'Arts and culture' });
		await tool.getByRole('button', { name: 'Log invitation' }).click();
		await expect(tool.getByRole('status').first()).toHaveText('Logged. Rosa Ruiz is now in your network map.');

		const diversity = await openTool(page, 4);
		await expect(diversity.getByRole('img', { name: /Contacts by sector/ }), 'lesson 5 charts the new contact').toHaveAccessibleName(
			'Contacts by sector: Arts and culture 1.',
		);

		await page.goto('/network/');
		const contacts = page.getByRole('region', { name: 'Contacts' });
		await expect(contacts.getByRole('heading', { name: 'Rosa Ruiz' }), '/network lists the contact').toBeVisible();
		await expect(contacts.getByRole('listitem').filter({ hasText: 'Rosa Ruiz' }).first(), 'with how it started').toContainText(
			'How it started: Accepted their invitation',
		);
		await expect(page.locator('[data-summary="initiative"]'), 'the summaries count it').toContainText('with 0 of your 1 contacts');

		await contacts.getByRole('button', { name: 'Delete Rosa Ruiz' }).click();
		await expect(contacts.getByRole('button', { name: 'Undo' }), 'undo is offered and focused').toBeFocused();
		await expect(contacts.getByRole('heading', { name: 'Rosa Ruiz' }), 'the contact is gone').toHaveCount(0);
		await expect(page.locator('[data-summary="initiative"]'), 'the summaries update').toHaveText(/^No contacts yet/);
		await page.keyboard.press('Enter');
		await expect(contacts.getByRole('heading', { name: 'Rosa Ruiz' }), 'undo brings the contact back').toBeVisible();
		await expect(contacts.getByRole('button', { name: 'Edit Rosa Ruiz' }), 'and the focus with it').toBeFocused();

		await contacts.getByRole('button', { name: 'Delete Rosa Ruiz' }).click();
		await expect(contacts.getByText('Deleted Rosa Ruiz.'), 'the deletion is confirmed next to the list').toBeVisible();
		const after = await openTool(page, 4);
		await expect(after.getByText('No contacts with a sector yet.'), 'lesson 5’s chart no longer has the contact').toBeVisible();
		const invitations = await openTool(page, 0);
		await expect(invitations.locator('.tool-result'), 'the invitation itself stays logged (history), unlinked').toContainText(
			'Accepted in the last 90 days: 1.',
		);
	});

	test('/network adds, filters, edits and deletes contacts', async ({ page }) => {
		await seed(
			page,
			addGroup(
				networkOf([
					{ id: 'c-priya', name: 'Priya', sector: 'health', started: 'invitation', initiatedBy: 'them' },
					{ name: 'Sam', sector: 'justice', started: 'reached-out', initiatedBy: 'me' },
				]),
				{ name: 'Board', joined: TODAY, members: 5, newMembers: 2 },
				'g-board',
				NOW,
			),
		);
		await page.goto('/network/');
		await expect(page.locator('[data-overview]'), 'the overview replaces the note for readers without JavaScript').toHaveText(
			'On this device: 2 contacts, 1 group.',
		);
		const form = page.getByRole('region', { name: 'Add a contact' });
		await form.getByLabel('Name or initials').fill('Lee');
		await form.getByLabel('How the connection started').selectOption('introduced');
		await form.getByLabel('Who introduced you?').selectOption({ label: 'Priya' });
		await form.getByLabel('Last in touch').fill('2026-03-01');
		await form.getByRole('button', { name: 'Add contact' }).click();
		await expect(form.getByRole('status'), 'the contact is added').toHaveText('Added Lee to your network map.');

		const contacts = page.getByRole('region', { name: 'Contacts' });
		const cards = contacts.locator('.contacts > li');
		await expect(contacts.getByText('Showing 3 of 3 contacts.')).toBeVisible();
		await expect(cards.filter({ hasText: 'Lee' }), 'who introduced them is shown').toContainText('How it started: Introduced by Priya');
		await contacts.getByLabel('Filter by sector').selectOption({ label: 'Health' });
		await expect(cards, 'the sector filter keeps Priya').toHaveCount(1);
		await contacts.getByLabel('Filter by sector').selectOption({ label: 'All' });
		await contacts.getByLabel('Filter by how it started').selectOption({ label: 'Introduced by someone' });
		await expect(cards.getByRole('heading'), 'the start filter keeps Lee').toHaveText(['Lee']);
		await contacts.getByLabel('Filter by how it started').selectOption({ label: 'All' });
		await contacts.getByLabel('Search by name').fill('sa');
		await expect(cards.getByRole('heading'), 'the search keeps Sam').toHaveText(['Sam']);
		await expect(contacts.getByText('Showing 1 of 3 contacts.')).toBeVisible();
		await contacts.getByLabel('Search by name').fill('');

		await contacts.getByRole('button', { name: 'Edit Sam' }).click();
		const editing = page.getByRole('region', { name: 'Edit Sam' });
		await expect(editing.getByLabel('Name or initials'), 'the form holds Sam, focused').toBeFocused();
		await expect(editing.getByLabel('Name or initials')).toHaveValue('Sam');
		await editing.getByLabel('Name or initials').fill('Samira');
		await editing.getByRole('radio', { name: 'Them' }).check();
		await editing.getByRole('button', { name: 'Save changes' }).click();
		await expect(page.getByRole('region', { name: 'Add a contact' }).getByRole('status'), 'the change is confirmed').toHaveText(
			'Saved the changes to Samira.',
		);
		await expect(cards.filter({ hasText: 'Samira' }), 'the card shows the change').toContainText('First move: Them');
		await expect(contacts.getByRole('button', { name: 'Edit Samira' }), 'the focus returns to the edited contact').toBeFocused();

		await contacts.getByRole('button', { name: 'Delete Priya' }).click();
		await expect(cards, 'Priya is deleted').toHaveCount(2);
		await expect(cards.filter({ hasText: 'Lee' }), 'Lee keeps the name of who introduced them').toContainText('Introduced by Priya');
		await expect(page.getByRole('region', { name: 'Groups joined' }).getByRole('listitem'), 'the groups joined are listed').toHaveText([
			/^Board: 2 of 5 members were new to you\./,
		]);
	});

	test('the network is part of the data export, and importing the file restores it', async ({ page }) => {
		await seed(
			page,
			logInvitation(
				networkOf([{ name: 'Priya', sector: 'health', started: 'invitation', initiatedBy: 'them' }], 'justice'),
				{ from: 'Tom', response: 'declined', date: TODAY },
				{ invitation: 'i-tom', newContactId: 'c-x' },
				NOW,
			),
		);
		await page.goto('/data/');
		await expect(page.locator('[data-field="network"]'), 'the data page summarises the network').toHaveText(
			'1 contact, 1 invitation logged',
		);
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download my data' }).click()]);
		const path = await download.path();
		const file = JSON.parse(await readFile(path, 'utf8'));
		expect(
			file.data.network.contacts.map((contact: { name: string }) => contact.name),
			'the export holds the contacts',
		).toEqual(['Priya']);
		expect(file.data.network.ownSector, 'and the own sector').toBe('justice');

		await page.getByRole('button', { name: 'Erase all my data' }).click();
		await page.getByRole('button', { name: 'Erase everything' }).click();
		await expect(page.locator('[data-field="network"]'), 'erasing empties the network').toHaveText('None yet');
		expect(await stored(page), 'nothing is stored').toBeNull();

		await page.getByLabel('Choose a file exported from this course').setInputFiles(path);
		await page.getByRole('button', { name: 'Replace my data' }).click();
		await expect(page.getByText('Your data was imported.'), 'the import is confirmed').toBeVisible();
		await page.goto('/network/');
		await expect(
			page.getByRole('region', { name: 'Contacts' }).getByRole('heading', { name: 'Priya' }),
			'the imported contact is back',
		).toBeVisible();
		await expect(page.getByRole('region', { name: 'Invitations logged' }), 'and the invitation').toContainText(
			'Tom (Not recorded), declined',
		);
	});
});

test.describe('bad input shows an inline message and changes nothing', () => {
	test('lesson 1: an empty name, 101 characters and an impossible date', async ({ page }) => {
		const tool = await openTool(page, 0);
		const name = tool.getByLabel('Who invited you?');
		const submit = tool.getByRole('button', { name: 'Log invitation' });

		await submit.click();
		await expect(name, 'the empty name is marked and focused').toBeFocused();
		await expect(name).toHaveAttribute('aria-invalid', 'true');
		await expect(name, 'its message is its description').toHaveAccessibleDescription(/Error: enter a name or initials\./);
		await expect(tool.getByText('Nothing was saved. Correct the fields marked Error.')).toBeVisible();

		await name.fill('x'.repeat(101));
		await submit.click();
		await expect(tool.getByText('Error: use at most 100 characters (this has 101).'), 'over 100 characters').toBeVisible();

		await name.fill('Priya');
		const date = tool.getByLabel('Date of the invitation');
		await date.focus();
		await page.keyboard.type('02302026');
		await submit.click();
		await expect(tool.getByText('Error: enter a date that exists, with its day, month and year.'), 'an impossible date').toBeVisible();
		await expect(date).toBeFocused();
		expect(await stored(page), 'nothing was saved').toBeNull();
		await expect(tool.locator('.tool-result'), 'the result is unchanged').toHaveText(/^No invitations accepted/);
	});

	test('lesson 1: an accepted invitation from a known name asks whether it is the same person', async ({ page }) => {
		await seed(page, networkOf([{ id: 'c-priya', name: 'Priya', started: 'reached-out', initiatedBy: 'me', lastContact: '2026-01-01' }]));
		const tool = await openTool(page, 0);
		await tool.getByLabel('Who invited you?').fill('priya');
		await tool.getByRole('button', { name: 'Log invitation' }).click();
		const ask = tool.getByRole('group', { name: 'You already have a contact called Priya. Is this invitation from the same person?' });
		await expect(ask.getByRole('button', { name: 'Yes, the same person' }), 'the question takes the focus').toBeFocused();
		expect((await stored(page))?.invitations, 'nothing is saved while asking').toEqual([]);
		await page.keyboard.press('Enter');
		await expect(tool.getByRole('status').first()).toHaveText('Logged, and linked to Priya, already in your network map.');
		const state = await stored(page);
		expect(state?.contacts, 'no second Priya').toHaveLength(1);
		expect(state?.contacts[0]?.lastContact, 'last contact moves up to the invitation').toBe(TODAY);
	});

	test('/network: a duplicate name asks "Add anyway?", and an impossible date is refused', async ({ page }) => {
		await seed(page, networkOf([{ name: 'Sam', started: 'reached-out', initiatedBy: 'me' }]));
		await page.goto('/network/');
		const form = page.getByRole('region', { name: 'Add a contact' });
		await form.getByLabel('Name or initials').fill('  sam ');
		await form.getByRole('button', { name: 'Add contact' }).click();
		const ask = form.getByRole('group', { name: 'You already have a contact called Sam. Add anyway?' });
		await expect(ask, 'the duplicate is a question').toBeVisible();
		expect((await stored(page))?.contacts, 'nothing added yet').toHaveLength(1);
		await ask.getByRole('button', { name: 'Cancel' }).click();
		await expect(ask).toBeHidden();
		expect((await stored(page))?.contacts, 'cancel adds nothing').toHaveLength(1);

		await form.getByLabel('Name or initials').fill('Sam Lee');
		await form.getByLabel('Last in touch').focus();
		await page.keyboard.type('02302026');
		await form.getByRole('button', { name: 'Add contact' }).click();
		await expect(form.getByLabel('Last in touch'), 'the impossible date is marked').toHaveAttribute('aria-invalid', 'true');
		await expect(form.getByText('Error: enter a date that exists, with its day, month and year.')).toBeVisible();
		await form.getByLabel('Last in touch').fill('2026-03-20');
		await form.getByRole('button', { name: 'Add contact' }).click();
		await expect(form.getByText('Error: the date cannot be in the future.'), 'a future date').toBeVisible();
		expect((await stored(page))?.contacts, 'still nothing added').toHaveLength(1);

		await form.getByLabel('Last in touch').fill('');
		await form.getByLabel('Name or initials').fill('sam');
		await form.getByRole('button', { name: 'Add contact' }).click();
		await form.getByRole('button', { name: 'Add anyway' }).click();
		await expect(form.getByRole('status')).toHaveText('Added sam to your network map.');
		expect((await stored(page))?.contacts, 'added once confirmed').toHaveLength(2);
	});

	test('lesson 5: more new members than members is refused', async ({ page }) => {
		const tool = await openTool(page, 4);
		await tool.getByLabel('Group name').fill('Board');
		await tool.getByLabel('How many members (not counting you)?').fill('7');
		await tool.getByLabel('How many of them were new to you?').fill('8');
		await tool.getByRole('button', { name: 'Record group' }).click();
		await expect(tool.getByText('Error: this cannot be more than the number of members.')).toBeVisible();
		expect(await stored(page), 'nothing was saved').toBeNull();
	});
});

test.describe('loading, accessibility and fallbacks', () => {
	test('each island’s code loads only when its tool scrolls into view', async ({ page }) => {
		const scripts: string[] = [];
		page.on('request', (request) => {
			if (request.resourceType() === 'script') scripts.push(request.url());
		});
		await page.goto(lessons[0].path);
		await page.waitForLoadState('networkidle');
		expect(
			scripts.filter((url) => /(invitations|benefits|probability|referrals|diversity|initiative)-tool|tool-kit/.test(url)),
			'no tool code at page load',
		).toEqual([]);
		const region = page.getByRole('region', { name: lessons[0].tool });
		await expect(region.getByText('Loading the tool…'), 'with scripts running, the tool says it is loading').toHaveCount(1);
		await expect(region.getByText('This tool needs JavaScript'), 'not that it needs JavaScript').toHaveCount(0);
		await openTool(page, 0);
		expect(
			scripts.some((url) => /invitations-tool/.test(url)),
			'lesson 1’s island loaded on scroll',
		).toBe(true);
		expect(
			scripts.some((url) => /diversity-tool/.test(url)),
			'other lessons’ islands did not',
		).toBe(false);
	});

	const rich = () =>
		logInvitation(
			addGroup(
				networkOf(
					[
						{
							id: 'c-priya',
							name: 'Priya',
							sector: 'health',
							started: 'invitation',
							initiatedBy: 'them',
							benefitsToMe: ['trends'],
							lastContact: daysAgo(70),
						},
						{ name: 'Sam', sector: 'justice', started: 'introduced', introducedById: 'c-priya', initiatedBy: 'me', followUp: 'pending' },
						{ name: 'Ana', sector: 'Retail', field: 'Operations', started: 'group', initiatedBy: 'me', notes: 'Met at the kick-off.' },
					],
					'justice',
				),
				{ name: 'Mental health working group', joined: TODAY, members: 7, newMembers: 5 },
				'g-1',
				NOW,
			),
			{ from: 'Tom', response: 'declined', date: TODAY },
			{ invitation: 'i-tom', newContactId: 'c-x' },
			NOW,
		);

	for (const scheme of colorSchemes) {
		for (const [index, lesson] of lessons.entries()) {
			test(`axe finds nothing on ${lesson.path} with its tool rendered (${scheme})`, async ({ page, makeAxeBuilder }) => {
				await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
				await seed(page, rich());
				const tool = await openTool(page, index);
				const details = tool.locator('details');
				if (await details.count()) await details.first().locator('summary').click();
				const { violations } = await makeAxeBuilder().analyze();
				expect(violations, formatViolations(violations)).toEqual([]);
			});
		}
		test(`axe finds nothing on /network (${scheme})`, async ({ page, makeAxeBuilder }) => {
			await page.emulateMedia({ colorScheme: scheme });
			await seed(page, rich());
			await page.goto('/network/');
			await expect(page.getByRole('region', { name: 'Contacts' }).getByRole('heading', { name: 'Ana' })).toBeVisible();
			await page.getByRole('region', { name: 'Add a contact' }).getByRole('button', { name: 'Add contact' }).click();
			await expect(page.getByText('Nothing was saved. Correct the fields marked Error.'), 'errors are shown too').toBeVisible();
			const { violations } = await makeAxeBuilder().analyze();
			expect(violations, formatViolations(violations)).toEqual([]);
		});
	}

	test('at 320 px wide no page scrolls sideways, tools and /network included, and the site header keeps its layout', async ({ page }) => {
		await page.setViewportSize({ width: 320, height: 640 });
		await seed(page, rich());
		// /about/ has no network tool: its header is the reference the tools' styles must leave alone.
		const header = page.getByRole('banner');
		const headerHeight = (await header.boundingBox())!.height;
		for (const index of lessons.keys()) {
			const tool = await openTool(page, index);
			const details = tool.locator('details');
			if (await details.count()) await details.first().locator('summary').click();
			expect(await page.evaluate(() => document.documentElement.scrollWidth), `${lessons[index]!.path} fits`).toBeLessThanOrEqual(320);
			expect((await header.boundingBox())!.height, `the header of ${lessons[index]!.path} is laid out as elsewhere`).toBe(headerHeight);
		}
		await page.goto('/network/');
		await expect(page.getByRole('region', { name: 'Contacts' }).getByRole('heading', { name: 'Ana' })).toBeVisible();
		expect(await page.evaluate(() => document.documentElement.scrollWidth), '/network fits').toBeLessThanOrEqual(320);
		expect((await header.boundingBox())!.height, 'the header of /network is laid out as elsewhere').toBe(headerHeight);
	});

	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false });

		for (const lesson of lessons) {
			test(`${lesson.path} explains its tool and that it needs JavaScript`, async ({ page }) => {
				await page.goto(lesson.path);
				const tool = page.getByRole('region', { name: lesson.tool });
				await expect(tool.getByRole('paragraph').first(), 'what the tool does').toBeVisible();
				await expect(
					tool.getByText('This tool needs JavaScript. Everything else in the lesson works without it.'),
					'that it needs JavaScript',
				).toBeVisible();
				await expect(tool.getByText('Loading the tool…'), 'and not that it is loading').toBeHidden();
				await expect(tool.locator('fieldset[data-until-ready]'), 'its controls stay off').toHaveAttribute('disabled');
			});
		}

		test('/network says the map needs JavaScript', async ({ page }) => {
			await page.goto('/network/');
			await expect(page.getByText('Your network map needs JavaScript'), 'the note is where the overview goes').toBeVisible();
			await expect(page.getByText('Loading your network map…'), 'not that it is loading').toBeHidden();
			await expect(page.getByRole('button', { name: 'Add contact' }), 'the controls stay off').toBeDisabled();
		});
	});
});
