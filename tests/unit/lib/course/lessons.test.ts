import { describe, expect, it } from 'vitest';
import { lessonPath, lessonSlug, neighbours, sortLessons, type LessonRef } from '../../../../src/lib/course/lessons';

/** A lesson entry as the collection would give it. */
const lesson = (id: string, order: number): LessonRef => ({ id, data: { order, title: `Title of ${id}` } });

describe('lessonSlug', () => {
	it.each([
		['01-accept-invitations', 'accept-invitations'],
		['01-accept-invitations.mdx', 'accept-invitations'],
		['04-take-the-leap.md', 'take-the-leap'],
		['10-tenth-lesson', 'tenth-lesson'],
		['nested/folder/03-seek-linkages.mdx', 'seek-linkages'],
		['no-prefix', 'no-prefix'],
	])('turns %s into %s', (id, slug) => {
		expect(lessonSlug(id)).toBe(slug);
	});
});

describe('lessonPath', () => {
	it('is the slug under /lessons/ with a trailing slash', () => {
		expect(lessonPath('05-join-a-diverse-group')).toBe('/lessons/join-a-diverse-group/');
	});
});

describe('sortLessons', () => {
	it('sorts lessons by order', () => {
		const sorted = sortLessons([lesson('03-c', 3), lesson('01-a', 1), lesson('02-b', 2)]);
		expect(sorted.map((entry) => entry.id)).toEqual(['01-a', '02-b', '03-c']);
	});

	it('leaves the given array untouched', () => {
		const given = [lesson('02-b', 2), lesson('01-a', 1)];
		sortLessons(given);
		expect(given.map((entry) => entry.id)).toEqual(['02-b', '01-a']);
	});

	it('accepts an empty course', () => {
		expect(sortLessons([])).toEqual([]);
	});

	it.each([
		[
			'two lessons share an order',
			[lesson('01-a', 1), lesson('02-b', 2), lesson('02-c', 2)],
			'Lessons 02-b, 02-c share order 2: each lesson needs its own order.',
		],
		[
			'the first order is shared',
			[lesson('01-a', 1), lesson('01-b', 1), lesson('02-c', 2)],
			'Lessons 01-a, 01-b share order 1: each lesson needs its own order.',
		],
		[
			'an order is skipped',
			[lesson('01-a', 1), lesson('02-b', 2), lesson('04-d', 4)],
			'Lesson 04-d has order 4, expected 3: orders must run 1..3 without gaps.',
		],
		[
			'orders do not start at 1',
			[lesson('00-a', 0), lesson('01-b', 1)],
			'Lesson 00-a has order 0, expected 1: orders must run 1..2 without gaps.',
		],
		[
			'two files have the same slug',
			[lesson('01-same', 1), lesson('02-same', 2)],
			'Lessons 01-same and 02-same have the same slug "same".',
		],
	])('throws naming the files when %s', (_name, lessons, message) => {
		expect(() => sortLessons(lessons)).toThrow(message);
	});
});

describe('neighbours', () => {
	const course = ['first', 'second', 'third'];

	it.each([
		['the first lesson has only a next one', 0, { previous: undefined, next: 'second' }],
		['a middle lesson has both', 1, { previous: 'first', next: 'third' }],
		['the last lesson has only a previous one', 2, { previous: 'second', next: undefined }],
	])('%s', (_name, index, expected) => {
		expect(neighbours(course, index)).toEqual(expected);
	});

	it('gives neither for a one-lesson course', () => {
		expect(neighbours(['only'], 0)).toEqual({ previous: undefined, next: undefined });
	});
});
