/**
 * The site's Content-Security-Policy, as Astro's `security.csp` setting
 * (astro.config.mjs). Astro adds the hashes of every script and style it
 * bundles or inlines, computed at build time from what the components emit,
 * never from a rendered page: an injected `<script>` is not on the list.
 * What Astro cannot know is added here: the theme script's hash (it is
 * `is:inline`), Pagefind's WebAssembly, and the external form endpoint when
 * the forms post to an email service (NEWSLETTER_FORM_ACTION, read at build
 * time like the forms themselves).
 */
import { createHash } from 'node:crypto';
import type { AstroUserConfig } from 'astro';
import { THEME_SCRIPT } from '../layouts/theme-script.ts';

/** Astro's `security.csp` object. */
export type CspConfig = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;

/** A CSP source hash of a script or style text, as `security.csp` takes it. */
export function cspHash(text: string): `sha256-${string}` {
	return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/** The origin a form action URL posts to; the build fails naming the setting when it is not an http(s) URL. */
export function formActionOrigin(formAction: string): string {
	let url: URL;
	try {
		url = new URL(formAction);
	} catch {
		throw new Error(`NEWSLETTER_FORM_ACTION must be an absolute http(s) URL, got "${formAction}".`);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:')
		throw new Error(`NEWSLETTER_FORM_ACTION must be an http(s) URL, got "${formAction}".`);
	return url.origin;
}

/** Settings of {@link contentSecurityPolicy}. */
export interface PolicyOptions {
	/** NEWSLETTER_FORM_ACTION: the forms post to this external endpoint instead of this server. */
	formAction?: string | undefined;
}

/**
 * The `security.csp` object: scripts and styles only from this site and
 * Astro's hashes (no `'unsafe-inline'` anywhere), no plugins, no framing, no
 * `<base>`, forms only to this site (and the configured email service).
 */
export function contentSecurityPolicy({ formAction }: PolicyOptions = {}): CspConfig {
	const formTargets = ["'self'", ...(formAction ? [formActionOrigin(formAction)] : [])];
	return {
		algorithm: 'SHA-256',
		directives: [
			"default-src 'self'",
			"img-src 'self' data:",
			"font-src 'self'",
			"connect-src 'self'",
			"object-src 'none'",
			"base-uri 'none'",
			`form-action ${formTargets.join(' ')}` as const,
			"frame-ancestors 'none'",
		],
		// Pagefind (the site search) runs WebAssembly.
		scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: [cspHash(THEME_SCRIPT)] },
		styleDirective: { resources: ["'self'"] },
	};
}
