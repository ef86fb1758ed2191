import { describe, expect, it } from 'vitest';
import { plainWords, readingMinutes, WORDS_PER_MINUTE } from '../../../../src/lib/course/reading-time';

/** `count` distinct plain words. */
const words = (count: number) => Array.from({ length: count }, (_, index) => `word${index}`).join(' ');

describe('plainWords', () => {
	it.each([
		['counts plain prose word by word', 'Accept invitations for mutual learning.', 5],
		['drops import and export lines', "import Quote from './Quote.astro';\nexport const x = 1;\nOne two", 2],
		['drops MDX comments', '{/* a note for authors */} Kept words', 2],
		['keeps the text inside components but not the tags', '<Quote>Five out of 7</Quote>', 4],
		['keeps link text but not the URL', 'Read [the about page](/about/) first', 5],
		['ignores heading, emphasis and list markers', '## Heading\n- *one*\n- **two**', 3],
		['ignores lone punctuation', 'yes — no', 2],
		['returns nothing for empty text', '', 0],
	])('%s', (_name, source, expected) => {
		expect(plainWords(source)).toHaveLength(expected);
	});

	it('returns the words themselves, stripped of markup', () => {
		expect(plainWords('<PostExcerpt heading="Ignored">Join a **diverse** group</PostExcerpt>')).toEqual(['Join', 'a', 'diverse', 'group']);
	});
});

describe('readingMinutes', () => {
	it.each([
		['is 0 for no words', '', 0],
		['is 0 for markup alone', "import X from './x';\n<Quote></Quote>", 0],
		['is at least 1 for any words', 'Hello', 1],
		['is 1 for one minute of words', words(WORDS_PER_MINUTE), 1],
		['rounds a minute and a half up', words(WORDS_PER_MINUTE * 1.5), 2],
		['rounds a quarter minute down', words(WORDS_PER_MINUTE * 2.25), 2],
		['is 5 for five minutes of words', words(WORDS_PER_MINUTE * 5), 5],
	])('%s', (_name, source, expected) => {
		expect(readingMinutes(source)).toBe(expected);
	});

	it('uses the given reading speed', () => {
		expect(readingMinutes(words(300), 100)).toBe(3);
	});

	it('reads 200 words a minute by default', () => {
		expect(WORDS_PER_MINUTE).toBe(200);
	});
});
