import { describe, expect, it } from 'vitest';
import {
	courseJsonLd,
	isoMinutes,
	jsonLdScript,
	lessonJsonLd,
	type CourseInfo,
	type LessonSummary,
} from '../../../../src/lib/course/structured-data';

const course: CourseInfo = {
	name: 'In search of the future, 6 pointers to build a strategic network',
	description: 'Six short lessons.',
	url: 'https://example.org/',
	publisher: 'Leadership Gold Blog',
};

const lessons: LessonSummary[] = [
	{ title: 'First', summary: 'The first lesson.', url: 'https://example.org/lessons/first/', minutes: 3, order: 1 },
	{ title: 'Second', summary: 'The second lesson.', url: 'https://example.org/lessons/second/', minutes: 4, order: 2 },
];

describe('isoMinutes', () => {
	it.each([
		[4, 'PT4M'],
		[0, 'PT0M'],
		[2.4, 'PT2M'],
		[2.5, 'PT3M'],
		[-3, 'PT0M'],
		[90, 'PT90M'],
	])('writes %d minutes as %s', (minutes, iso) => {
		expect(isoMinutes(minutes)).toBe(iso);
	});
});

describe('courseJsonLd', () => {
	const data = courseJsonLd(course, lessons);

	it('describes a free English Course from the publisher', () => {
		expect(data).toMatchObject({
			'@context': 'https://schema.org',
			'@type': 'Course',
			name: course.name,
			description: course.description,
			url: course.url,
			inLanguage: 'en',
			isAccessibleForFree: true,
			provider: { '@type': 'Organization', name: 'Leadership Gold Blog' },
		});
	});

	it('lists every lesson as a LearningResource part, in order', () => {
		expect(data.hasPart).toEqual([
			{
				'@type': 'LearningResource',
				name: 'First',
				description: 'The first lesson.',
				url: 'https://example.org/lessons/first/',
				position: 1,
				timeRequired: 'PT3M',
				learningResourceType: 'Lesson',
				inLanguage: 'en',
			},
			expect.objectContaining({ name: 'Second', position: 2, timeRequired: 'PT4M' }),
		]);
	});
});

describe('lessonJsonLd', () => {
	it('is a LearningResource that is part of the course', () => {
		expect(lessonJsonLd(course, lessons[1]!)).toEqual({
			'@context': 'https://schema.org',
			'@type': 'LearningResource',
			name: 'Second',
			description: 'The second lesson.',
			url: 'https://example.org/lessons/second/',
			position: 2,
			timeRequired: 'PT4M',
			learningResourceType: 'Lesson',
			inLanguage: 'en',
			isPartOf: { '@type': 'Course', name: course.name, url: course.url },
		});
	});
});

describe('jsonLdScript', () => {
	const tricky = { name: 'Stop </script><script>alert(1)</script> here', note: '<!-- comment -->' };

	it('never lets the text close the script element', () => {
		const script = jsonLdScript(tricky);
		expect(script).not.toContain('</script');
		expect(script).not.toContain('<!--');
		expect(script).toContain('\\u003c/script>');
	});

	it('still parses back to the same data', () => {
		expect(JSON.parse(jsonLdScript(tricky))).toEqual(tricky);
	});

	it('serialises plain data as ordinary JSON', () => {
		expect(jsonLdScript({ a: 1, b: 'two' })).toBe('{"a":1,"b":"two"}');
	});
});
