/**
 * Security for every response rendered on demand (the newsletter routes),
 * and the headers the production server (entry.ts) sends on every response.
 * The Content-Security-Policy itself is Astro's (`security.csp`, see
 * src/integrations/content-security-policy.ts): computed at build time from
 * what the components emit, never from a rendered page.
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
 * Refinements over Astro's check:
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
 * - The site's public origin (SITE_URL) is accepted as well as the one the
 *   request names, so the check works behind a proxy that terminates HTTPS,
 *   with no need to trust X-Forwarded-Proto or -Host.
 * - The request must name this site: its Host is the public host (SITE_URL)
 *   or a loopback name. Otherwise a page on a domain an attacker points at
 *   this server (DNS rebinding) would pass the check with its own origin.
 */
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

/** Host names that can only come from this machine: never a name an attacker's DNS controls. */
function isLoopbackName(hostname: string): boolean {
	return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** True when the request names another site than this one (see DNS rebinding above); `site` is the public origin. */
export function isForeignHost(url: URL, site: URL): boolean {
	return url.hostname !== site.hostname && !isLoopbackName(url.hostname);
}

/**
 * True when a request must be refused as a cross-site (CSRF) attempt. `site`
 * is the public origin (SITE_URL), accepted besides the request's own.
 */
export function isForbiddenCrossSite(request: Request, url: URL, site: URL = url): boolean {
	if (SAFE_METHODS.has(request.method)) return false;
	if (request.method === 'POST' && isOneClickPath(url.pathname)) return false;
	const origin = request.headers.get('origin');
	if (origin === url.origin || origin === site.origin) return false;
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

/** The policy of a response that is not a page (JSON, a redirect, plain text): it may load and run nothing. */
export const NO_PAGE_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The 421 answer to a request that names another host (see {@link isForeignHost}). */
export function foreignHostResponse(): Response {
	return new Response('This server does not serve that host name. Use the site’s own address.', {
		status: 421,
		headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
	});
}

/**
 * Adds the security headers to an on-demand response (a copy, since some
 * responses have immutable headers). A page keeps the policy Astro gave it;
 * anything else gets {@link NO_PAGE_POLICY}.
 */
export function secureResponse(response: Response, pathname: string): Response {
	const headers = new Headers(response.headers);
	if (!headers.has('content-security-policy')) headers.set('content-security-policy', NO_PAGE_POLICY);
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
	const tokenPage = TOKEN_PATHS.some((path) => withoutTrailingSlash(pathname) === withoutTrailingSlash(path));
	if (tokenPage) headers.set('referrer-policy', 'no-referrer');
	if (tokenPage) headers.set('x-robots-tag', 'noindex, nofollow');
	if (isNewsletterPath(pathname)) headers.set('cache-control', 'no-store');
	// Astro reports "OK" for any status a page sets; let Node use the right reason phrase instead.
	const statusText = response.status !== 200 && response.statusText === 'OK' ? undefined : response.statusText;
	return new Response(response.body, { status: response.status, statusText, headers });
}
