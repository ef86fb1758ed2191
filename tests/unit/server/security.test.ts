import { describe, expect, it } from 'vitest';
import { NO_PAGE_POLICY, isForbiddenCrossSite, isForeignHost, secureResponse } from '../../../src/server/security';

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

describe('behind a proxy and against DNS rebinding', () => {
	const publicSite = new URL('https://course.example/');

	it('accepts the public origin when the request reached the server over plain HTTP (TLS ended at the proxy)', () => {
		const behindProxy = new URL('http://course.example/newsletter/subscribe/');
		const request = post({ origin: 'https://course.example' }, behindProxy);
		expect(isForbiddenCrossSite(request, behindProxy, publicSite)).toBe(false);
		expect(isForbiddenCrossSite(request, behindProxy), 'without the public origin it would be refused').toBe(true);
	});

	it('still refuses other origins', () => {
		const url = new URL('http://127.0.0.1:4321/newsletter/subscribe/');
		expect(isForbiddenCrossSite(post({ origin: 'https://evil.example' }, url), url, publicSite)).toBe(true);
	});

	it('takes requests for the public host or a loopback name, and no other host', () => {
		for (const host of ['course.example', 'localhost:4321', '127.0.0.1:8080', '[::1]:4321'])
			expect(isForeignHost(new URL(`http://${host}/newsletter/`), publicSite), host).toBe(false);
		for (const host of ['rebind.attacker.example', 'course.example.attacker.example', '10.0.0.5:4321', '127.example'])
			expect(isForeignHost(new URL(`http://${host}/newsletter/`), publicSite), host).toBe(true);
	});
});

describe('secureResponse', () => {
	it('adds the security headers, and no-referrer plus no-store on token pages', async () => {
		const astroPolicy = "default-src 'self'; script-src 'self' 'sha256-abc'; frame-ancestors 'none'";
		const page = new Response('<p>hi</p>', { headers: { 'content-type': 'text/html', 'content-security-policy': astroPolicy } });
		const response = secureResponse(page, '/newsletter/confirm/');
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('referrer-policy')).toBe('no-referrer');
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(response.headers.get('content-security-policy'), 'the page keeps the policy Astro gave it').toBe(astroPolicy);
		expect(await response.text()).toBe('<p>hi</p>');
	});

	it('gives a response that is not a page a policy that allows nothing to load or run', () => {
		const response = secureResponse(
			new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } }),
			'/api/newsletter/subscribe',
		);
		expect(response.headers.get('content-security-policy')).toBe(NO_PAGE_POLICY);
		expect(NO_PAGE_POLICY).toContain("default-src 'none'");
		expect(NO_PAGE_POLICY).toContain("frame-ancestors 'none'");
	});

	it('keeps a stricter-than-default referrer policy elsewhere, and works on redirects', async () => {
		const response = secureResponse(Response.redirect('https://course.example/newsletter/check-email/', 303), '/newsletter/subscribe/');
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('https://course.example/newsletter/check-email/');
		expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
	});
});
