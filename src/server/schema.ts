/**
 * The subscription form as the server accepts it: one zod schema for the
 * fields, and one place (`readableErrors`) that turns its issues into the
 * messages a reader sees next to each field.
 */
import { z } from 'astro/zod';
import { parseEmailAddress } from '../lib/newsletter/email-address.ts';
import { CONSENT_VERSIONS, parseFirstName, SOURCE_PATTERN } from '../lib/newsletter/fields.ts';
import { t, type StringKey } from '../i18n/index.ts';

/** Names of the form's fields, as posted. */
export const FIELD = {
	email: 'email',
	firstName: 'first_name',
	source: 'source',
	consentVersion: 'consent_version',
	stamp: 'ts',
	honeypot: 'hp_extra',
} as const;

/** Fields a reader fills in; an error on any other field means the form was altered. */
export type VisibleField = 'email' | 'first_name';

/** Issues carry an en.json key as their message; `readableErrors` translates it. */
const issue = (key: StringKey) => key;

/** The posted form, validated and normalised. */
export const subscribeFormSchema = z.object({
	/** The address; normalised by src/lib/email-address.ts (domain lowercased, plus-addressing kept). */
	email: z.string({ error: issue('newsletter.error.email.required') }).transform((value, context) => {
		const result = parseEmailAddress(value);
		if (!result.ok) {
			context.addIssue({ code: 'custom', message: issue(`newsletter.error.email.${result.problem}` as StringKey) });
			return z.NEVER;
		}
		return result;
	}),
	/** Optional first name for the greeting. */
	first_name: z
		.string({ error: issue('newsletter.error.firstName.characters') })
		.optional()
		.transform((value, context) => {
			const result = parseFirstName(value);
			if (!result.ok) {
				context.addIssue({ code: 'custom', message: issue(`newsletter.error.firstName.${result.problem}` as StringKey) });
				return z.NEVER;
			}
			return result.firstName;
		}),
	/** Which form was used (hidden field). */
	source: z.string({ error: issue('newsletter.error.form') }).regex(SOURCE_PATTERN, { error: issue('newsletter.error.form') }),
	/** Which consent statement was shown (hidden field). */
	consent_version: z.enum(CONSENT_VERSIONS as [string, ...string[]], { error: issue('newsletter.error.consent') }),
	/** Signed "form issued at" stamp; empty without JavaScript (hidden field). */
	ts: z
		.string({ error: issue('newsletter.error.form') })
		.max(64, { error: issue('newsletter.error.form') })
		.optional(),
	/** The honeypot: people never see it, so anything here came from a bot. */
	hp_extra: z
		.string({ error: issue('newsletter.error.form') })
		.max(1_000, { error: issue('newsletter.error.form') })
		.optional(),
});

/** The validated form. */
export type SubscribeForm = z.infer<typeof subscribeFormSchema>;

/** Errors for the reader: one message per visible field, and one for the form as a whole. */
export interface ReadableErrors {
	fieldErrors: Partial<Record<VisibleField, string>>;
	/** Set when a hidden field was wrong: the page is stale or the request was forged. */
	formError?: string;
}

/** Turns zod issues into messages (the only place that does). */
export function readableErrors(error: z.ZodError): ReadableErrors {
	const result: ReadableErrors = { fieldErrors: {} };
	for (const problem of error.issues) {
		const field = problem.path[0];
		const key = (problem.message.startsWith('newsletter.') ? problem.message : 'newsletter.error.form') as StringKey;
		if (field === 'email' || field === 'first_name') {
			result.fieldErrors[field] ??= t(key);
		} else {
			result.formError ??= t(key);
		}
	}
	return result;
}
