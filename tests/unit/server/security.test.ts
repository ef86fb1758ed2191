import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, isForbiddenCrossSite, secureResponse } from '../../../src/server/security';

const site = new URL('https://course.example/newsletter/subscribe/');
const post = (headers: Record<string, string>, url = site) => new Request(url, { method: 'POST', headers, body: 'email=a%40b.co' });

describe('isForbiddenCrossSite', () => {
	it('lets same-origin form posts through', () => {
		expect(
			isForbiddenCrossSite(post({ origin: 'https://course.example', 'content-type': 'application/x-www-form-urlencoded' }), site),
		).toBe(false);
	});

	it('refuses posts from other sites, whatever their content type', () => {
		for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain', 'application/json']) {
			expect(isForbiddenCrossSite(post({ origin: 'https://evil.example', 'content-type': type }), site), type).toBe(true);
		}
	});

	it('refuses posts with no Origin at all (not a browser form on this site)', () => {
		expect(isForbiddenCrossSite(post({ 'content-type': 'application/x-www-form-urlencoded' }), site)).toBe(true);
	});

	it('accepts Origin: null only when the browser vouches that the request is same-origin (no-referrer token pages)', () => {
		expect(isForbiddenCrossSite(post({ origin: 'null', 'sec-fetch-site': 'same-origin' }), site)).toBe(false);
		expect(isForbiddenCrossSite(post({ origin: 'null', 'sec-fetch-site': 'cross-site' }), site)).toBe(true);
		expect(isForbiddenCrossSite(post({ origin: 'null' }), site)).toBe(true);
	});

	it('lets a browser too old for fetch metadata post Origin: null to a token page button, and nowhere else', () => {
		const confirmUrl = new URL('https://course.example/newsletter/confirm/');
		expect(isForbiddenCrossSite(post({ origin: 'null' }, confirmUrl), confirmUrl)).toBe(false);
		expect(
			isForbiddenCrossSite(post({ origin: 'null', 'sec-fetch-site': 'cross-site' }, confirmUrl), confirmUrl),
			'a modern browser says where it came from',
		).toBe(true);
		expect(isForbiddenCrossSite(post({}, confirmUrl), confirmUrl), 'no Origin at all is not a browser form').toBe(true);
		expect(isForbiddenCrossSite(post({ origin: 'null' }), site), 'not for the subscription form').toBe(true);
	});

	it('exempts only the RFC 8058 one-click endpoint, which mail providers call without an Origin', () => {
		const oneClick = new URL('https://course.example/api/newsletter/unsubscribe?token=x');
		expect(isForbiddenCrossSite(post({ 'content-type': 'application/x-www-form-urlencoded' }, oneClick), oneClick)).toBe(false);
		const lookAlike = new URL('https://course.example/api/newsletter/unsubscribe-all');
		expect(isForbiddenCrossSite(post({}, lookAlike), lookAlike)).toBe(true);
	});

	it('never blocks safe methods', () => {
		expect(isForbiddenCrossSite(new Request(site, { headers: { origin: 'https://evil.example' } }), site)).toBe(false);
	});
});

describe('contentSecurityPolicy', () => {
	const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

	it('allows exactly the inline scripts and styles of the page, by hash', () => {
		const html =
			'<style>p{}</style><script>a()</script><script type="module" src="/x.js"></script><script type="application/ld+json">{}</script>';
		const policy = contentSecurityPolicy(html);
		expect(policy).toContain(`script-src 'self' 'wasm-unsafe-eval' ${hash('a()')}`);
		expect(policy).toContain(`style-src 'self' ${hash('p{}')}`);
		expect(policy).not.toContain(hash('{}'));
		expect(policy).not.toContain('unsafe-inline');
	});

	it('forbids framing, plugins and posting forms elsewhere', () => {
		const policy = contentSecurityPolicy(null);
		expect(policy).toContain("frame-ancestors 'none'");
		expect(policy).toContain("object-src 'none'");
		expect(policy).toContain("form-action 'self'");
	});

	it('adds the external form endpoint when one is configured', () => {
		expect(contentSecurityPolicy(null, 'https://forms.example/subscribe?u=1')).toContain("form-action 'self' https://forms.example");
	});
});

describe('secureResponse', () => {
	it('adds the security headers, and no-referrer plus no-store on token pages', async () => {
		const response = await secureResponse(new Response('<p>hi</p>', { headers: { 'content-type': 'text/html' } }), '/newsletter/confirm/');
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('referrer-policy')).toBe('no-referrer');
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
		expect(await response.text()).toBe('<p>hi</p>');
	});

	it('keeps a stricter-than-default referrer policy elsewhere, and works on redirects', async () => {
		const response = await secureResponse(
			Response.redirect('https://course.example/newsletter/check-email/', 303),
			'/newsletter/subscribe/',
		);
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('https://course.example/newsletter/check-email/');
		expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
	});
});
