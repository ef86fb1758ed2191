/** Zod building blocks shared by every part's import schema. */
import { z } from 'astro/zod';

/** A lowercase kebab-case id, as used for lessons, prompts and goals. */
export const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase id');
/** An ISO 8601 date-time with an offset or Z. */
export const dateTime = z.iso.datetime({ offset: true });
/** A calendar date, YYYY-MM-DD. */
export const isoDate = z.iso.date();
