/**
 * The words check over every built page (each HTML file in dist/client, so a
 * new page is checked as soon as it is built, and the pages rendered on
 * demand): no words that run together
 * across an element boundary, no double punctuation after a quote, no British
 * spelling in the course's own words (the post is American). Pages are
 * checked with JavaScript off (exactly the built HTML, <noscript> notes
 * included) and on (what the islands show at load). The check itself is in
 * ./words.ts; the first test proves it can fail.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { expect, notFoundPath, test } from './test-utils';
import { BRITISH_SPELLINGS, wordsFindings, type WordsFinding } from './words';

const client = resolve(import.meta.dirname, '../../dist/client');

/** The URL path each built HTML file is served at (404.html answers any unknown path). */
const builtPages: string[] = readdirSync(client, { recursive: true, encoding: 'utf8' })
	.filter((file) => file.endsWith('.html') && !file.startsWith('pagefind'))
	.map((file) => relative(client, resolve(client, file)).replaceAll('\\', '/'))
	.map((file) => (file === '404.html' ? notFoundPath : `/${file.replace(/(^|\/)index\.html$/, '$1')}`))
	.sort();

/**
 * Pages rendered on demand (the newsletter's result pages) are not in
 * dist/client, so they are found by their source: every page under src/pages
 * that opts out of prerendering. Each is opened with no token or form data.
 */
const pagesDir = resolve(import.meta.dirname, '../../src/pages');
const onDemandPages: string[] = readdirSync(pagesDir, { recursive: true, encoding: 'utf8' })
	.filter((file) => file.endsWith('.astro') && !/(^|\/)_/.test(file))
	.filter((file) => /export const prerender = false/.test(readFileSync(resolve(pagesDir, file), 'utf8')))
	.map(
		(file) =>
			`/${file
				.replaceAll('\\', '/')
				.replace(/(^|\/)index\.astro$/, '$1')
				.replace(/\.astro$/, '/')}`,
	)
	.sort();

/**
 * Findings accepted for now, each with its page and why. The self-assessment
 * statements (src/content/assessment/statements.json) are being rewritten as
 * a set; their one British spelling goes with that rewrite, and so should
 * this entry.
 */
const accepted: { path: string; excerpt: string }[] = [{ path: '/assessment/', excerpt: 'towards (American: toward)' }];

const report = (findings: WordsFinding[]) =>
	findings.map((finding) => `${finding.kind} (${finding.stream}) at ${finding.where}: “${finding.excerpt}”`).join('\n');

test('the words check finds run-on words, double punctuation and British spellings, and allows footnotes and hidden labels', async ({
	page,
}) => {
	await page.setContent(`<!doctype html><html lang="en"><body>
		<style>.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}</style>
		<p id="bad1">Stays on your device.<a href="/assessment/">Take the self-assessment</a></p>
		<p id="bad2">A post on the<strong>Leadership Gold Blog</strong>.</p>
		<p id="bad3">Accept the next request, whatever their level.”. Then more.</p>
		<p id="bad4"><a href="/x/">Edit</a><span class="visually-hidden">Priya</span></p>
		<p>A claim<sup>1</sup> with a footnote, <em>emphasis</em>, and a link to <a href="/about/">About</a>.</p>
		<p><button>Add to my goals<span class="visually-hidden">: Meet one new person</span></button></p>
		<p>Wait for it… and an ellipsis... are fine, as is “a quote.” Recognise the emphasis, not the organisation.</p>
	</body></html>`);
	const findings = await page.evaluate(wordsFindings, BRITISH_SPELLINGS);
	const excerpts = findings.map((finding) => `${finding.kind}/${finding.stream}: ${finding.excerpt}`);
	expect(excerpts, 'each planted problem is found once per stream it shows in, and nothing else').toEqual([
		'run-on/visual: Stays on your device.|Take the self-assessment',
		'run-on/visual: A post on the|Leadership Gold Blog',
		'run-on/spoken: Stays on your device.|Take the self-assessment',
		'run-on/spoken: A post on the|Leadership Gold Blog',
		'run-on/spoken: Edit|Priya',
		expect.stringMatching(/^double punctuation\/visual: .*whatever their level\.”\. Then/),
		'British spelling/visual: Recognise (American: -ize, -ization)',
		'British spelling/visual: organisation (American: -ize, -ization)',
	]);
});

for (const javaScript of [false, true]) {
	test.describe(`with JavaScript ${javaScript ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled: javaScript });

		test('no built page has run-on words, double punctuation or British spellings', async ({ page }) => {
			expect(builtPages.length, 'the build should have pages to check').toBeGreaterThan(10);
			expect(onDemandPages, 'the newsletter result pages are rendered on demand').toContain('/newsletter/check-email/');
			const problems: string[] = [];
			for (const path of [...builtPages, ...onDemandPages]) {
				await page.goto(path, { waitUntil: 'load' });
				const findings = (await page.evaluate(wordsFindings, BRITISH_SPELLINGS)).filter(
					(finding) => !accepted.some((entry) => entry.path === path && entry.excerpt === finding.excerpt),
				);
				if (findings.length) problems.push(`${path}\n${report(findings)}`);
			}
			expect(problems.join('\n\n'), 'words should be separated, punctuated once and spelled as in the post').toBe('');
		});
	});
}
