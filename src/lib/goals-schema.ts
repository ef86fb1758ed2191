/**
 * Strict import schema of the goals part. STUB: the goals feature replaces it
 * to match `sanitizeGoals` in ./goals.ts field by field.
 */
import { z } from 'astro/zod';
import { CURRENT_VERSION } from './learner-state';

export const goalsSchema = z
	.object({
		version: z.literal(CURRENT_VERSION),
		items: z.array(z.record(z.string(), z.unknown())),
	})
	.strict();
