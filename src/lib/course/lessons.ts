/**
 * Course structure: slugs, order and neighbours, derived from the lessons
 * collection. Pure, so the rules (unique order, no gaps) are unit-tested.
 */

/** The minimal shape this module needs from a lesson entry. */
export interface LessonRef {
	id: string;
	data: { order: number; title: string };
}

/** The URL slug of a lesson: its file name without the `NN-` ordering prefix. */
export function lessonSlug(id: string): string {
	const base = id.split('/').pop() ?? id;
	return base.replace(/\.mdx?$/, '').replace(/^\d+-/, '');
}

/** The lesson's URL path, with the trailing slash the static build serves. */
export function lessonPath(id: string): string {
	return `/lessons/${lessonSlug(id)}/`;
}

/**
 * Sorts lessons by `order` and checks the course is whole: orders 1..n with
 * no gap or duplicate, slugs unique. Throws naming the offending files.
 */
export function sortLessons<T extends LessonRef>(lessons: readonly T[]): T[] {
	const sorted = [...lessons].sort((a, b) => a.data.order - b.data.order);
	sorted.forEach((lesson, index) => {
		if (lesson.data.order !== index + 1) {
			const clash = sorted.filter((other) => other.data.order === lesson.data.order);
			const files = clash.map((entry) => entry.id).join(', ');
			throw new Error(
				clash.length > 1
					? `Lessons ${files} share order ${lesson.data.order}: each lesson needs its own order.`
					: `Lesson ${lesson.id} has order ${lesson.data.order}, expected ${index + 1}: orders must run 1..${sorted.length} without gaps.`,
			);
		}
	});
	const slugs = new Map<string, string>();
	for (const lesson of sorted) {
		const slug = lessonSlug(lesson.id);
		const other = slugs.get(slug);
		if (other) throw new Error(`Lessons ${other} and ${lesson.id} have the same slug "${slug}".`);
		slugs.set(slug, lesson.id);
	}
	return sorted;
}

/** The lessons before and after position `index` in a sorted course (undefined at the ends). */
export function neighbours<T>(sorted: readonly T[], index: number): { previous?: T; next?: T } {
	return { previous: sorted[index - 1], next: sorted[index + 1] };
}
