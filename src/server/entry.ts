/**
 * The production server: built to dist/server/entry.mjs (it is the Node
 * adapter's server entry, see src/integrations/node-server.ts), so
 * `node dist/server/entry.mjs`, `npm start` and `npm run serve` are one and
 * the same server. Around the adapter's handler for the on-demand routes it:
 *
 * - serves the built files, one URL per page, each page with the
 *   Content-Security-Policy Astro computed for it (static-files.ts);
 * - sends the security headers on every response, and the 404 page's policy
 *   on any response that has none of its own (the 404 page itself, errors);
 * - compresses pages, scripts and styles (brotli or gzip) unless
 *   SERVER_COMPRESSION=false says a proxy in front does it;
 * - sets headers, request and keep-alive timeouts and a connection cap;
 * - starts the newsletter's mail sender with the server, and on SIGTERM or
 *   SIGINT finishes the requests in flight, stops the sender and closes the
 *   database before exiting (shutdown.ts).
 *
 * Settings: src/server/config.ts (`resolveServerConfig`) and the README.
 */
import { existsSync, readFileSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { handler, options } from '@astrojs/node/server.js';
import {
	SERVER_COMPRESSION,
	SERVER_HEADERS_TIMEOUT_MS,
	SERVER_KEEP_ALIVE_TIMEOUT_MS,
	SERVER_MAX_CONNECTIONS,
	SERVER_REQUEST_TIMEOUT_MS,
	SERVER_SHUTDOWN_TIMEOUT_MS,
	TRUST_PROXY,
} from 'astro:env/server';
import compression from 'compression';
import { parseTrustProxy } from './client-address.ts';
import { resolveServerConfig, type ServerConfig } from './config.ts';
import { PAGE_HEADERS_FILE, headersOf, type PageHeaders } from './page-headers.ts';
import { closeNewsletter, getNewsletter } from './runtime.ts';
import { NO_PAGE_POLICY, SECURITY_HEADERS } from './security.ts';
import { handleShutdown } from './shutdown.ts';
import { createStaticFiles } from './static-files.ts';

type NodeMiddleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** Astro's folder of content-hashed assets inside the client build (its default `build.assets`). */
const ASSETS_DIR = '_astro';

function fail(message: string): never {
	console.error(`[server] ${message}`);
	process.exit(1);
}

/** Where the build put the client files and the page headers, found from this file so a moved dist/ still works. */
function buildFolders() {
	const serverDir = dirname(fileURLToPath(import.meta.url));
	const clientDir = resolve(serverDir, relative(fileURLToPath(options.server), fileURLToPath(options.client)));
	return { serverDir, clientDir };
}

function readPageHeaders(serverDir: string): PageHeaders {
	const file = join(serverDir, PAGE_HEADERS_FILE);
	if (!existsSync(file)) fail(`${file} is missing: the build did not finish. Run \`npm run build\` again.`);
	return JSON.parse(readFileSync(file, 'utf8')) as PageHeaders;
}

function readConfig(): ServerConfig {
	try {
		parseTrustProxy(TRUST_PROXY);
		return resolveServerConfig(
			{
				PORT: process.env.PORT,
				HOST: process.env.HOST,
				SERVER_CERT_PATH: process.env.SERVER_CERT_PATH,
				SERVER_KEY_PATH: process.env.SERVER_KEY_PATH,
				SERVER_HEADERS_TIMEOUT_MS,
				SERVER_REQUEST_TIMEOUT_MS,
				SERVER_KEEP_ALIVE_TIMEOUT_MS,
				SERVER_MAX_CONNECTIONS,
				SERVER_SHUTDOWN_TIMEOUT_MS,
				SERVER_COMPRESSION,
			},
			{ port: options.port, host: options.host },
		);
	} catch (error) {
		return fail((error as Error).message);
	}
}

/** The request listener: headers, then static files, then the adapter's handler (on-demand routes and the 404 page). */
function createListener(config: ServerConfig, clientDir: string, pageHeaders: PageHeaders) {
	const staticFiles = createStaticFiles({ root: clientDir, pageHeaders, assetsDir: ASSETS_DIR });
	const defaultPolicy = headersOf(pageHeaders, '/404')?.['content-security-policy'] ?? NO_PAGE_POLICY;
	// `compression` is typed for Express; it only uses what plain Node requests and responses have.
	const compress = config.compression ? (compression() as unknown as NodeMiddleware) : null;
	const failed = (res: ServerResponse, error: unknown) => {
		const status = Number((error as { status?: number }).status ?? 500);
		if (status >= 500) console.error('[server]', error);
		res.statusCode = status;
		res.setHeader('content-type', 'text/plain; charset=utf-8');
		res.end(status >= 500 ? 'Internal server error' : http.STATUS_CODES[status]);
	};
	return (req: IncomingMessage, res: ServerResponse) => {
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
		// On-demand pages replace this with their own policy (Astro sets it on their response).
		res.setHeader('content-security-policy', defaultPolicy);
		const serve = () => staticFiles(req, res, (error) => (error ? failed(res, error) : void handler(req, res)));
		// Form posts and API answers are small: they skip compression (and its wrapping of the response).
		if (compress && (req.method === 'GET' || req.method === 'HEAD')) compress(req, res, serve);
		else serve();
	};
}

function createServer(config: ServerConfig, listener: http.RequestListener): http.Server {
	const timing = {
		headersTimeout: config.headersTimeoutMs,
		requestTimeout: config.requestTimeoutMs,
		keepAliveTimeout: config.keepAliveTimeoutMs,
		// How often Node checks the two timeouts above (its default, 30 s, would let a slow upload run 30 s late).
		connectionsCheckingInterval: Math.min(1_000, config.headersTimeoutMs),
	};
	const server = config.tls
		? https.createServer({ ...timing, cert: readFileSync(config.tls.certPath), key: readFileSync(config.tls.keyPath) }, listener)
		: http.createServer(timing, listener);
	server.maxConnections = config.maxConnections;
	return server;
}

const config = readConfig();
const { serverDir, clientDir } = buildFolders();
const server = createServer(config, createListener(config, clientDir, readPageHeaders(serverDir)));
handleShutdown({ server, timeoutMs: config.shutdownTimeoutMs, close: closeNewsletter });
server.on('error', (error) => fail(error.message));
server.listen(config.port, config.host, () => {
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : config.port;
	const host = ['0.0.0.0', '::'].includes(config.host) ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host;
	console.log(`[server] Serving ${relative(process.cwd(), clientDir) || '.'} at ${config.tls ? 'https' : 'http'}://${host}:${port}/`);
	// Mail left in the outbox (a crash, an SMTP outage) goes out now, not at the first visit.
	try {
		getNewsletter();
	} catch (error) {
		console.error('[newsletter] Could not start; will retry on the first newsletter request.', error);
	}
});
