/**
 * The newsletter form's other fields: first name, source page and consent
 * version. Pure, shared by the server schema and the form island.
 */

/** The first-name rule's outcome; each problem has a message `newsletter.error.firstName.<code>`. */
export type FirstNameResult = { ok: true; firstName: string | null } | { ok: false; problem: 'tooLong' | 'characters' };

/** Longest first name accepted. */
export const MAX_FIRST_NAME_LENGTH = 50;

/**
 * Names in any script (letters and combining marks), with spaces, hyphens,
 * apostrophes and full stops between them. No digits, URLs, @ or angle
 * brackets: the name is repeated in the confirmation email, and a form that
 * lets anyone put a link in a mail to anyone is a spam relay.
 */
const FIRST_NAME = /^\p{L}[\p{L}\p{M} '’.-]*$/u;

/** Checks the optional first name; empty means "not given". */
export function parseFirstName(input: unknown): FirstNameResult {
	if (input === undefined || input === null) return { ok: true, firstName: null };
	if (typeof input !== 'string') return { ok: false, problem: 'characters' };
	const value = input.replace(/^ +| +$/g, '').normalize('NFC');
	if (value === '') return { ok: true, firstName: null };
	if ([...value].length > MAX_FIRST_NAME_LENGTH) return { ok: false, problem: 'tooLong' };
	// A full stop ends an initial ("J. R."); one inside a word ("spam.example") makes a link.
	if (!FIRST_NAME.test(value) || /\.\p{L}/u.test(value)) return { ok: false, problem: 'characters' };
	return { ok: true, firstName: value.replace(/ {2,}/g, ' ') };
}

/**
 * Where a form sits, recorded with the consent: `lesson:accept-invitations`,
 * `course-end`, `footer:/about/`, `newsletter-page`. Lowercase path-like text only.
 */
export const SOURCE_PATTERN = /^[a-z0-9][a-z0-9/:_.-]{0,119}$/;

/** Checks a form's source value. */
export function isValidSource(value: unknown): value is string {
	return typeof value === 'string' && SOURCE_PATTERN.test(value);
}

/**
 * The version of the consent statement shown next to the form
 * (`newsletter.consent` in en.json). Change this whenever that text changes,
 * and keep the old versions listed, so every stored consent can be traced
 * to the words the subscriber saw.
 */
export const CONSENT_VERSION = '2026-11';

/** Every consent version the server accepts from a form (older pages may still be open). */
export const CONSENT_VERSIONS: readonly string[] = [CONSENT_VERSION];
