/**
 * The newsletter from a reader's side: subscribing from a lesson with
 * JavaScript and without, by keyboard alone, confirming from the emailed
 * link, and axe on every state of the form and its pages.
 *
 * Mail: the e2e server runs without SMTP_URL, so it writes each mail as an
 * .eml file in OUTBOX_DIR, by default the `outbox` folder next to
 * DATABASE_PATH (which playwright.config.ts exports to the specs).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { colorSchemes, expect, formatViolations, test } from './test-utils';

const root = resolve(import.meta.dirname, '../..');
/** Where the server writes mail: the same default as src/server/config.ts (playwright.config.ts exports DATABASE_PATH). */
const outboxDir = resolve(root, process.env.OUTBOX_DIR ?? join(dirname(process.env.DATABASE_PATH ?? 'data/newsletter.db'), 'outbox'));
const lesson = '/lessons/accept-invitations/';
const FORM_HEADING = 'Get the Leadership Gold Blog in your inbox';

/** A fresh address per test and run, so parallel workers never share state. */
const address = (label: string) => `e2e-${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;

/** The confirmation link emailed to `email`, as a path on the test server (mail links use SITE_URL). */
async function confirmationPath(email: string): Promise<string> {
	let link: string | undefined;
	await expect
		.poll(
			() => {
				if (!existsSync(outboxDir)) return undefined;
				for (const name of readdirSync(outboxDir).filter((file) => file.endsWith('-confirm.eml'))) {
					const raw = readFileSync(join(outboxDir, name), 'utf8');
					if (!raw.includes(`To: ${email}`)) continue;
					const decoded = raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
					link = /https?:\/\/[^\s"<>]+\/newsletter\/confirm\/\?token=[A-Za-z0-9_-]{43}/.exec(decoded)?.[0];
					if (link) return link;
				}
				return undefined;
			},
			{ message: `a confirmation mail for ${email} should be written to ${outboxDir}`, timeout: 10_000 },
		)
		.toBeTruthy();
	const url = new URL(link!);
	return `${url.pathname}${url.search}`;
}

/** The lesson's sign-up form (not the compact one in the footer). */
function lessonForm(page: Page): Locator {
	return page.getByRole('form', { name: FORM_HEADING });
}

test.describe('newsletter with JavaScript', () => {
	test('subscribes from a lesson and shows the result in place, then confirms from the emailed link', async ({ page }) => {
		const email = address('js');
		await page.goto(lesson);
		const form = lessonForm(page);
		await form.getByLabel('Email address').fill(email);
		await form.getByLabel('First name (optional)').fill('Ada');
		// At once: faster than a person types, so the island itself waits out the server's minimum time.
		await form.getByRole('button', { name: 'Subscribe' }).click();
		const status = page.getByRole('status').filter({ hasText: 'Almost done: check your inbox' });
		await expect(status, 'the result replaces the form').toBeVisible({ timeout: 10_000 });
		await expect(status, 'focus moves to the result').toBeFocused();
		await expect(status, 'the result names the address the reader typed').toContainText(`If ${email} is not subscribed yet`);
		await expect(page, 'no page load happened').toHaveURL(new RegExp(`${lesson}$`));

		const confirmPath = await confirmationPath(email);
		await page.goto(confirmPath);
		await expect(page.getByRole('heading', { level: 1 }), 'opening the link only asks').toHaveText('Confirm your subscription');
		await page.reload();
		await expect(page.getByRole('heading', { level: 1 }), 'a second GET still only asks').toHaveText('Confirm your subscription');
		await page.getByRole('button', { name: 'Confirm my subscription' }).click();
		await expect(page.getByRole('heading', { level: 1 }), 'the button confirms').toHaveText('You are subscribed');
		await page.goto(confirmPath);
		await expect(page.getByRole('heading', { level: 1 }), 'the link now says so').toHaveText('You are already subscribed');
	});

	test('shows a field error next to the field, announced and linked to the input', async ({ page }) => {
		await page.goto(lesson);
		const form = lessonForm(page);
		const input = form.getByLabel('Email address');
		await input.fill('reader@@example.com');
		await form.getByRole('button', { name: 'Subscribe' }).click();
		await expect(input, 'the invalid field is marked').toHaveAttribute('aria-invalid', 'true');
		await expect(input, 'focus goes to the field to fix').toBeFocused();
		await expect(input, 'the error is part of the field description').toHaveAccessibleDescription(
			/Error: Enter an email address with exactly one @/,
		);
		await input.fill('reader@example.com');
		await expect(input, 'the error clears once the value is fixed').not.toHaveAttribute('aria-invalid', 'true');
	});

	test('works by keyboard alone', async ({ page }) => {
		const email = address('keyboard');
		await page.goto(lesson);
		const form = lessonForm(page);
		const input = form.getByLabel('Email address');
		for (let presses = 0; presses < 200 && !(await input.evaluate((element) => element === document.activeElement)); presses++) {
			await page.keyboard.press('Tab');
		}
		await expect(input, 'Tab reaches the email field').toBeFocused();
		await page.keyboard.press('Enter');
		await expect(input, 'an empty submission is refused with the focus kept on the field').toHaveAttribute('aria-invalid', 'true');
		await expect(form.getByText('Enter your email address.')).toBeVisible();
		await page.keyboard.type(email);
		await page.keyboard.press('Tab');
		await expect(form.getByLabel('First name (optional)')).toBeFocused();
		await page.keyboard.type('Kim');
		await page.keyboard.press('Tab');
		await expect(form.getByRole('button', { name: 'Subscribe' })).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page.getByRole('status').filter({ hasText: 'Almost done' }), 'the result takes the focus').toBeFocused({
			timeout: 10_000,
		});
		const confirmPath = await confirmationPath(email);
		await page.goto(confirmPath);
		for (
			let presses = 0;
			presses < 200 &&
			!(await page.getByRole('button', { name: 'Confirm my subscription' }).evaluate((element) => element === document.activeElement));
			presses++
		) {
			await page.keyboard.press('Tab');
		}
		await page.keyboard.press('Enter');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are subscribed');
	});

	test('fits a 320 px wide screen', async ({ page }) => {
		await page.setViewportSize({ width: 320, height: 640 });
		for (const path of ['/newsletter/', lesson]) {
			await page.goto(path);
			await expect(
				lessonForm(page)
					.or(page.getByRole('form', { name: FORM_HEADING }))
					.first(),
			).toBeVisible();
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
			expect(overflow, `${path} scrolls sideways by ${overflow}px at 320 px`).toBeLessThanOrEqual(0);
		}
	});
});

test.describe('newsletter without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('subscribes from a lesson with a real POST and a result page', async ({ page }) => {
		const email = address('nojs');
		await page.goto(lesson);
		const form = lessonForm(page);
		await form.getByLabel('Email address').fill(email);
		await form.getByRole('button', { name: 'Subscribe' }).click();
		await expect(page, 'POST/Redirect/GET lands on the result page').toHaveURL(/\/newsletter\/check-email\/$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your inbox');
		const confirmPath = await confirmationPath(email);
		await page.goto(confirmPath);
		await page.getByRole('button', { name: 'Confirm my subscription' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are subscribed');
	});

	test('shows the server’s field error next to the field, keeping what was typed', async ({ page }) => {
		await page.goto('/newsletter/');
		const form = page.getByRole('form', { name: FORM_HEADING });
		// The browser accepts this address; the server does not (no dot in the domain).
		await form.getByLabel('Email address').fill('reader@localhost');
		await form.getByRole('button', { name: 'Subscribe' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Error: check the form');
		const input = page.getByRole('form', { name: FORM_HEADING }).getByLabel('Email address');
		await expect(input).toHaveValue('reader@localhost');
		await expect(input).toHaveAttribute('aria-invalid', 'true');
		await expect(input).toHaveAccessibleDescription(/Error: The part after the @ must be a domain name like example\.com\./);
	});
});

test.describe('newsletter accessibility (axe, WCAG 2.2 AA)', () => {
	const resultPages = [
		'/newsletter/check-email/',
		'/newsletter/confirmed/',
		'/newsletter/unsubscribed/',
		'/newsletter/confirm/?token=not-a-real-token',
		'/newsletter/unsubscribe/?token=not-a-real-token',
	];

	async function expectNoViolations(
		makeAxeBuilder: () => { analyze: () => Promise<{ violations: Parameters<typeof formatViolations>[0] }> },
		label: string,
	) {
		const { violations } = await makeAxeBuilder().analyze();
		expect(violations, `${label}:\n${formatViolations(violations)}`).toEqual([]);
	}

	for (const colorScheme of colorSchemes) {
		test(`the lesson form with a field error, then after subscribing, in ${colorScheme}`, async ({ page, makeAxeBuilder }) => {
			test.slow();
			await page.emulateMedia({ colorScheme });
			await page.goto(lesson);
			const form = lessonForm(page);
			await form.getByRole('button', { name: 'Subscribe' }).click();
			await expect(form.getByLabel('Email address')).toHaveAttribute('aria-invalid', 'true');
			await expectNoViolations(makeAxeBuilder, `lesson form with a field error (${colorScheme})`);
			await form.getByLabel('Email address').fill(address(`axe-${colorScheme}`));
			await form.getByRole('button', { name: 'Subscribe' }).click();
			await expect(page.getByRole('status').filter({ hasText: 'Almost done' })).toBeVisible({ timeout: 10_000 });
			await expectNoViolations(makeAxeBuilder, `lesson form after subscribing (${colorScheme})`);
		});

		test(`the page a plain form post gets back with the server’s field error, in ${colorScheme}`, async ({ page, makeAxeBuilder }) => {
			await page.emulateMedia({ colorScheme });
			await page.goto('/newsletter/');
			const form = page.getByRole('form', { name: FORM_HEADING });
			await form.getByLabel('First name (optional)').fill('R2D2');
			await form.getByLabel('Email address').fill('reader@example.com');
			// form.submit() posts natively (no stamp), as a browser without JavaScript would; axe itself needs JavaScript.
			await form.evaluate((element: HTMLFormElement) => element.submit());
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Error: check the form');
			await expect(page.getByText('Use only letters, spaces')).toBeVisible();
			await expectNoViolations(makeAxeBuilder, `error page after a plain post (${colorScheme})`);
		});

		for (const path of resultPages) {
			test(`${path} in ${colorScheme}`, async ({ page, makeAxeBuilder }) => {
				await page.emulateMedia({ colorScheme });
				await page.goto(path);
				await expectNoViolations(makeAxeBuilder, `${path} (${colorScheme})`);
			});
		}
	}
});
