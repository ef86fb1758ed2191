import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PATHS, isNewsletterPath } from '../../../../src/lib/newsletter/routes';

const pages = resolve(import.meta.dirname, '../../../../src/pages');

/** The files Astro serves a path from: `/a/b/` from a/b.astro or a/b/index.astro, `/api/x` from api/x.ts. */
function routeFiles(path: string): string[] {
	const bare = path.replace(/#.*$/, '').replace(/^\/|\/$/g, '');
	return [`${bare}.astro`, `${bare}/index.astro`, `${bare}.ts`].map((file) => resolve(pages, file));
}

describe('PATHS', () => {
	it.each(Object.entries(PATHS))('%s (%s) is served by a page or an endpoint in src/pages', (_name, path) => {
		expect(
			routeFiles(path).some((file) => existsSync(file)),
			`no route file for ${path}`,
		).toBe(true);
	});
});

describe('isNewsletterPath', () => {
	it.each(['/newsletter/', '/newsletter/confirm/', '/api/newsletter/stamp', '/api/newsletter/unsubscribe'])(
		'%s is a newsletter route',
		(path) => {
			expect(isNewsletterPath(path)).toBe(true);
		},
	);

	it.each(['/', '/newsletters/', '/lessons/take-the-leap/', '/api/other', '/about/newsletter/'])('%s is not', (path) => {
		expect(isNewsletterPath(path)).toBe(false);
	});
});
