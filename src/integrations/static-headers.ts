/**
 * The security headers of the static pages. The adapter serves them as files,
 * past Astro's middleware, so the build computes each page's headers from its
 * HTML (src/server/integration.ts writes them to dist/server/static-headers.json)
 * and the production server (scripts/serve.mjs) sends them.
 */
import { SECURITY_HEADERS, contentSecurityPolicy } from '../server/security.ts';

/** What scripts/serve.mjs reads: headers for every response, and each page's own. */
export interface StaticHeaders {
	common: Record<string, string>;
	/** By URL path, as the server sees it (`/`, `/about/`, `/404.html`). */
	pages: Record<string, Record<string, string>>;
}

/** The URL path of a built HTML file, given its path inside the client folder (`/` separated). */
export function pagePath(file: string): string {
	if (file === 'index.html') return '/';
	if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
	return `/${file}`;
}

/** The external endpoint a page's forms post to (NEWSLETTER_FORM_ACTION), if any. */
export function externalFormAction(html: string): string | undefined {
	for (const [, action = ''] of html.matchAll(/<form\b[^>]*\baction\s*=\s*["']?(https?:\/\/[^"'\s>]+)/gi)) return action;
	return undefined;
}

/** The headers of every built page, from its HTML. */
export function staticHeaders(pages: readonly { file: string; html: string }[]): StaticHeaders {
	const byPath: StaticHeaders['pages'] = {};
	for (const { file, html } of pages) {
		byPath[pagePath(file)] = {
			'content-security-policy': contentSecurityPolicy(html, externalFormAction(html), { inlineStyles: true }),
		};
	}
	return { common: { ...SECURITY_HEADERS }, pages: byPath };
}
