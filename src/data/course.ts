/**
 * Loads the course once for every page: lessons sorted and checked, with the
 * derived facts pages need (slug, URL, reading time). Lives outside src/lib
 * because it reads `astro:content`.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { lessonPath, sortLessons } from '../lib/course/lessons';
import { readingMinutes } from '../lib/course/reading-time';
import type { CourseInfo, LessonSummary } from '../lib/course/structured-data';
import { t } from '../i18n';

export interface Lesson {
	entry: CollectionEntry<'lessons'>;
	href: string;
	minutes: number;
}

/** Every lesson in course order. */
export async function getLessons(): Promise<Lesson[]> {
	const entries = sortLessons(await getCollection('lessons'));
	return entries.map((entry) => ({
		entry,
		href: lessonPath(entry.id),
		minutes: readingMinutes(entry.body ?? ''),
	}));
}

/** A course text entry (introduction, closing); fails the build when it is missing. */
export async function getCourseText(id: 'introduction' | 'closing') {
	const entry = await getEntry('course', id);
	if (!entry) throw new Error(`src/content/course/${id}.mdx is missing.`);
	return entry;
}

/** Facts about the course for structured data. */
export function courseInfo(site: URL | undefined): CourseInfo {
	return {
		name: 'In search of the future, 6 pointers to build a strategic network',
		description: t('site.description'),
		url: new URL('/', site).href,
		publisher: 'Leadership Gold Blog',
	};
}

/** A lesson as structured data needs it. */
export function lessonSummary(lesson: Lesson, site: URL | undefined): LessonSummary {
	return {
		title: lesson.entry.data.title,
		summary: lesson.entry.data.summary,
		url: new URL(lesson.href, site).href,
		minutes: lesson.minutes,
		order: lesson.entry.data.order,
	};
}
