/**
 * The production server (`node dist/server/entry.mjs`, what `npm start`
 * runs): compressed responses, the security headers on every response, each
 * page's Content-Security-Policy under every spelling of its URL, and a
 * policy strict enough (no `unsafe-inline` for scripts or styles) that
 * nothing on the site breaks it. Every other spec checks for policy
 * violations too (test-utils.ts), while it walks its own flows.
 */
import http from 'node:http';
import { allPaths, expect, notFoundPath, sitemapPaths, test } from './test-utils';

/** A GET with the path sent exactly as written: browsers and fetch normalise `//`, `/./` and `%2e` away first. */
function rawGet(baseURL: string, path: string): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
	return new Promise((resolve, reject) => {
		const request = http.get(baseURL, { path }, (response) => {
			response.resume();
			response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers }));
		});
		request.on('error', reject);
	});
}

/** Other ways to write the URL of the page at `path` (which ends with `/`). */
function variantsOf(path: string): string[] {
	const variants = [`${path}index.html`, `/${path}`, `/.${path}`, `${path}%2e/`, `${path}/`];
	const last = path.split('/').filter(Boolean).at(-1);
	if (last) variants.push(path.slice(0, -1), `${path.slice(0, -1)}%2f`, `${path}%2E%2E/${last}/`);
	else variants.push('/%2E%2E/');
	return variants;
}

/** What a strict policy for a page of this site looks like. */
function expectStrictPolicy(csp: string, where: string) {
	expect(csp, `${where}: scripts only from the site, Pagefind's WebAssembly and hashed inline blocks`).toMatch(
		/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')+(;|$)/,
	);
	expect(csp, `${where}: styles only from the site and hashed inline blocks`).toMatch(/style-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+(;|$)/);
	expect(csp, `${where}: no unsafe-inline anywhere`).not.toContain('unsafe-inline');
	expect(csp, `${where}: no framing`).toContain("frame-ancestors 'none'");
	expect(csp, `${where}: no plugins`).toContain("object-src 'none'");
	expect(csp, `${where}: no <base>`).toContain("base-uri 'none'");
}

test.describe('production server', () => {
	for (const path of sitemapPaths) {
		test(`${path} is compressed and carries the security headers`, async ({ request }) => {
			const response = await request.get(path, { headers: { 'accept-encoding': 'br, gzip' } });
			expect(response.status(), 'the page is there').toBe(200);
			const headers = response.headers();
			expect(['br', 'gzip'], 'the page is sent compressed').toContain(headers['content-encoding']);
			expect(headers['x-content-type-options'], 'no MIME sniffing').toBe('nosniff');
			expect(headers['x-frame-options'], 'no framing (older browsers)').toBe('DENY');
			expect(headers['referrer-policy'], 'referrers stay on the site').toBe('strict-origin-when-cross-origin');
			expectStrictPolicy(headers['content-security-policy'] ?? '', path);
		});
	}

	for (const path of allPaths) {
		test(`${path} has its policy under every other spelling of its URL`, async ({ baseURL }) => {
			const canonical = await rawGet(baseURL!, path);
			const expectedStatus = path === notFoundPath ? 404 : 200;
			expect(canonical.status, `${path} answers`).toBe(expectedStatus);
			const policy = String(canonical.headers['content-security-policy'] ?? '');
			expectStrictPolicy(policy, path);
			for (const variant of variantsOf(path)) {
				const response = await rawGet(baseURL!, `${variant}?q=1`);
				if (response.status === 301 || response.status === 308) {
					expect(response.headers.location, `${variant} redirects to the page's own URL`).toBe(`${path}?q=1`);
					continue;
				}
				expect(response.status, `${variant} is the same page`).toBe(expectedStatus);
				expect(response.headers['content-security-policy'], `${variant} is served with the page's own policy`).toBe(policy);
			}
		});
	}

	test('the 404 page has its policy too, and a client that asks for no compression gets none', async ({ request }) => {
		const missing = await request.get(notFoundPath);
		expect(missing.status(), 'a missing page is a 404').toBe(404);
		expectStrictPolicy(missing.headers()['content-security-policy'] ?? '', '404');
		expect(missing.headers()['x-content-type-options'], 'security headers on errors too').toBe('nosniff');
		const plain = await request.get('/', { headers: { 'accept-encoding': 'identity' } });
		expect(plain.headers()['content-encoding'], 'identity means identity').toBeUndefined();
		expect(await plain.text(), 'the page itself').toContain('<html');
	});

	test('a form post is answered uncompressed, with a policy that lets the answer run nothing', async ({ request, baseURL }) => {
		const response = await request.post('/api/newsletter/subscribe', {
			headers: { 'accept-encoding': 'br, gzip', accept: 'application/json', origin: baseURL! },
			form: { email: '' },
		});
		expect(response.status(), 'an empty address is refused').toBe(422);
		expect(response.headers()['content-encoding'], 'small answers are not compressed').toBeUndefined();
		expect(response.headers()['content-security-policy'], 'JSON may load nothing').toContain("default-src 'none'");
		expect(response.headers()['cache-control'], 'never cached').toBe('no-store');
		expect(response.headers()['x-content-type-options'], 'security headers on API answers').toBe('nosniff');
	});

	test('an on-demand page carries the policy Astro computed for it, not one taken from its HTML', async ({ request }) => {
		const response = await request.get('/newsletter/check-email/');
		expect(response.status(), 'the page renders').toBe(200);
		expectStrictPolicy(response.headers()['content-security-policy'] ?? '', '/newsletter/check-email/');
	});

	test('a request for another host name is refused on the newsletter routes (DNS rebinding)', async ({ baseURL }) => {
		const response = await new Promise<number>((resolve, reject) => {
			const url = new URL('/newsletter/check-email/', baseURL);
			http
				.get(url, { headers: { host: 'rebind.attacker.example' } }, (res) => {
					res.resume();
					resolve(res.statusCode!);
				})
				.on('error', reject);
		});
		expect(response, 'Misdirected Request').toBe(421);
	});

	for (const path of allPaths) {
		test(`${path}: nothing on the page breaks its Content-Security-Policy`, async ({ page, cspViolations }) => {
			await page.goto(path);
			// Load-time scripts have all run by the load event; islands that load near the viewport
			// (the lesson tools, the network manager) run once shown, and switch their controls on when ready.
			for (const controls of await page.locator('fieldset[data-until-ready]').all()) {
				await controls.scrollIntoViewIfNeeded();
				await expect(controls, 'the island loaded and ran').not.toHaveAttribute('disabled');
			}
			expect(cspViolations, 'no violation while the page and its islands ran').toEqual([]);
		});
	}

	test('search, its highlighting and a lesson tool run under the policy', async ({ page, cspViolations }) => {
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
		await tool.getByRole('button', { name: 'Add names' }).click();
		await expect(tool.locator('.error:not([hidden])').first(), 'an inline error shows, styled by the tools’ stylesheet').toBeVisible();
		expect(
			await tool
				.locator('.error:not([hidden])')
				.first()
				.evaluate((element) => getComputedStyle(element).borderInlineStartWidth),
			'the runtime stylesheet applied',
		).toBe('4px');
		expect(cspViolations, 'no violation while searching, highlighting and using the tool').toEqual([]);
	});
});
