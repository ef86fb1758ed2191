/**
 * Email address validation for the newsletter forms, shared by the server
 * (the authority) and the form island (instant feedback). Pure: no DOM, no
 * Node APIs, no zod, so the island bundle stays small.
 *
 * The rules are deliberately stricter than RFC 5321 where the RFC allows
 * things a newsletter never needs and an attacker likes: quoted local parts,
 * IP-literal domains, comments, and any character outside ASCII (look-alike
 * letters from other alphabets). Plus-addressing (`name+news@…`) is kept.
 */

/** Why an address was refused; each code has a message `newsletter.error.email.<code>` in src/i18n/newsletter-form.en.json. */
export type EmailProblem =
	'required' | 'tooLong' | 'control' | 'atSign' | 'localMissing' | 'localTooLong' | 'spaces' | 'nonAscii' | 'local' | 'domain';

/** The outcome of {@link parseEmailAddress}. */
export type EmailParseResult =
	| {
			ok: true;
			/** The address to store and send to: local part as typed, domain lowercased. */
			address: string;
			/** The key that makes two spellings the same subscriber: the whole address lowercased. */
			key: string;
	  }
	| { ok: false; problem: EmailProblem };

/** RFC 5321: at most 254 characters in a usable address (256 minus the angle brackets). */
export const MAX_ADDRESS_LENGTH = 254;
/** RFC 5321: at most 64 characters before the @. */
export const MAX_LOCAL_LENGTH = 64;

// C0 controls, DEL, C1 controls, and the Unicode line and paragraph separators.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// RFC 5322 dot-atom: atext characters, dots only between them.
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * Checks and normalises an email address as typed into a form.
 * Only ordinary spaces around the address are forgiven; a line break or
 * other control character anywhere is refused, never silently stripped,
 * because it is the signature of header injection.
 */
export function parseEmailAddress(input: unknown): EmailParseResult {
	if (typeof input !== 'string') return { ok: false, problem: 'required' };
	const value = input.replace(/^ +| +$/g, '');
	if (value === '') return { ok: false, problem: 'required' };
	if (CONTROL.test(value)) return { ok: false, problem: 'control' };
	if (value.length > MAX_ADDRESS_LENGTH) return { ok: false, problem: 'tooLong' };
	const parts = value.split('@');
	if (parts.length !== 2) return { ok: false, problem: 'atSign' };
	const [local = '', rawDomain = ''] = parts;
	if (local === '') return { ok: false, problem: 'localMissing' };
	if (local.length > MAX_LOCAL_LENGTH) return { ok: false, problem: 'localTooLong' };
	if (/\s/.test(value)) return { ok: false, problem: 'spaces' };
	if (/[^\x20-\x7e]/.test(value)) return { ok: false, problem: 'nonAscii' };
	if (!LOCAL_PART.test(local)) return { ok: false, problem: 'local' };
	const domain = rawDomain.toLowerCase();
	if (!isValidDomain(domain)) return { ok: false, problem: 'domain' };
	const address = `${local}@${domain}`;
	return { ok: true, address, key: address.toLowerCase() };
}

/** A public DNS name: two or more LDH labels, at most 253 characters, a top-level label that is not all digits. */
function isValidDomain(domain: string): boolean {
	if (domain.length === 0 || domain.length > 253) return false;
	const labels = domain.split('.');
	if (labels.length < 2) return false;
	if (!labels.every((label) => DOMAIN_LABEL.test(label))) return false;
	return !/^\d+$/.test(labels[labels.length - 1]!);
}

/** Masks an address for logs: `a***@example.com`. */
export function maskEmailAddress(address: string): string {
	const at = address.lastIndexOf('@');
	if (at < 1) return '***';
	return `${address[0]}***${address.slice(at)}`;
}
