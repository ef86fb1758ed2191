import { allPaths, expect, test } from './test-utils';

/**
 * Every internal link on every page (the 404 page included) must reach a
 * page, and every in-page `#fragment` link must have a target.
 */
test.describe('internal links', () => {
	for (const path of allPaths) {
		test(`no link on ${path} is broken`, async ({ page, baseURL }) => {
			await page.goto(path);
			const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
			expect(hrefs.length, `${path} should have links`).toBeGreaterThan(0);

			// Fragment-only links: the target must exist on this page.
			const fragments = [...new Set(hrefs.filter((href) => href.startsWith('#') && href.length > 1))];
			const missingTargets = await page.evaluate(
				(list) => list.filter((href) => !document.getElementById(decodeURIComponent(href.slice(1)))),
				fragments,
			);
			expect(missingTargets, `${path} has fragment links without a target`).toEqual([]);

			// Every other same-origin link, requested once without its fragment.
			const origin = new URL(baseURL!).origin;
			const pageUrl = new URL(path, origin);
			const targets = new Set<string>();
			for (const href of hrefs) {
				if (href.startsWith('#')) continue;
				const url = new URL(href, pageUrl);
				if (url.origin !== origin) continue;
				url.hash = '';
				targets.add(url.href);
			}
			const broken: string[] = [];
			for (const url of targets) {
				const response = await page.request.get(url);
				if (response.status() >= 400) broken.push(`${url} → ${response.status()}`);
			}
			expect(broken, `${path} links to pages that fail`).toEqual([]);
		});
	}
});
