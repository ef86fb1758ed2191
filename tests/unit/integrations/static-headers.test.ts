import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { externalFormAction, pagePath, staticHeaders } from '../../../src/integrations/static-headers';
import { SECURITY_HEADERS } from '../../../src/server/security';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('pagePath', () => {
	it.each([
		['index.html', '/'],
		['about/index.html', '/about/'],
		['lessons/take-the-leap/index.html', '/lessons/take-the-leap/'],
		['404.html', '/404.html'],
	])('%s is served at %s', (file, path) => {
		expect(pagePath(file)).toBe(path);
	});
});

describe('externalFormAction', () => {
	it('finds a form that posts to another site', () => {
		expect(externalFormAction('<form class="x" method="post" action="https://mail.example.org/subscribe?list=1">')).toBe(
			'https://mail.example.org/subscribe?list=1',
		);
	});

	it('ignores forms that post to this site', () => {
		expect(externalFormAction('<form method="post" action="/newsletter/subscribe/"><form action="">')).toBeUndefined();
	});
});

describe('staticHeaders', () => {
	const script = "document.documentElement.dataset.theme = 'dark';";
	const html = `<html><head><script>${script}</script><script type="module" src="/_astro/a.js"></script><script type="application/ld+json">{"@type":"Course"}</script><style>p{color:red}</style></head><body><p style="color:blue">x</p></body></html>`;
	const headers = staticHeaders([
		{ file: 'index.html', html },
		{ file: 'lessons/one/index.html', html: `${html}<form action="https://mail.example.org/s">` },
	]);

	it('sends the same basic headers as the on-demand routes on every response', () => {
		expect(headers.common).toEqual(SECURITY_HEADERS);
		expect(headers.common['x-content-type-options']).toBe('nosniff');
	});

	it('lets each page run exactly its own inline scripts (not its JSON-LD, not external files by hash)', () => {
		const csp = headers.pages['/']!['content-security-policy']!;
		const scripts = /script-src ([^;]*)/.exec(csp)![1]!.split(' ');
		expect(scripts).toEqual(["'self'", "'wasm-unsafe-eval'", hash(script)]);
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).toContain("object-src 'none'");
	});

	it('allows inline styles, which the tools and the search highlighter add as they run', () => {
		expect(headers.pages['/']!['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
	});

	it('lets a page post its form to the external newsletter service it names, and only that page', () => {
		expect(headers.pages['/lessons/one/']!['content-security-policy']).toContain("form-action 'self' https://mail.example.org");
		expect(headers.pages['/']!['content-security-policy']).toContain("form-action 'self';");
	});
});
