/**
 * What every part of `npm run bench` shares: the project root, a private
 * temporary folder, a log line with the time since the start, and the
 * clean-ups (servers, browsers) run once at exit or on Ctrl+C.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root folder. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** When the run started (performance.now()), for log lines and the total time. */
export const startedAt = performance.now();
/** A temporary folder for this run (server log, database, Lighthouse reports), removed at exit. */
export const tmp = mkdtempSync(path.join(os.tmpdir(), 'course-bench-'));

/** Prints a line with the seconds since the start. */
export const log = (/** @type {string} */ message) =>
	console.log(`[bench ${((performance.now() - startedAt) / 1000).toFixed(1)}s] ${message}`);
/** Waits `ms` milliseconds (polling a server, giving a process time to exit). */
export const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** Sizes as the report shows them (1 KB = 1024 bytes). */
export const kb = (/** @type {number | null | undefined} */ bytes) => (bytes == null ? '–' : `${(bytes / 1024).toFixed(1)} KB`);
/** Text without terminal colours. */
export const stripAnsi = (/** @type {string} */ text) => text.replace(/\x1b\[[0-9;]*m/g, '');

/** The installed version of a package, or 'unknown'. */
export function readVersion(/** @type {string} */ pkg) {
	try {
		return JSON.parse(readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
	} catch {
		return 'unknown';
	}
}

/** A command's output, or 'unknown' when it cannot run. */
export function command(/** @type {string} */ file, /** @type {string[]} */ args) {
	try {
		return execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
	} catch {
		return 'unknown';
	}
}

/** @type {Array<() => Promise<void> | void>} */
const cleanups = [];
let cleanedUp = false;

/** Registers something to stop at exit (run last-registered first). */
export function onCleanup(/** @type {() => Promise<void> | void} */ fn) {
	cleanups.push(fn);
}

/** Stops everything registered, then removes the temporary folder; runs once. */
export async function cleanup() {
	if (cleanedUp) return;
	cleanedUp = true;
	for (const fn of cleanups.reverse()) {
		try {
			await fn();
		} catch (error) {
			console.error(`cleanup: ${error instanceof Error ? error.message : error}`);
		}
	}
	rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
}

for (const signal of ['SIGINT', 'SIGTERM']) {
	process.once(signal, () => {
		console.error(`\n${signal}: stopping server and browsers...`);
		cleanup().finally(() => process.exit(130));
	});
}
