/**
 * What the production server adds around the adapter (scripts/serve.mjs):
 * compressed responses, and the security headers on static pages too, with a
 * Content-Security-Policy that nothing on the site breaks.
 */
import type { Page } from '@playwright/test';
import { allPaths, expect, notFoundPath, sitemapPaths, test } from './test-utils';

/** Records every CSP violation the page reports, from before its first script runs. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { cspViolations: string[] }).cspViolations = seen;
		document.addEventListener('securitypolicyviolation', (event) =>
			seen.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`),
		);
	});
	return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

test.describe('production server', () => {
	for (const path of sitemapPaths) {
		test(`${path} is compressed and carries the security headers`, async ({ request }) => {
			const response = await request.get(path, { headers: { 'accept-encoding': 'br, gzip' } });
			expect(response.status()).toBe(200);
			const headers = response.headers();
			expect(['br', 'gzip'], 'the page is sent compressed').toContain(headers['content-encoding']);
			expect(headers['x-content-type-options']).toBe('nosniff');
			expect(headers['x-frame-options']).toBe('DENY');
			expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
			const csp = headers['content-security-policy'] ?? '';
			expect(csp, 'scripts only from the site and the page’s own inline blocks').toMatch(
				/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')+(;|$)/,
			);
			expect(csp).toContain("frame-ancestors 'none'");
			expect(csp).toContain("object-src 'none'");
		});
	}

	test('the 404 page has its policy too, and a client that asks for no compression gets none', async ({ request }) => {
		const missing = await request.get(notFoundPath);
		expect(missing.status()).toBe(404);
		expect(missing.headers()['content-security-policy']).toContain("script-src 'self'");
		const plain = await request.get('/', { headers: { 'accept-encoding': 'identity' } });
		expect(plain.headers()['content-encoding']).toBeUndefined();
		expect(await plain.text()).toContain('<html');
	});

	test('a form post is answered uncompressed, with the on-demand routes’ own policy', async ({ request, baseURL }) => {
		const response = await request.post('/api/newsletter/subscribe', {
			headers: { 'accept-encoding': 'br, gzip', accept: 'application/json', origin: baseURL! },
			form: { email: '' },
		});
		expect(response.status(), 'an empty address is refused').toBe(422);
		expect(response.headers()['content-encoding']).toBeUndefined();
		expect(response.headers()['content-security-policy']).toContain("default-src 'self'");
		expect(response.headers()['cache-control']).toBe('no-store');
		expect(response.headers()['x-content-type-options']).toBe('nosniff');
	});

	for (const path of allPaths) {
		test(`${path}: nothing on the page breaks its Content-Security-Policy`, async ({ page }) => {
			const violations = await watchViolations(page);
			await page.goto(path);
			// Load-time scripts have all run by the load event; islands that load near the viewport
			// (the lesson tools, the network manager) run once shown, and switch their controls on when ready.
			for (const controls of await page.locator('fieldset[data-until-ready]').all()) {
				await controls.scrollIntoViewIfNeeded();
				await expect(controls, 'the island loaded and ran').not.toHaveAttribute('disabled');
			}
			expect(await violations(), 'no violation while the page and its islands ran').toEqual([]);
		});
	}

	test('search, its highlighting and a lesson tool run under the policy', async ({ page }) => {
		const violations = await watchViolations(page);
		await page.goto('/');
		await page.getByRole('button', { name: 'Search' }).first().click();
		await page.getByRole('searchbox').fill('commuter train');
		const result = page.getByRole('dialog').getByRole('link', { name: 'Take the leap and leverage your connections' }).first();
		await result.click();
		await expect(page, 'the result leads to the lesson').toHaveURL(/\/lessons\/take-the-leap\/\?highlight=/);
		await expect(page.locator('mark').first(), 'the query is highlighted on the lesson').toBeVisible();
		const tool = page.getByRole('region', { name: 'Try it: follow up the names you were given' });
		await tool.scrollIntoViewIfNeeded();
		await expect(tool.locator('fieldset[data-until-ready]'), 'the tool’s island ran').not.toHaveAttribute('disabled');
		expect(await violations()).toEqual([]);
	});
});
