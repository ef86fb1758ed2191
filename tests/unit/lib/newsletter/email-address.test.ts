import { describe, expect, it } from 'vitest';
import { maskEmailAddress, parseEmailAddress, type EmailProblem } from '../../../../src/lib/newsletter/email-address';
import formStrings from '../../../../src/i18n/newsletter-form.en.json';

describe('parseEmailAddress', () => {
	it('accepts an ordinary address and keeps it as typed', () => {
		expect(parseEmailAddress('reader@example.com')).toEqual({ ok: true, address: 'reader@example.com', key: 'reader@example.com' });
	});

	it('lowercases the domain but keeps the case of the local part for sending', () => {
		expect(parseEmailAddress('Ada.Lovelace@Example.ORG')).toEqual({
			ok: true,
			address: 'Ada.Lovelace@example.org',
			key: 'ada.lovelace@example.org',
		});
	});

	it('keeps plus-addressing, so the reader can filter the newsletter', () => {
		const result = parseEmailAddress('reader+news@example.com');
		expect(result.ok && result.address).toBe('reader+news@example.com');
	});

	it('forgives ordinary spaces around the address', () => {
		const result = parseEmailAddress('  reader@example.com ');
		expect(result.ok && result.address).toBe('reader@example.com');
	});

	it('accepts the unusual but valid characters of RFC 5322 dot-atoms', () => {
		for (const address of ["o'brien@example.ie", 'a_b-c@sub.example.co.uk', '=x@example.com', 'x@xn--mller-kva.de']) {
			expect(parseEmailAddress(address).ok, address).toBe(true);
		}
	});

	it('accepts exactly 254 characters with a 64-character local part', () => {
		const local = 'a'.repeat(64);
		const domain = `${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`;
		const address = `${local}@${domain}`;
		expect(address).toHaveLength(254);
		expect(parseEmailAddress(address).ok).toBe(true);
	});

	it.each([
		['an empty value', '', 'required'],
		['only spaces', '   ', 'required'],
		['something that is not text', 42, 'required'],
		['no @ at all', 'reader.example.com', 'atSign'],
		['two @', 'a@b@example.com', 'atSign'],
		['a full-width look-alike @', 'reader＠example.com', 'atSign'],
		['nothing before the @', '@example.com', 'localMissing'],
		['65 characters before the @', `${'a'.repeat(65)}@example.com`, 'localTooLong'],
		['255 characters in all', `${'a'.repeat(64)}@${'b'.repeat(186)}.com`, 'tooLong'],
		['a line feed (header injection)', 'reader@example.com\nBcc: victim@example.com', 'control'],
		['a carriage return', 'reader@example.com\r', 'control'],
		['a NUL byte', 'reader\u0000@example.com', 'control'],
		['a tab', 'reader\t@example.com', 'control'],
		['a Unicode line separator', 'reader@example.com\u2028', 'control'],
		['a space inside', 'read er@example.com', 'spaces'],
		['a non-breaking space inside', 'read\u00a0er@example.com', 'spaces'],
		['a Cyrillic look-alike letter', 'reader@exаmple.com', 'nonAscii'],
		['accented letters', 'renée@example.fr', 'nonAscii'],
		['a zero-width space', 'reader\u200b@example.com', 'nonAscii'],
		['angle brackets (HTML injection)', '<script>@example.com', 'local'],
		['a quoted local part', '"john doe"@example.com', 'spaces'],
		['a semicolon (SQL injection)', "a';DROP-TABLE@example.com", 'local'],
		['a leading dot', '.reader@example.com', 'local'],
		['two dots in a row', 'rea..der@example.com', 'local'],
		['a domain without a dot', 'reader@localhost', 'domain'],
		['an IP-literal domain', 'reader@[127.0.0.1]', 'domain'],
		['an all-numeric top-level label', 'reader@1.2.3.4', 'domain'],
		['a domain label starting with a hyphen', 'reader@-example.com', 'domain'],
		['an empty domain label', 'reader@example..com', 'domain'],
		['a trailing dot', 'reader@example.com.', 'domain'],
		['an underscore in the domain', 'reader@exa_mple.com', 'domain'],
	])('refuses %s', (_name, input, problem) => {
		expect(parseEmailAddress(input)).toEqual({ ok: false, problem });
	});
});

describe('maskEmailAddress', () => {
	it('keeps the first letter and the domain only', () => {
		expect(maskEmailAddress('reader@example.com')).toBe('r***@example.com');
	});

	it('gives nothing away for something that is not an address', () => {
		expect(maskEmailAddress('nonsense')).toBe('***');
	});
});

describe('messages for the form island', () => {
	// `satisfies` makes this list fail type-checking when a problem code is added or renamed.
	const problems = {
		required: true,
		tooLong: true,
		control: true,
		atSign: true,
		localMissing: true,
		localTooLong: true,
		spaces: true,
		nonAscii: true,
		local: true,
		domain: true,
	} satisfies Record<EmailProblem, true>;

	it.each(Object.keys(problems))('the island’s own catalog has a message for “%s”', (problem) => {
		const message = (formStrings as Record<string, string>)[`newsletter.error.email.${problem}`];
		expect(message?.trim()).toBeTruthy();
	});

	it.each(['tooLong', 'characters'])('the island’s own catalog has a message for the first name’s “%s”', (problem) => {
		const message = (formStrings as Record<string, string>)[`newsletter.error.firstName.${problem}`];
		expect(message?.trim()).toBeTruthy();
	});
});
