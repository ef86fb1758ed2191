#!/usr/bin/env node
/**
 * The production server (`npm start`, `npm run serve`): the Node adapter's
 * standalone handler from the build (dist/server/entry.mjs serves the static
 * pages and the on-demand newsletter routes) inside a plain Node HTTP
 * server that adds what the adapter leaves out for static files:
 *
 * - compression (brotli or gzip, by the `compression` package) of pages,
 *   scripts, styles and JSON for GET and HEAD; form posts and API answers
 *   are small and skip it;
 * - the security headers: the same set as on-demand responses everywhere,
 *   and each static page's Content-Security-Policy, computed from its HTML
 *   at build time (dist/server/static-headers.json; see
 *   src/server/static-headers.ts). On-demand responses set their own.
 *
 * Usage: node scripts/serve.mjs [build folder, default dist]. PORT and HOST
 * choose where it listens (default localhost:4321, from astro.config.mjs);
 * SERVER_CERT_PATH and SERVER_KEY_PATH serve HTTPS, as the adapter does.
 */
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import compression from 'compression';

const buildDir = path.resolve(process.argv[2] ?? 'dist');
const entry = path.join(buildDir, 'server', 'entry.mjs');
if (!existsSync(entry)) {
	console.error(`No build at ${entry}. Run \`npm run build\` first (or \`npm start\`, which builds).`);
	process.exit(1);
}

// Load the adapter's handler without letting it start its own server.
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler, options } = await import(pathToFileURL(entry).href);

const headersFile = path.join(buildDir, 'server', 'static-headers.json');
/** @type {{ common: Record<string, string>, pages: Record<string, Record<string, string>> }} */
const headers = existsSync(headersFile) ? JSON.parse(readFileSync(headersFile, 'utf8')) : { common: {}, pages: {} };
if (!existsSync(headersFile)) console.warn(`[serve] ${headersFile} is missing: static pages are served without their security headers.`);

const compress = compression();

/** The static page a request path names (`/about` and `/about/` both name /about/index.html). */
function pageHeaders(url = '/') {
	let pathname = url.split(/[?#]/, 1)[0] ?? '/';
	try {
		pathname = decodeURI(pathname);
	} catch {
		return undefined;
	}
	return headers.pages[pathname] ?? headers.pages[`${pathname}/`];
}

/** The 404 page is a static page too, but it answers any path: give it its policy when it is what is sent. */
function withNotFoundHeaders(res) {
	const notFound = headers.pages['/404.html'];
	if (!notFound) return;
	const writeHead = res.writeHead;
	res.writeHead = function (status, ...rest) {
		if (status === 404 && !res.hasHeader('content-security-policy'))
			for (const [name, value] of Object.entries(notFound)) res.setHeader(name, value);
		return writeHead.call(this, status, ...rest);
	};
}

/** @type {http.RequestListener} */
function listener(req, res) {
	for (const [name, value] of Object.entries(headers.common)) res.setHeader(name, value);
	// Static pages only: an on-demand page answers with its own policy (it wins: writeHead merges over these).
	const page = pageHeaders(req.url);
	const read = req.method === 'GET' || req.method === 'HEAD';
	if (page) for (const [name, value] of Object.entries(page)) res.setHeader(name, value);
	else if (read) withNotFoundHeaders(res);
	// Form posts and API answers are small: they skip compression (and its wrapping of the response).
	if (read) compress(req, res, () => handler(req, res));
	else handler(req, res);
}

const port = Number(process.env.PORT ?? options.port ?? 4321);
const host = process.env.HOST ?? (typeof options.host === 'string' ? options.host : options.host ? '0.0.0.0' : 'localhost');
const tls = process.env.SERVER_CERT_PATH && process.env.SERVER_KEY_PATH;
const server = tls
	? https.createServer({ cert: readFileSync(process.env.SERVER_CERT_PATH), key: readFileSync(process.env.SERVER_KEY_PATH) }, listener)
	: http.createServer(listener);
server.on('error', (error) => {
	console.error(`[serve] ${error.message}`);
	process.exit(1);
});
server.listen(port, host, () => {
	const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
	console.log(`[serve] Serving ${path.relative(process.cwd(), buildDir) || '.'} at ${tls ? 'https' : 'http'}://${shown}:${port}/`);
});
