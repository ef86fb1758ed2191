/**
 * Every sentence of the source post must appear, word for word, in the text
 * of the built pages. Only whitespace and typographic quotes are normalised.
 * The post is read from the copy kept in tests/fixtures.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, normalizeText, sitemapPaths, test } from './test-utils';

const post = readFileSync(resolve(import.meta.dirname, '../fixtures/strategic-network-blog-post.txt'), 'utf8');

/** List bullets in the post (•, -, *) mark their line as one sentence of its own. */
const bullet = /^[•*-]\s+/;

/**
 * Splits the post into sentences: each non-empty line is a unit (headings and
 * bullets are sentences of their own), then each unit is split after `.`, `!`
 * or `?` (and any closing quote or bracket right after it) followed by a space.
 */
function postSentences(text: string): string[] {
	return text
		.split(/\r?\n/)
		.map((line) => normalizeText(line))
		.filter((line) => line !== '')
		.flatMap((line) => (bullet.test(line) ? [line.replace(bullet, '')] : line.split(/(?<=[.!?]["')]?) (?=\S)/)))
		.map((sentence) => sentence.trim())
		.filter((sentence) => sentence !== '');
}

test('every sentence of the post appears verbatim in the built pages', async ({ page }) => {
	const texts: string[] = [];
	for (const path of sitemapPaths) {
		await page.goto(path);
		texts.push(normalizeText(await page.locator('body').innerText()));
	}
	const site = texts.join('\n');

	const title = normalizeText(post.split(/\r?\n/).find((line) => line.trim() !== '')!);
	expect(site, 'the post title should appear').toContain(title);

	const sentences = postSentences(post);
	expect(sentences.length, 'the post should split into many sentences').toBeGreaterThan(50);
	const missing = sentences.filter((sentence) => !site.includes(sentence));
	expect(missing, `${missing.length} of ${sentences.length} sentences are missing:\n${missing.join('\n')}`).toEqual([]);
});
