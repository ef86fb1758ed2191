import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
	ACTIVITY_MINUTES,
	courseTime,
	lessonTime,
	lessonWords,
	minutesFor,
	plainWords,
	readingMinutes,
	WORDS_PER_MINUTE,
	type LessonText,
} from '../../../../src/lib/course/reading-time';

const root = resolve(import.meta.dirname, '../../../..');

/** `count` distinct plain words. */
const words = (count: number) => Array.from({ length: count }, (_, index) => `word${index}`).join(' ');

/** A lesson file as the page gets it: its frontmatter fields and its MDX body. */
function lessonFile(file: string): LessonText {
	const source = readFileSync(resolve(root, 'src/content/lessons', file), 'utf8');
	const [, frontmatter, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
	if (frontmatter === undefined || body === undefined) throw new Error(`${file} has no frontmatter`);
	return { ...(parse(frontmatter) as Omit<LessonText, 'body'>), body };
}

/** True when `sequence` appears in `list` as consecutive items. */
function containsRun(list: readonly string[], sequence: readonly string[]): boolean {
	return list.some((_, start) => sequence.every((word, offset) => list[start + offset] === word));
}

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

	it('returns the words themselves, stripped of markup, with the heading a component shows', () => {
		expect(plainWords('<PostExcerpt heading="Join a diverse group.">It may be obvious</PostExcerpt>')).toEqual([
			'Join',
			'a',
			'diverse',
			'group.',
			'It',
			'may',
			'be',
			'obvious',
		]);
	});
});

describe('readingMinutes and minutesFor', () => {
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
		expect(minutesFor(plainWords(source).length)).toBe(expected);
	});

	it('uses the given reading speed', () => {
		expect(readingMinutes(words(300), 100)).toBe(3);
	});

	it('reads 200 words a minute by default', () => {
		expect(WORDS_PER_MINUTE).toBe(200);
	});
});

describe('a lesson page’s words, on the real text of Lesson 3', () => {
	const lesson = lessonFile('03-seek-linkages.mdx');
	const counted = lessonWords(lesson);
	const post = readFileSync(resolve(root, 'tests/fixtures/strategic-network-blog-post.txt'), 'utf8');
	const pointer = post.split('\n').find((line) => line.startsWith('Some people are receptive'))!;

	it('is read from the lesson file', () => {
		expect(lesson.title, 'the frontmatter is parsed').toBe('Seek linkages and keep going');
		expect(pointer, 'the pointer’s paragraph is in the fixture').toBeDefined();
	});

	it('holds the post’s paragraph word for word', () => {
		expect(containsRun(counted, pointer.trim().split(/\s+/))).toBe(true);
	});

	it.each([
		['the title', (text: LessonText) => ({ ...text, title: '' }), (text: LessonText) => text.title],
		['the summary', (text: LessonText) => ({ ...text, summary: '' }), (text: LessonText) => text.summary],
		['the objectives', (text: LessonText) => ({ ...text, objectives: [] }), (text: LessonText) => text.objectives.join(' ')],
		['the takeaway', (text: LessonText) => ({ ...text, takeaway: '' }), (text: LessonText) => text.takeaway],
		[
			'the reflection prompts',
			(text: LessonText) => ({ ...text, reflections: [] }),
			(text: LessonText) => text.reflections.map((r) => r.prompt).join(' '),
		],
		['the goals', (text: LessonText) => ({ ...text, goals: [] }), (text: LessonText) => text.goals.map((g) => g.text).join(' ')],
		['the body (post, practice, worked example)', (text: LessonText) => ({ ...text, body: '' }), (text: LessonText) => text.body],
	])('counts every word of %s', (_name, without, part) => {
		const partWords = plainWords(part(lesson)).length;
		expect(partWords, 'the part has words').toBeGreaterThan(0);
		expect(counted.length - lessonWords(without(lesson)).length).toBe(partWords);
	});

	it('leaves the MDX markup out', () => {
		expect(counted.filter((word) => /PostExcerpt|heading=|^#|^\*\*|^</.test(word))).toEqual([]);
	});

	it('gives a reading time for the whole page, well above the body’s alone', () => {
		const time = lessonTime(lesson);
		// Hand-checked: the page asks for about 730 words, the MDX body alone about 500 (which read as 3 minutes, not 4).
		expect(time.words).toBe(counted.length);
		expect(time.words).toBeGreaterThan(700);
		expect(time.readingMinutes).toBe(Math.round(counted.length / WORDS_PER_MINUTE));
		expect(time.readingMinutes).toBeGreaterThan(readingMinutes(lesson.body));
	});

	it('estimates the activities from the lesson’s own parts: 2 prompts, a tool and a goal to choose', () => {
		const time = lessonTime(lesson);
		expect(lesson.reflections).toHaveLength(2);
		expect(time.activityMinutes).toBe(2 * ACTIVITY_MINUTES.reflection + ACTIVITY_MINUTES.tool + ACTIVITY_MINUTES.goal);
		expect(time.activityMinutes, 'hand-worked: 2 × 2 + 3 + 1').toBe(8);
		expect(time.totalMinutes).toBe(time.readingMinutes + 8);
	});

	it('leaves the tool’s minutes out for a lesson without one', () => {
		expect(lessonTime(lesson, false).activityMinutes).toBe(5);
	});
});

describe('courseTime', () => {
	it('sums what each lesson shows, so the home page agrees with the cards', () => {
		expect(
			courseTime([
				{ readingMinutes: 3, totalMinutes: 11 },
				{ readingMinutes: 4, totalMinutes: 14 },
			]),
		).toEqual({ readingMinutes: 7, totalMinutes: 25 });
	});

	it('is 0 for no lessons', () => {
		expect(courseTime([])).toEqual({ readingMinutes: 0, totalMinutes: 0 });
	});
});
