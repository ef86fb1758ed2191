/**
 * Strict import schema of the network part. STUB: the network feature replaces it
 * to match `sanitizeNetwork` in ./network.ts field by field.
 */
import { z } from 'astro/zod';
import { CURRENT_VERSION } from './learner-state';

export const networkSchema = z
	.object({
		version: z.literal(CURRENT_VERSION),
		items: z.array(z.record(z.string(), z.unknown())),
	})
	.strict();
