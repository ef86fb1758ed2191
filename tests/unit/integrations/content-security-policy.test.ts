import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, cspHash, formActionOrigin } from '../../../src/integrations/content-security-policy';
import { THEME_SCRIPT } from '../../../src/layouts/theme-script';

describe('contentSecurityPolicy', () => {
	const policy = contentSecurityPolicy();

	it('lists the inline theme script by the hash of exactly the text the layout renders', () => {
		const expected = `sha256-${createHash('sha256').update(THEME_SCRIPT).digest('base64')}`;
		expect(policy.scriptDirective?.hashes).toEqual([expected]);
		expect(cspHash('a()')).toBe(`sha256-${createHash('sha256').update('a()').digest('base64')}`);
	});

	it('allows scripts and styles only from the site (plus Pagefind’s WebAssembly), never unsafe-inline', () => {
		expect(policy.scriptDirective?.resources).toEqual(["'self'", "'wasm-unsafe-eval'"]);
		expect(policy.styleDirective?.resources).toEqual(["'self'"]);
		expect(JSON.stringify(policy)).not.toContain('unsafe-inline');
	});

	it('forbids framing, plugins, <base> and posting forms elsewhere', () => {
		expect(policy.directives).toEqual(
			expect.arrayContaining(["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'self'"]),
		);
	});

	it('lets the forms post to the configured email service, by origin', () => {
		const withService = contentSecurityPolicy({ formAction: 'https://forms.example/subscribe?u=1&id=2' });
		expect(withService.directives).toContain("form-action 'self' https://forms.example");
	});

	it('fails the build naming the setting when the form action is not an http(s) URL', () => {
		expect(() => formActionOrigin('forms.example/subscribe')).toThrow(/NEWSLETTER_FORM_ACTION must be an absolute http\(s\) URL/);
		expect(() => formActionOrigin('javascript:alert(1)')).toThrow(/NEWSLETTER_FORM_ACTION must be an http\(s\) URL/);
	});
});
