/**
 * Shared setup for every e2e spec: import `test` and `expect` from here, not
 * from @playwright/test. Page lists come from the built sitemap, so a new page
 * is tested as soon as it is built.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

const root = resolve(import.meta.dirname, '../..');

/** WCAG 2.2 AA and everything below it. */
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe rules switched off site-wide, each with the reason. None today: add a
 * rule id only with a comment saying why and when it can be removed.
 */
const ignoredAxeRules: string[] = [];

/** Paths of every page in the built sitemap (`/`, `/about/`, `/lessons/…/`), in sitemap order. */
export const sitemapPaths: string[] = (() => {
	const file = resolve(root, 'dist/client/sitemap-0.xml');
	let xml: string;
	try {
		xml = readFileSync(file, 'utf8');
	} catch {
		throw new Error(`${file} is missing: run \`npm run build\` before the e2e tests.`);
	}
	const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
	if (paths.length === 0) throw new Error(`${file} lists no pages.`);
	return paths;
})();

/** A path that exists nowhere, to reach the 404 page. */
export const notFoundPath = '/404-check-nonexistent/';

/** Every page a reader can land on: the sitemap plus the 404 page. */
export const allPaths = [...sitemapPaths, notFoundPath];

/** The six pointers' headings, verbatim from the post, in course order. */
export const lessonTitles = [
	'Accept invitations for mutually beneficial exchanges',
	'Have a hard focus on benefits, and a soft focus on a specific goal',
	'Seek linkages and keep going',
	'Take the leap and leverage your connections',
	'Join a diverse group',
	'Take a bold lead',
] as const;

/** The colour schemes the site supports. */
export const colorSchemes = ['light', 'dark'] as const;

/**
 * Normalises text for verbatim comparison: typographic quotes to straight
 * ones, every run of whitespace (non-breaking spaces included) to one space.
 */
export function normalizeText(text: string): string {
	return text
		.replace(/[\u2018\u2019]/g, "'")
		.replace(/[\u201C\u201D]/g, '"')
		.replace(/[\s\u00A0\u202F\u2007]+/g, ' ')
		.trim();
}

/** One line per violation and affected element, readable in a test failure. */
export function formatViolations(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string {
	return violations
		.map(
			(violation) =>
				`${violation.id} (${violation.impact}): ${violation.help}\n` +
				violation.nodes.map((node) => `    ${node.target.join(' ')}: ${node.failureSummary?.replace(/\n/g, ' ')}`).join('\n'),
		)
		.join('\n');
}

/** Locators for the search dialog, the same on every page. */
class SearchDialog {
	constructor(readonly page: Page) {}

	/** The header button that opens search; visible once its script has run. */
	get opener() {
		return this.page.getByRole('banner').getByRole('button', { name: 'Search', exact: true });
	}

	get dialog() {
		return this.page.getByRole('dialog', { name: 'Search the course' });
	}

	get input() {
		return this.dialog.getByLabel('Search lessons and pages');
	}

	get status() {
		return this.dialog.getByRole('status');
	}

	get results() {
		return this.dialog.getByRole('list', { name: 'Search the course' });
	}

	/** The title link of the first result (each result's first link is its title). */
	get firstResultTitle() {
		return this.results.getByRole('listitem').first().getByRole('link').first();
	}

	/** Waits until the opener works (its custom element is defined), then clicks it. */
	async open() {
		await expect(this.opener, 'the Search button appears once its script runs').toBeVisible();
		await this.opener.click();
		await expect(this.dialog, 'the search dialog opens').toBeVisible();
	}

	/** Types a query and waits for Pagefind's answer to that query in the status line. */
	async search(query: string) {
		await this.input.fill(query);
		const escaped = query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		await expect(this.status, `the search for "${query}" finishes`).toHaveText(new RegExp(`(results? for|No results for) “${escaped}”`));
	}

	/** The number of results the status line reports (0 for "No results"). */
	async resultCount(): Promise<number> {
		const text = (await this.status.textContent()) ?? '';
		return Number(/^(\d+) results? for/.exec(text)?.[1] ?? 0);
	}
}

interface Fixtures {
	/** A fresh axe builder for the page, set to the WCAG 2.2 AA tags. */
	makeAxeBuilder: () => AxeBuilder;
	/** The search dialog of the current page. */
	search: SearchDialog;
	/**
	 * Every Content-Security-Policy violation the test's page reported, on
	 * every document it loaded. Automatic: any test that ends with one fails,
	 * so each flow the specs walk (search, the lesson tools, the assessment,
	 * goals, the data page, the newsletter forms) runs under the real policy.
	 */
	cspViolations: string[];
}

export const test = base.extend<Fixtures>({
	cspViolations: [
		async ({ page }, use) => {
			const violations: string[] = [];
			await page.exposeBinding('reportCspViolation', (_source, violation: string) => violations.push(violation));
			await page.addInitScript(() => {
				document.addEventListener('securitypolicyviolation', (event) => {
					const report = (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation;
					report(
						`${event.effectiveDirective} blocked ${event.blockedURI || 'inline code'} on ${location.pathname} (${event.sourceFile}:${event.lineNumber})`,
					);
				});
			});
			await use(violations);
			expect(violations, 'nothing the page did broke its Content-Security-Policy').toEqual([]);
		},
		{ auto: true },
	],
	makeAxeBuilder: async ({ page }, use) => {
		await use(() => {
			const builder = new AxeBuilder({ page }).withTags(axeTags);
			return ignoredAxeRules.length ? builder.disableRules(ignoredAxeRules) : builder;
		});
	},
	search: async ({ page }, use) => {
		await use(new SearchDialog(page));
	},
});

export { expect };
