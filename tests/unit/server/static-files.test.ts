import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalPath, createStaticFiles } from '../../../src/server/static-files';

describe('canonicalPath', () => {
	it.each([
		['/', '/'],
		['/about/', '/about/'],
		['/about', '/about'],
		['/_astro/app.1234.js', '/_astro/app.1234.js'],
		['/index.html', '/'],
		['/about/index.html', '/about/'],
		['//about/', '/about/'],
		['/about//', '/about/'],
		['/./about/', '/about/'],
		['/about/%2e/', '/about/'],
		['/about/%2E%2E/', '/'],
		['/../../etc/passwd', '/etc/passwd'],
		['/about%2Findex.html', '/about/'],
		['/newsletter/index.html', '/newsletter/'],
		['/a%20b/', '/a%20b/'],
		['/caf%C3%A9/', '/caf%C3%A9/'],
		['/odd%3Fname', '/odd%3Fname'],
	])('%s is %s', (path, canonical) => {
		expect(canonicalPath(path)).toBe(canonical);
	});

	it('gives up on what cannot name a file', () => {
		expect(canonicalPath('/%E0%A4%A')).toBeNull();
		expect(canonicalPath('/a%00b')).toBeNull();
	});
});

describe('createStaticFiles', () => {
	let root: string;
	let server: http.Server;
	let base: string;
	const policy = "script-src 'self' 'sha256-about'";

	beforeAll(async () => {
		root = mkdtempSync(join(tmpdir(), 'static-files-'));
		mkdirSync(join(root, 'about'));
		mkdirSync(join(root, '_astro'));
		writeFileSync(join(root, 'about/index.html'), '<h1>About</h1>');
		writeFileSync(join(root, '_astro/app.1234.js'), 'console.log(1)');
		writeFileSync(join(root, '.secret'), 'no');
		const files = createStaticFiles({
			root,
			assetsDir: '_astro',
			pageHeaders: { pages: { '/about': { 'content-security-policy': policy } } },
		});
		server = http.createServer((req, res) =>
			files(req, res, () => {
				res.statusCode = 404;
				res.end('next');
			}),
		);
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});

	afterAll(async () => {
		await new Promise((resolve) => server.close(resolve));
		rmSync(root, { recursive: true, force: true });
	});

	/** A GET with the path sent exactly as written (fetch would normalise it first). */
	function raw(path: string, method = 'GET'): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
		return new Promise((resolve, reject) => {
			const request = http.request(`${base}/`, { method, path }, (res) => {
				let body = '';
				res.on('data', (chunk) => (body += chunk));
				res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
			});
			request.on('error', reject);
			request.end();
		});
	}

	it('serves a page with its own headers', async () => {
		const page = await raw('/about/');
		expect(page.status).toBe(200);
		expect(page.body).toBe('<h1>About</h1>');
		expect(page.headers['content-security-policy']).toBe(policy);
		expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
	});

	it('redirects every other spelling of a page to its one URL, keeping the query', async () => {
		for (const variant of ['/about/index.html', '//about/', '/./about/', '/about/%2e/', '/about//']) {
			const response = await raw(`${variant}?highlight=x`);
			expect(response.status, variant).toBe(301);
			expect(response.headers.location, variant).toBe('/about/?highlight=x');
		}
		const folder = await raw('/about');
		expect(folder.status, 'a folder without its slash').toBe(301);
		expect(folder.headers.location).toBe('/about/');
	});

	it('keeps a form post a post when it redirects (308)', async () => {
		const response = await raw('//newsletter/subscribe/', 'POST');
		expect(response.status).toBe(308);
		expect(response.headers.location).toBe('/newsletter/subscribe/');
	});

	it('caches content-hashed assets for a year and hands everything else to next', async () => {
		expect((await raw('/_astro/app.1234.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
		expect((await raw('/missing/')).body).toBe('next');
		expect((await raw('/.secret')).body, 'dotfiles are not served').toBe('next');
	});

	it('answers 400 to a path that cannot be decoded', async () => {
		expect((await raw('/%E0%A4%A')).status).toBe(400);
	});
});
