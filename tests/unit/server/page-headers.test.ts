import { describe, expect, it } from 'vitest';
import { headersOf, pageHeadersFrom, pageKey } from '../../../src/server/page-headers';

describe('pageKey', () => {
	it.each([
		['/', '/'],
		['index.html', '/'],
		['/about/', '/about'],
		['/about', '/about'],
		['about/index.html', '/about'],
		['/lessons/take-the-leap/', '/lessons/take-the-leap'],
		['lessons/take-the-leap/index.html', '/lessons/take-the-leap'],
		['/404', '/404'],
		['404.html', '/404'],
	])('%s is the page %s', (path, key) => {
		expect(pageKey(path)).toBe(key);
	});
});

describe('pageHeadersFrom', () => {
	const routeToHeaders = new Map([
		['/about/', { headers: new Headers({ 'Content-Security-Policy': "script-src 'self'", 'Content-Type': 'text/html' }) }],
		['/robots.txt', { headers: new Headers({ 'content-type': 'text/plain' }) }],
	]);
	const table = pageHeadersFrom(routeToHeaders);

	it('keeps each page’s own headers by page key, not the ones the file server sets from the file', () => {
		expect(table.pages).toEqual({ '/about': { 'content-security-policy': "script-src 'self'" } });
	});

	it('finds a page’s headers, and nothing for other paths or inherited names', () => {
		expect(headersOf(table, pageKey('about/index.html'))).toEqual({ 'content-security-policy': "script-src 'self'" });
		expect(headersOf(table, '/robots.txt')).toBeUndefined();
		expect(headersOf(table, 'constructor')).toBeUndefined();
	});
});
