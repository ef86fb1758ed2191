/**
 * Security for every response rendered on demand (the newsletter routes),
 * and the headers the production server (scripts/serve.mjs) adds to the
 * static files, which the adapter serves without passing through Astro's
 * middleware: `SECURITY_HEADERS` and a per-page `contentSecurityPolicy`
 * computed at build time (src/server/integration.ts).
 *
 * Origin check. Astro's built-in `security.checkOrigin` answers 403 to any
 * cross-site form POST, and it cannot make an exception for one path. RFC
 * 8058 one-click unsubscribe is exactly such a POST: mail providers send it
 * from their own servers with no Origin header. So astro.config.mjs turns
 * the built-in check off and this module does the same check itself, for
 * every unsafe method on every on-demand route, except that one endpoint,
 * which needs no CSRF protection because it acts only on the unguessable
 * token in its URL and can only ever unsubscribe (the RFC's design).
 *
 * Two refinements over Astro's check:
 * - Token pages send `Referrer-Policy: no-referrer`, and browsers then send
 *   `Origin: null` for the page's own form POST. A request with `Origin:
 *   null` (or none) is accepted only if the browser vouches with
 *   `Sec-Fetch-Site: same-origin`, a header pages cannot forge. Browsers too
 *   old to send Sec-Fetch-Site (Safari before 16.4) may still post
 *   `Origin: null` to the token pages' own endpoints (confirm, unsubscribe,
 *   resend): those act only on the secret token in the body, which a forging
 *   site cannot know, so the reader is not locked out of their own link.
 * - Every unsafe method needs a same-origin request, whatever its content
 *   type, not only the three "simple" form types.
 */
import { createHash } from 'node:crypto';
import { PATHS, isNewsletterPath } from '../lib/newsletter/routes.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Paths whose URL carries a secret token: no referrer, no caching, no indexing. */
const TOKEN_PATHS = [PATHS.confirm, PATHS.unsubscribe, PATHS.resend, PATHS.oneClick];

const withoutTrailingSlash = (path: string) => (path.length > 1 ? path.replace(/\/+$/, '') : path);

/** True for the RFC 8058 endpoint, the one path exempt from the origin check. */
export function isOneClickPath(pathname: string): boolean {
	return withoutTrailingSlash(pathname) === withoutTrailingSlash(PATHS.oneClick);
}

/** The endpoints of the buttons on token pages, which act only with the token posted to them. */
function isTokenFormPath(pathname: string): boolean {
	const path = withoutTrailingSlash(pathname);
	return [PATHS.confirm, PATHS.unsubscribe, PATHS.resend].some((tokenPath) => path === withoutTrailingSlash(tokenPath));
}

/** True when a request must be refused as a cross-site (CSRF) attempt. */
export function isForbiddenCrossSite(request: Request, url: URL): boolean {
	if (SAFE_METHODS.has(request.method)) return false;
	if (request.method === 'POST' && isOneClickPath(url.pathname)) return false;
	const origin = request.headers.get('origin');
	if (origin === url.origin) return false;
	if (origin === null || origin === 'null') {
		const site = request.headers.get('sec-fetch-site');
		if (site === 'same-origin') return false;
		if (origin === 'null' && site === null && request.method === 'POST' && isTokenFormPath(url.pathname)) return false;
	}
	return true;
}

/** The 403 answer to a cross-site request, as JSON or text depending on what was asked for. */
export function crossSiteResponse(request: Request): Response {
	const message = 'This form can only be sent from this website. Reload the page and try again.';
	const asJson = (request.headers.get('accept') ?? '').includes('application/json');
	return new Response(asJson ? JSON.stringify({ ok: false, message }) : message, {
		status: 403,
		headers: { 'content-type': asJson ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
	});
}

/** Headers every response carries, static file or on-demand page. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'x-content-type-options': 'nosniff',
	'x-frame-options': 'DENY',
	'cross-origin-opener-policy': 'same-origin',
	'cross-origin-resource-policy': 'same-origin',
	'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
	'referrer-policy': 'strict-origin-when-cross-origin',
};

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * A Content-Security-Policy for an HTML page: scripts and styles only from
 * this origin plus the exact inline blocks the page contains (by hash), so
 * an injected <script> would not run. `formAction` adds the external form
 * endpoint when NEWSLETTER_FORM_ACTION is set. `inlineStyles` allows any
 * inline style instead of listing hashes: on the static pages the network
 * tools and Pagefind's highlighter add <style> elements as they run.
 */
export function contentSecurityPolicy(html: string | null, formAction?: string, { inlineStyles = false } = {}): string {
	const scripts = new Set<string>();
	const styles = new Set<string>();
	const styleAttributes = new Set<string>();
	if (html) {
		for (const [, attributes = '', body = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
			if (/\bsrc\s*=/.test(attributes) || /type\s*=\s*["']?application\/(ld\+)?json/i.test(attributes)) continue;
			scripts.add(sha256(body));
		}
		for (const [, body = ''] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) styles.add(sha256(body));
		for (const [, , value = ''] of html.matchAll(/\sstyle\s*=\s*(["'])([\s\S]*?)\1/gi)) styleAttributes.add(sha256(decodeEntities(value)));
	}
	let formOrigin = '';
	if (formAction) {
		try {
			formOrigin = ` ${new URL(formAction).origin}`;
		} catch {}
	}
	const styleSources = [...styles, ...(styleAttributes.size ? ["'unsafe-hashes'", ...styleAttributes] : [])];
	return [
		"default-src 'self'",
		// Pagefind (the site search) runs WebAssembly.
		`script-src 'self' 'wasm-unsafe-eval' ${[...scripts].join(' ')}`.trim(),
		inlineStyles ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' ${styleSources.join(' ')}`.trim(),
		"img-src 'self' data:",
		"font-src 'self'",
		"connect-src 'self'",
		"object-src 'none'",
		"base-uri 'none'",
		`form-action 'self'${formOrigin}`,
		"frame-ancestors 'none'",
	].join('; ');
}

function decodeEntities(value: string): string {
	return value.replace(/&(amp|quot|#39|lt|gt);/g, (_, name: string) => ({ amp: '&', quot: '"', '#39': "'", lt: '<', gt: '>' })[name]!);
}

/** Adds the security headers to an on-demand response (a copy, since some responses have immutable headers). */
export async function secureResponse(response: Response, pathname: string, formAction?: string): Promise<Response> {
	const isHtml = (response.headers.get('content-type') ?? '').includes('text/html');
	const html = isHtml && response.body ? await response.text() : null;
	const headers = new Headers(response.headers);
	headers.set('content-security-policy', contentSecurityPolicy(html, formAction));
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
	const tokenPage = TOKEN_PATHS.some((path) => withoutTrailingSlash(pathname) === withoutTrailingSlash(path));
	if (tokenPage) headers.set('referrer-policy', 'no-referrer');
	if (tokenPage) headers.set('x-robots-tag', 'noindex, nofollow');
	if (isNewsletterPath(pathname)) headers.set('cache-control', 'no-store');
	// Astro reports "OK" for any status a page sets; let Node use the right reason phrase instead.
	const statusText = response.status !== 200 && response.statusText === 'OK' ? undefined : response.statusText;
	return new Response(html ?? response.body, { status: response.status, statusText, headers });
}
