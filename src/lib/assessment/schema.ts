/**
 * Strict import schema of the assessment part: it accepts exactly what
 * `sanitizeAssessment` (./assessment.ts) keeps, field by field, so an import
 * never holds data the site would silently drop (tests/unit/assessment.test.ts
 * checks they agree). Loaded only on the "Your data" page.
 */
import { z } from 'astro/zod';
import { CURRENT_VERSION } from '../learner/stored-part';
import { SCALE_MAX, SCALE_MIN } from './answer-scale';
import { dateTime, slug } from '../learner/schema-primitives';

/** Answers by statement id, each a whole number on the 1–5 scale. */
const answers = z.record(slug, z.number().int().min(SCALE_MIN).max(SCALE_MAX));

export const assessmentSchema = z
	.object({
		// Schema version of this part.
		version: z.literal(CURRENT_VERSION),
		// Answers of the attempt under way, by statement id.
		draft: answers,
		// Completed attempts in the order taken: the date and every answer.
		attempts: z.array(
			z
				.object({
					takenAt: dateTime,
					answers: answers.refine((value) => Object.keys(value).length > 0, 'an attempt needs at least one answer'),
				})
				.strict(),
		),
	})
	.strict();
