/**
 * Content collections: the course is data. Authors edit MDX and frontmatter;
 * the schemas below fail the build with the file and field named when a
 * frontmatter value is missing or malformed.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** The lesson tools, by the name a lesson's `tool` field gives (each is a component in src/components/network/). */
export const LESSON_TOOLS = ['invitations', 'benefits', 'probability', 'referrals', 'diversity', 'initiative'] as const;

/** A stable, URL-safe identifier: later features (goals, reflections) key stored data by it. */
const stableId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9 and single hyphens)');

const lessons = defineCollection({
	loader: glob({ base: './src/content/lessons', pattern: '**/*.mdx' }),
	schema: z
		.object({
			// The pointer's heading, verbatim from the post.
			title: z.string().min(1),
			// Position in the post: 1 to 6, unique.
			order: z.number().int().min(1).max(6),
			// The practice tool the lesson shows (src/components/lesson/LessonTool.astro), one of LESSON_TOOLS.
			tool: z.enum(LESSON_TOOLS),
			// One sentence for cards, search results and meta descriptions.
			summary: z.string().min(20).max(200),
			// What the reader will be able to do after the lesson.
			objectives: z.array(z.string().min(1)).min(2).max(4),
			// The one idea to keep.
			takeaway: z.string().min(1),
			// Goals the reader can adopt; ids are stored on the reader's device, so never change them.
			goals: z
				.array(z.object({ id: stableId, text: z.string().min(1).max(200) }))
				.min(2)
				.max(3),
			// Questions for the reader's own notes; ids key the saved answers.
			reflections: z
				.array(z.object({ id: stableId, prompt: z.string().min(1) }))
				.min(2)
				.max(3),
		})
		.strict(),
});

/** The course's framing text: the introduction (home page) and the closing call to action. */
const course = defineCollection({
	loader: glob({ base: './src/content/course', pattern: '**/*.mdx' }),
	schema: z
		.object({
			title: z.string().min(1),
		})
		.strict(),
});

/**
 * The self-assessment's statements, one JSON array in src/content/assessment.
 * Their order in the file is the order answers are scored and shared in:
 * add new statements, but do not reorder or re-id them lightly (old share
 * links stop opening, with a clear message, when the set changes).
 */
const statements = defineCollection({
	loader: file('./src/content/assessment/statements.json'),
	schema: z
		.object({
			// Stable kebab-case id: the reader's saved answers are keyed by it.
			id: stableId,
			// The pointer it measures: the `order` (1 to 6) of that pointer's lesson.
			pointer: z.number().int().min(1).max(6),
			// The statement, in the reader's own voice ("I …"), never attributed to the author or the executive.
			text: z.string().min(10).max(200),
			// True when agreeing means less of the pointer's behaviour: scored 6 − answer.
			reverse: z.boolean(),
		})
		.strict(),
});

export const collections = { lessons, course, statements };
