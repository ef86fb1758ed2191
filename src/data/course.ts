/**
 * Loads the course once for every page: lessons sorted and checked, with the
 * derived facts pages need (slug, URL, reading time and time with the
 * activities). Lives outside src/lib because it reads `astro:content`.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { lessonPath, sortLessons } from '../lib/course/lessons';
import { courseTime, lessonTime, type LessonTime } from '../lib/course/reading-time';
import type { CourseInfo, LessonSummary } from '../lib/course/structured-data';
import { t } from '../i18n';

/** A lesson with what pages derive from it. */
export interface Lesson {
	entry: CollectionEntry<'lessons'>;
	href: string;
	/** Reading time over every word the page asks the reader to read, and the estimate with the activities. */
	time: LessonTime;
}

/** Every lesson in course order. */
export async function getLessons(): Promise<Lesson[]> {
	const entries = sortLessons(await getCollection('lessons'));
	return entries.map((entry) => ({
		entry,
		href: lessonPath(entry.id),
		time: lessonTime({ ...entry.data, body: entry.body ?? '' }),
	}));
}

/** The whole course's time: the sums of what the lessons show. */
export function totalTime(lessons: readonly Lesson[]) {
	return courseTime(lessons.map((lesson) => lesson.time));
}

/** A course text entry (introduction, orientation, wrap-up, closing, about); fails the build when it is missing. */
export async function getCourseText(id: 'introduction' | 'orientation' | 'wrap-up' | 'closing' | 'about') {
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
		minutes: lesson.time.readingMinutes,
		order: lesson.entry.data.order,
	};
}
