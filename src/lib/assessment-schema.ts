/**
 * Strict import schema of the assessment part. STUB: the assessment feature replaces it
 * to match `sanitizeAssessment` in ./assessment.ts field by field.
 */
import { z } from 'astro/zod';
import { CURRENT_VERSION } from './learner-state';

export const assessmentSchema = z
	.object({
		version: z.literal(CURRENT_VERSION),
		items: z.array(z.record(z.string(), z.unknown())),
	})
	.strict();
