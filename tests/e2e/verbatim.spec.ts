/**
 * Every sentence of the source post must appear, word for word, in the text
 * of the built pages; and the other way round, nothing the course adds may be
 * passed off as the post's: the boxes marked "From the post" hold only the
 * post's sentences, and every quotation the course attributes to the post is
 * in it. Only whitespace and typographic quotes are normalized. The post is
 * read from the copy kept in tests/fixtures.
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

/** The post's text as one normalized string, to look quotations up in. */
const postText = normalizeText(post.replace(/^\s*[•*-]\s+/gm, ''));

test('the boxes marked “From the post” hold only the post’s own sentences', async ({ page }) => {
	const foreign: string[] = [];
	let boxes = 0;
	for (const path of sitemapPaths) {
		await page.goto(path);
		const excerpts = page.getByRole('region', { name: 'From the post' });
		boxes += await excerpts.count();
		for (const text of await excerpts.allInnerTexts()) {
			// The box's label and the executive's attribution are the course's captions, not sentences it quotes.
			const lines = text
				.split('\n')
				.map((line) => normalizeText(line))
				.filter((line) => line !== '' && !/^From the post$/i.test(line) && !line.startsWith('— '));
			for (const sentence of lines.flatMap((line) => postSentences(line))) {
				if (!postText.includes(sentence)) foreign.push(`${path}: ${sentence}`);
			}
		}
	}
	expect(boxes, 'every lesson and the home page quote the post').toBeGreaterThanOrEqual(8);
	expect(foreign, 'sentences inside “From the post” boxes that the post does not have').toEqual([]);
});

/** Labels the course quotes by name on the About page: its caption for the boxes and for the executive's words. */
const courseLabels = ['From the post', 'a senior executive in the justice system'];

test('every quotation the course attributes to the post is in the post', async ({ page }) => {
	const invented: string[] = [];
	let attributed = 0;
	for (const path of sitemapPaths) {
		await page.goto(path);
		const text = (await page.locator('main').innerText()).replace(/[\u2018\u2019]/g, "'");
		// A sentence that names the post (or its author) and carries a quotation in curly quotes.
		for (const sentence of text.split(/(?<=[.!?][”"]?)\s+/)) {
			if (!/\b(post|author)\b/i.test(sentence)) continue;
			for (const match of sentence.matchAll(/“([^”]+)”/g)) {
				const quoted = normalizeText(match[1]!).replace(/[.,;:]$/, '');
				// The course's own labels (the boxes' label, the executive's attribution) are quoted as names, not as the post's words.
				if (courseLabels.includes(quoted) || quoted.length < 20) continue;
				attributed++;
				if (!postText.includes(quoted)) invented.push(`${path}: “${quoted}”`);
			}
		}
	}
	expect(attributed, 'the lessons quote the post in their notes').toBeGreaterThan(0);
	expect(invented, 'quotations attributed to the post that it does not contain').toEqual([]);
});
