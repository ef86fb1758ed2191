/**
 * schema.org JSON-LD for search engines: the home page is a Course whose
 * parts are the lessons; each lesson is a LearningResource within it.
 */

export interface LessonSummary {
	title: string;
	summary: string;
	url: string;
	minutes: number;
	order: number;
}

export interface CourseInfo {
	name: string;
	description: string;
	url: string;
	publisher: string;
}

const CONTEXT = 'https://schema.org';

/** ISO 8601 duration for a whole number of minutes, e.g. `PT4M`. */
export function isoMinutes(minutes: number): string {
	return `PT${Math.max(0, Math.round(minutes))}M`;
}

function learningResource(lesson: LessonSummary) {
	return {
		'@type': 'LearningResource',
		name: lesson.title,
		description: lesson.summary,
		url: lesson.url,
		position: lesson.order,
		timeRequired: isoMinutes(lesson.minutes),
		learningResourceType: 'Lesson',
		inLanguage: 'en',
	};
}

/** The Course object for the home page, with every lesson as a part. */
export function courseJsonLd(course: CourseInfo, lessons: readonly LessonSummary[]) {
	return {
		'@context': CONTEXT,
		'@type': 'Course',
		name: course.name,
		description: course.description,
		url: course.url,
		inLanguage: 'en',
		isAccessibleForFree: true,
		provider: { '@type': 'Organization', name: course.publisher },
		hasPart: lessons.map(learningResource),
	};
}

/** The LearningResource object for one lesson page, linked to its course. */
export function lessonJsonLd(course: CourseInfo, lesson: LessonSummary) {
	return {
		'@context': CONTEXT,
		...learningResource(lesson),
		isPartOf: { '@type': 'Course', name: course.name, url: course.url },
	};
}

/** Serialises JSON-LD for a `<script>` element; `<` is escaped so no text can close the tag. */
export function jsonLdScript(data: unknown): string {
	return JSON.stringify(data).replace(/</g, '\\u003c');
}
