/** Zod building blocks shared by every part's import schema (each imports this module first). */
import { z } from 'astro/zod';

// The site's Content-Security-Policy forbids eval. Without this, building an object schema makes
// zod probe `new Function` for a faster parser, which the browser reports as a policy violation
// (zod then validates without it anyway). Set here, before any of the schemas is built.
z.config({ jitless: true });

/** A lowercase kebab-case id, as used for lessons, prompts and goals. */
export const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase id');
/** An ISO 8601 date-time with an offset or Z. */
export const dateTime = z.iso.datetime({ offset: true });
/** A calendar date, YYYY-MM-DD. */
export const isoDate = z.iso.date();
