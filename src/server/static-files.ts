/**
 * The built files (dist/client), served by `serve-static` (the static
 * handler the Node adapter's docs pair with its middleware mode), with each
 * page's own headers. Every page has exactly one URL: a request for another
 * spelling of it (`/about/index.html`, `//about/`, `/./about/`,
 * `/about/%2e/`) is redirected to that URL first, so no page can be fetched
 * by a name its headers are not filed under.
 */
import { posix, relative } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import serveStatic from 'serve-static';
import { headersOf, pageKey, type PageHeaders } from './page-headers.ts';

/**
 * The one URL path of the file a request path names, as `serve-static`
 * resolves it (percent-decoded, `.`, `..` and repeated slashes resolved, a
 * folder's `index.html` named by the folder); `null` when it cannot name a
 * file at all (bad percent-encoding, a NUL byte).
 */
export function canonicalPath(pathname: string): string | null {
	let decoded: string;
	try {
		decoded = decodeURIComponent(pathname);
	} catch {
		return null;
	}
	if (decoded.includes('\0')) return null;
	const normalized = posix.normalize(`/${decoded}`).replace(/(^|\/)index\.html$/, '$1');
	return encodeURI(normalized).replace(/[?#]/g, encodeURIComponent);
}

/** Settings of {@link createStaticFiles}. */
export interface StaticFilesOptions {
	/** The client build folder (dist/client). */
	root: string;
	/** The prerendered pages' headers (dist/server/page-headers.json). */
	pageHeaders: PageHeaders;
	/** Astro's folder of content-hashed assets, cached for a year (`_astro`). */
	assetsDir: string;
}

/** What the server calls per request: `next()` when no file answers it. */
export type StaticFiles = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/**
 * A handler that redirects a non-canonical path (301 for GET and HEAD, 308
 * otherwise, so a form post stays a post) and serves files with their page
 * headers; anything that is not a file goes to `next`.
 */
export function createStaticFiles({ root, pageHeaders, assetsDir }: StaticFilesOptions): StaticFiles {
	const files = serveStatic(root, {
		index: ['index.html'],
		dotfiles: 'ignore',
		// A folder without its slash (`/about`) is redirected to `/about/`.
		redirect: true,
		setHeaders(res, file) {
			const path = relative(root, file).split('\\').join('/');
			if (path.startsWith(`${assetsDir}/`)) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
			if (!path.endsWith('.html')) return;
			for (const [name, value] of Object.entries(headersOf(pageHeaders, pageKey(path)) ?? {})) res.setHeader(name, value);
		},
	});
	return (req, res, next) => {
		const url = req.url ?? '/';
		const queryAt = url.indexOf('?');
		const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
		const canonical = canonicalPath(pathname);
		if (canonical === null) {
			res.statusCode = 400;
			res.setHeader('content-type', 'text/plain; charset=utf-8');
			res.end('Bad request: the address is not a valid path.');
			return;
		}
		if (canonical !== pathname) {
			res.statusCode = req.method === 'GET' || req.method === 'HEAD' ? 301 : 308;
			res.setHeader('location', canonical + (queryAt === -1 ? '' : url.slice(queryAt)));
			res.end();
			return;
		}
		files(req, res, next);
	};
}
