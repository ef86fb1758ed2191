/**
 * Loads the course once for every page: lessons sorted and checked, with the
 * derived facts pages need (slug, URL, reading time and time with the
 * activities), the course texts and the self-assessment's statements
 * (checked against the lessons). Lives outside src/lib because it reads
 * `astro:content`; pages call it and pass what they got to components,
 * which never load content themselves.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { lessonPath, lessonSlug, sortLessons } from '../lib/course/lessons';
import { courseTime, lessonTime, type LessonTime } from '../lib/course/reading-time';
import { checkStatements, scoringOrder, type Statement } from '../lib/assessment/assessment';
import type { CourseInfo, LessonSummary } from '../lib/course/structured-data';
import { isStringKey, t } from '../i18n';

/** What links to a lesson, and what a device keys its progress by. */
export interface LessonLink {
	/** The URL slug: the file name without its `NN-` prefix; progress and goals are kept under it. */
	slug: string;
	href: string;
	/** The pointer's heading, verbatim from the post. */
	title: string;
	/** Its place in the course, 1 to n. */
	order: number;
}

/** A lesson with everything a page shows of it. */
export interface Lesson extends LessonLink {
	entry: CollectionEntry<'lessons'>;
	/** Reading time over every word the page asks the reader to read, and the estimate with the activities. */
	time: LessonTime;
}

/** Every lesson in course order. */
export async function getLessons(): Promise<Lesson[]> {
	const entries = sortLessons(await getCollection('lessons'));
	return entries.map((entry) => ({
		entry,
		slug: lessonSlug(entry.id),
		href: lessonPath(entry.id),
		title: entry.data.title,
		order: entry.data.order,
		time: lessonTime({ ...entry.data, body: entry.body ?? '' }),
	}));
}

/** The whole course's time: the sums of what the lessons show. */
export function totalTime(lessons: readonly Lesson[]) {
	return courseTime(lessons.map((lesson) => lesson.time));
}

/** Only the link facts of a lesson, for components that hand lessons to an island as JSON. */
export function lessonLink({ slug, href, title, order }: LessonLink): LessonLink {
	return { slug, href, title, order };
}

/** A course text entry (introduction, orientation, wrap-up, closing, about); fails the build when it is missing. */
export async function getCourseText(id: 'introduction' | 'orientation' | 'wrap-up' | 'closing' | 'about'): Promise<CollectionEntry<'course'>> {
	const entry = await getEntry('course', id);
	if (!entry) throw new Error(`src/content/course/${id}.mdx is missing.`);
	return entry;
}

/** A pointer as the self-assessment shows it: its lesson, its axis on the chart and the goal it suggests. */
export interface AssessmentPointer extends LessonLink {
	/** A short name for the chart's axis. */
	label: string;
	/** The lesson's first goal, suggested with the result, and its stable id. */
	goal: string;
	goalId: string;
}

/**
 * The self-assessment: its statements in scoring order, and one pointer per
 * lesson. Fails the build, naming the file, when the statements do not fit
 * the lessons (every pointer needs the same number) or a lesson has no axis
 * name in the catalog.
 */
export async function getAssessment(lessons: readonly Lesson[]): Promise<{ statements: Statement[]; pointers: AssessmentPointer[] }> {
	const statements = scoringOrder((await getCollection('statements')).map((entry) => entry.data));
	const problems = checkStatements(statements, lessons.length);
	if (problems.length) throw new Error(`src/content/assessment/statements.json: ${problems.join('; ')}.`);
	const pointers = lessons.map((lesson) => {
		const axis = `assessment.axis.${lesson.order}`;
		if (!isStringKey(axis)) throw new Error(`src/i18n/en.json: no "${axis}" for lesson ${lesson.entry.id}, the chart's name for its pointer.`);
		const [goal] = lesson.entry.data.goals;
		if (!goal) throw new Error(`${lesson.entry.id}: the self-assessment suggests a lesson's first goal, and this lesson has none.`);
		return { ...lessonLink(lesson), label: t(axis), goal: goal.text, goalId: goal.id };
	});
	return { statements, pointers };
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
		title: lesson.title,
		summary: lesson.entry.data.summary,
		url: new URL(lesson.href, site).href,
		minutes: lesson.time.readingMinutes,
		order: lesson.order,
	};
}
