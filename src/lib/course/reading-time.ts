/**
 * How long a lesson takes. Busy readers plan around these figures, so they
 * count every word a lesson page asks them to read (its title, summary,
 * objectives, the post's text and the course's notes and worked example, the
 * takeaway, the reflection prompts and the suggested goals; not navigation,
 * buttons or form labels), and they say separately how long the activities
 * take, as an estimate.
 */

/** Words per minute for attentive reading of prose (a common, conservative figure). */
export const WORDS_PER_MINUTE = 200;

/**
 * Minutes the activities take. These are assumptions, not measurements (no
 * reader has been timed), so pages label the result as an estimate:
 * - `reflection`: each reflection prompt, thinking and writing a few sentences;
 * - `tool`: the lesson's practice tool, recording a contact or two or trying the figures;
 * - `goal`: choosing one suggested goal and giving it a date.
 */
export const ACTIVITY_MINUTES = { reflection: 2, tool: 3, goal: 1 } as const;

/** What a lesson page shows the reader to read: its frontmatter and its MDX body. */
export interface LessonText {
	title: string;
	summary: string;
	objectives: readonly string[];
	takeaway: string;
	reflections: readonly { prompt: string }[];
	goals: readonly { text: string }[];
	/** The MDX body: the post's text, the practice notes and the worked example. */
	body: string;
}

/** A lesson's time: reading alone, and with its activities (the estimate). */
export interface LessonTime {
	/** Words the reader is asked to read. */
	words: number;
	/** Whole minutes of reading, at least 1 when there are words. */
	readingMinutes: number;
	/** Estimated minutes for the activities (ACTIVITY_MINUTES). */
	activityMinutes: number;
	/** `readingMinutes + activityMinutes`. */
	totalMinutes: number;
}

/**
 * Strips MDX/Markdown syntax (imports, comments, tags, link targets, markers)
 * and returns the plain words. A component's `heading="…"` is kept: the page
 * shows it as text (PostExcerpt's pointer heading).
 */
export function plainWords(source: string): string[] {
	const text = source
		.replace(/^\s*(import|export)\s.*$/gm, ' ')
		.replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ')
		.replace(/<[A-Za-z][^>]*?\sheading="([^"]*)"[^>]*>/g, ' $1 ')
		.replace(/<\/?[A-Za-z][^>]*>/g, ' ')
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/[#>*_`~|]+/g, ' ')
		// A hyphen inside a word ("birds-of-a-feather") keeps it one word; list markers and dashes go.
		.replace(/(?<![\p{L}\p{N}])-+|-+(?![\p{L}\p{N}])/gu, ' ');
	return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
}

/** Whole minutes needed to read `words` words, at least 1 for any, 0 for none. */
export function minutesFor(words: number, wordsPerMinute = WORDS_PER_MINUTE): number {
	if (words === 0) return 0;
	return Math.max(1, Math.round(words / wordsPerMinute));
}

/** Whole minutes needed to read `source` (Markdown or MDX), at least 1 for any non-empty text, 0 for none. */
export function readingMinutes(source: string, wordsPerMinute = WORDS_PER_MINUTE): number {
	return minutesFor(plainWords(source).length, wordsPerMinute);
}

/** Every text of a lesson page the reader is asked to read, in page order. */
export function lessonReadingTexts(lesson: LessonText): string[] {
	return [
		lesson.title,
		lesson.summary,
		...lesson.objectives,
		lesson.body,
		lesson.takeaway,
		...lesson.reflections.map((reflection) => reflection.prompt),
		...lesson.goals.map((goal) => goal.text),
	];
}

/** The words a lesson page asks the reader to read. */
export function lessonWords(lesson: LessonText): string[] {
	return lessonReadingTexts(lesson).flatMap((text) => plainWords(text));
}

/** A lesson's reading time and, as an estimate, its time with the activities (`hasTool`: it has a practice tool). */
export function lessonTime(lesson: LessonText, hasTool = true): LessonTime {
	const words = lessonWords(lesson).length;
	const readingMinutes = minutesFor(words);
	const activityMinutes =
		lesson.reflections.length * ACTIVITY_MINUTES.reflection +
		(hasTool ? ACTIVITY_MINUTES.tool : 0) +
		(lesson.goals.length ? ACTIVITY_MINUTES.goal : 0);
	return { words, readingMinutes, activityMinutes, totalMinutes: readingMinutes + activityMinutes };
}

/**
 * The course's time: the sums of the figures each lesson shows (so the home
 * page agrees with the lesson cards), reading alone and with the activities.
 */
export function courseTime(lessons: readonly Pick<LessonTime, 'readingMinutes' | 'totalMinutes'>[]): {
	readingMinutes: number;
	totalMinutes: number;
} {
	return {
		readingMinutes: lessons.reduce((sum, lesson) => sum + lesson.readingMinutes, 0),
		totalMinutes: lessons.reduce((sum, lesson) => sum + lesson.totalMinutes, 0),
	};
}
