/**
 * Strict import schema of the goals part: accepts exactly what `sanitizeGoals`
 * (./goals.ts) keeps, because each field reuses the sanitizer's predicate.
 * Loaded only on the data page, with the rest of learner-schema.ts.
 */
import { z } from 'astro/zod';
import { CURRENT_VERSION, isIsoDateTime } from '../learner/stored-part';
import { MAX_GOAL_ID, MAX_GOAL_NOTES, MAX_GOAL_TEXT, isCalendarDate, isGoalNotes, isGoalText } from './goals';
import { dateTime, isoDate, slug } from '../learner/schema-primitives';

/** An ISO date-time exactly as the sanitizer reads it (`isIsoDateTime`: with seconds, on a real day). */
const goalDateTime = dateTime.refine(isIsoDateTime, 'must be a date-time with seconds on a real day');

/** One goal, documented field by field. */
export const goalSchema = z
	.object({
		// Frontmatter id of a suggested goal, or `own-<random>` for the reader's own.
		id: slug.max(MAX_GOAL_ID),
		// The commitment: trimmed, 1–200 characters, no control characters.
		text: z.string().max(MAX_GOAL_TEXT).refine(isGoalText, 'must be 1–200 characters, trimmed, without control characters'),
		// Lesson slug or `assessment` where it was suggested; null for the reader's own goals.
		source: slug.max(MAX_GOAL_ID).nullable(),
		// Target day, YYYY-MM-DD (a real calendar date).
		targetDate: isoDate.refine(isCalendarDate, 'must be a real calendar date').optional(),
		// Free notes: trimmed, 1–1000 characters, line feeds allowed.
		notes: z.string().max(MAX_GOAL_NOTES).refine(isGoalNotes, 'must be 1–1000 characters, trimmed, without control characters').optional(),
		// When the goal was added, last changed and ticked off.
		createdAt: goalDateTime,
		updatedAt: goalDateTime,
		doneAt: goalDateTime.optional(),
		// Changes since it was added (the calendar event's SEQUENCE).
		revision: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
	})
	.strict();

/** The goals part: every goal valid and each id used once. */
export const goalsSchema = z
	.object({
		// Schema version of this part.
		version: z.literal(CURRENT_VERSION),
		// Goals in the order they were added.
		items: z
			.array(goalSchema)
			.refine((items) => new Set(items.map((goal) => goal.id)).size === items.length, 'each goal id must appear once'),
	})
	.strict();
