/**
 * Shared harness for the newsletter integration tests: the real production
 * build served by `node dist/server/entry.mjs`, a real SMTP server
 * (smtp-server) on loopback, and read-only access to the temporary database.
 *
 * The build is made once per state of the sources, in a copy of the project
 * under test-results/ (like frontmatter.test.ts, it never touches the
 * project's dist/ or caches); test files running in parallel share it through
 * a lock.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	realpathSync,
	rmSync,
	statSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { SMTPServer } from 'smtp-server';

const projectRoot = resolve(import.meta.dirname, '../..');
const inputs = ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

function sourceKey(): string {
	const hash = createHash('sha256');
	const visit = (path: string) => {
		const stats = statSync(path);
		if (stats.isDirectory()) {
			for (const entry of readdirSync(path).sort()) visit(join(path, entry));
		} else {
			hash.update(relative(projectRoot, path));
			hash.update(readFileSync(path));
		}
	};
	for (const input of inputs) if (existsSync(join(projectRoot, input))) visit(join(projectRoot, input));
	return hash.digest('hex').slice(0, 16);
}

/**
 * Where the builds of this checkout are kept: inside the checkout (git-ignored
 * test-results/), never in the system temp folder, so a build whose
 * `node_modules` links point into another clone, perhaps deleted since, can
 * never be picked up.
 */
export const buildCacheRoot = join(projectRoot, 'test-results/integration-build');

/**
 * A cached build may be reused only when it finished (its marker exists) and
 * its package links still lead to this checkout's installed packages (an
 * `npm ci` replaces them, which leaves the links dangling).
 */
export function isReusableBuild(dir: string): boolean {
	if (!existsSync(join(dir, '.built'))) return false;
	try {
		return realpathSync(join(dir, 'node_modules/astro')) === realpathSync(join(projectRoot, 'node_modules/astro'));
	} catch {
		return false;
	}
}

/** Builds the site once for the current sources and returns the folder holding `dist/`. */
export async function builtSite(): Promise<string> {
	const key = sourceKey();
	const dir = join(buildCacheRoot, key);
	const marker = join(dir, '.built');
	const lock = `${dir}.lock`;
	if (isReusableBuild(dir)) return dir;
	mkdirSync(buildCacheRoot, { recursive: true });
	removeStaleBuilds(dir);
	let owner = false;
	try {
		mkdirSync(lock);
		owner = true;
	} catch {}
	if (!owner) {
		const until = Date.now() + 240_000;
		while (!isReusableBuild(dir)) {
			if (Date.now() > until) throw new Error(`Timed out waiting for another test file to build ${dir}`);
			await new Promise((r) => setTimeout(r, 250));
		}
		return dir;
	}
	try {
		rmSync(dir, { recursive: true, force: true });
		mkdirSync(join(dir, 'node_modules'), { recursive: true });
		for (const input of inputs)
			if (existsSync(join(projectRoot, input))) cpSync(join(projectRoot, input), join(dir, input), { recursive: true });
		for (const entry of readdirSync(join(projectRoot, 'node_modules'))) {
			if (entry === '.vite' || entry === '.astro' || entry === '.cache') continue;
			symlinkSync(join(projectRoot, 'node_modules', entry), join(dir, 'node_modules', entry));
		}
		const result = spawnSync(process.execPath, [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {
			cwd: dir,
			encoding: 'utf8',
			env: { ...process.env, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1', NEWSLETTER_FORM_ACTION: '' },
			timeout: 200_000,
		});
		if (result.status !== 0) throw new Error(`astro build failed:\n${result.stdout}\n${result.stderr}`);
		writeFileSync(marker, new Date().toISOString());
		return dir;
	} finally {
		rmSync(lock, { recursive: true, force: true });
	}
}

/** Builds of older sources of this checkout: only the newest is worth keeping. */
function removeStaleBuilds(current: string) {
	const hourAgo = Date.now() - 60 * 60_000;
	for (const entry of readdirSync(buildCacheRoot)) {
		const path = join(buildCacheRoot, entry);
		if (!/^[0-9a-f]{16}$/.test(entry) || path === current) continue;
		try {
			if (statSync(path).mtimeMs < hourAgo) rmSync(path, { recursive: true, force: true });
		} catch {}
	}
}

/** A free TCP port on loopback. */
function freePort(): Promise<number> {
	return new Promise((resolvePort, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolvePort(port));
		});
	});
}

/** A running production server. */
export interface RunningServer {
	url: string;
	databasePath: string;
	folder: string;
	log: string[];
	process: ChildProcess;
	stop(): Promise<void>;
	/** The database, opened read-only (safe next to the server thanks to WAL). */
	query<T>(sql: string, ...params: (string | number)[]): T[];
}

/** Starts `node dist/server/entry.mjs` from a build with a fresh temporary database. */
export async function startServer(siteDir: string, env: Record<string, string> = {}): Promise<RunningServer> {
	const port = await freePort();
	const folder = mkdtempSync(join(tmpdir(), 'newsletter-it-run-'));
	const databasePath = join(folder, 'newsletter.db');
	const url = `http://127.0.0.1:${port}`;
	const log: string[] = [];
	const child = spawn(process.execPath, [join(siteDir, 'dist/server/entry.mjs')], {
		cwd: folder,
		env: {
			...process.env,
			SMTP_URL: '',
			HOST: '127.0.0.1',
			PORT: String(port),
			SITE_URL: url,
			DATABASE_PATH: databasePath,
			NEWSLETTER_RATE_LIMIT_IP: '100000',
			NEWSLETTER_RATE_LIMIT_ADDRESS: '100',
			...env,
		},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	child.stdout!.on('data', (chunk) => log.push(String(chunk)));
	child.stderr!.on('data', (chunk) => log.push(String(chunk)));
	const until = Date.now() + 20_000;
	for (;;) {
		try {
			const response = await fetch(`${url}/newsletter/`);
			if (response.ok) break;
		} catch {}
		if (child.exitCode !== null || Date.now() > until) throw new Error(`server did not start:\n${log.join('')}`);
		await new Promise((r) => setTimeout(r, 100));
	}
	let db: DatabaseSync | undefined;
	return {
		url,
		databasePath,
		folder,
		log,
		process: child,
		query<T>(sql: string, ...params: (string | number)[]) {
			db ??= new DatabaseSync(databasePath, { readOnly: true });
			return db.prepare(sql).all(...params) as T[];
		},
		async stop() {
			db?.close();
			if (child.exitCode === null) {
				const exited = new Promise((r) => child.once('exit', r));
				child.kill('SIGTERM');
				await exited;
			}
			rmSync(folder, { recursive: true, force: true });
		},
	};
}

/** One message as the SMTP server received it. */
export interface ReceivedMail {
	from: string;
	to: string[];
	raw: string;
	headers: Record<string, string>;
	/** The body with quoted-printable undone, to find links in. */
	decoded: string;
	links: string[];
}

/** A real SMTP server on loopback that keeps every message it receives. */
export async function startSmtp(port?: number) {
	const messages: ReceivedMail[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['AUTH', 'STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				const raw = Buffer.concat(chunks).toString('utf8');
				messages.push(
					parseMail(
						raw,
						session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
						session.envelope.rcptTo.map((r) => r.address),
					),
				);
				callback();
			});
		},
	});
	const listenPort = port ?? (await freePort());
	await new Promise<void>((r) => server.listen(listenPort, '127.0.0.1', () => r()));
	return {
		port: listenPort,
		url: `smtp://127.0.0.1:${listenPort}`,
		messages,
		close: () => new Promise<void>((r) => server.close(() => r())),
		async waitFor(predicate: (mail: ReceivedMail) => boolean, ms = 10_000): Promise<ReceivedMail> {
			const until = Date.now() + ms;
			for (;;) {
				const found = messages.find(predicate);
				if (found) return found;
				if (Date.now() > until) throw new Error(`no matching mail within ${ms} ms; received ${messages.length}`);
				await new Promise((r) => setTimeout(r, 25));
			}
		},
	};
}

function parseMail(raw: string, from: string, to: string[]): ReceivedMail {
	const split = raw.search(/\r?\n\r?\n/);
	const headerText = raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
	const headers: Record<string, string> = {};
	for (const line of headerText.split(/\r?\n/)) {
		const colon = line.indexOf(':');
		if (colon > 0) headers[line.slice(0, colon).toLowerCase()] ??= line.slice(colon + 1).trim();
	}
	const decoded = raw
		.slice(split)
		.replace(/=\r?\n/g, '')
		.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
	const links = [...new Set(decoded.match(/https?:\/\/[^\s"<>]+/g) ?? [])];
	return { from, to, raw, headers, decoded, links };
}

/** The standard fields of a form post. */
export function formFields(email: string, extra: Record<string, string> = {}): Record<string, string> {
	return { email, first_name: '', source: 'lesson:accept-invitations', consent_version: '2026-11', ts: '', hp_extra: '', ...extra };
}

/** Posts a form like the island does (JSON answer) or like a browser without JavaScript (HTML, redirects not followed). */
export function postForm(
	server: { url: string },
	path: string,
	fields: Record<string, string>,
	{ json = true, origin = server.url as string | null, headers = {} as Record<string, string> } = {},
) {
	return fetch(new URL(path, server.url), {
		method: 'POST',
		redirect: 'manual',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: json ? 'application/json' : 'text/html,application/xhtml+xml',
			...(origin ? { origin } : {}),
			...headers,
		},
		body: new URLSearchParams(fields).toString(),
	});
}
