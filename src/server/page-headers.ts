/**
 * The response headers of the prerendered pages, as Astro computed them at
 * build time (with `security.csp` and the adapter's `staticHeaders` feature,
 * Astro hands each page's Content-Security-Policy to the build instead of
 * writing a `<meta>` element). src/integrations/node-server.ts writes them to
 * dist/server/page-headers.json; the production server (entry.ts) sends them
 * with each page, and the 404 page's with any other HTML it answers.
 */

/** The file's shape: header name (lower case) → value, by page key (see {@link pageKey}). */
export interface PageHeaders {
	pages: Record<string, Record<string, string>>;
}

/** The file name, inside the server build folder. */
export const PAGE_HEADERS_FILE = 'page-headers.json';

/**
 * One key for every way a page is named: its route (`/about`, `/about/`),
 * its file in the client folder (`about/index.html`, `404.html`). Pages of
 * this site are folders with an index.html (Astro's default `directory`
 * format) or, for the error pages, `NNN.html`.
 */
export function pageKey(path: string): string {
	const key = `/${path}`
		.replace(/\/index\.html$/, '/')
		.replace(/\.html$/, '')
		.replace(/\/+/g, '/')
		.replace(/\/$/, '');
	return key || '/';
}

/** The headers of the page with this key, if it is a prerendered page. */
export function headersOf(table: PageHeaders, key: string): Record<string, string> | undefined {
	return Object.hasOwn(table.pages, key) ? table.pages[key] : undefined;
}

/** Headers that describe the file, not the page: the static file server sets them from the file itself. */
const FILE_HEADERS = new Set(['content-type', 'content-length', 'content-encoding']);

/** The table from Astro's `routeToHeaders` (route pathname → headers); routes with no page headers are left out. */
export function pageHeadersFrom(routeToHeaders: ReadonlyMap<string, { headers: Headers }>): PageHeaders {
	const pages: PageHeaders['pages'] = {};
	for (const [pathname, { headers }] of routeToHeaders) {
		const own = [...headers].filter(([name]) => !FILE_HEADERS.has(name.toLowerCase()));
		if (own.length) pages[pageKey(pathname)] = Object.fromEntries(own.map(([name, value]) => [name.toLowerCase(), value]));
	}
	return { pages };
}
