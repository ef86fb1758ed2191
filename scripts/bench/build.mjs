/**
 * Times a full `astro build` (Astro and the Pagefind integration) into the
 * bench's own folder, and measures the Pagefind index it wrote.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kb, log, root, stripAnsi } from './run.mjs';

/** Pagefind's bundled UIs; the site ships its own UI, so they are not part of the index. */
const PAGEFIND_UI = /^pagefind-(ui|modular-ui|component-ui)/;

/** Bytes and number of files under `dir` whose name `include` accepts. */
function dirBytes(/** @type {string} */ dir, /** @type {(name: string) => boolean} */ include) {
	let bytes = 0;
	let files = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) {
			const sub = dirBytes(full, include);
			bytes += sub.bytes;
			files += sub.files;
		} else if (include(entry.name)) {
			bytes += statSync(full).size;
			files += 1;
		}
	}
	return { bytes, files };
}

/**
 * Builds the site into `outDir` (a folder inside the project, emptied first)
 * and returns the wall-clock time, Astro's and Pagefind's own timings, and the
 * size of the Pagefind index.
 */
export async function build(/** @type {string} */ outDir) {
	const rel = path.relative(root, outDir);
	if (
		!rel ||
		rel.startsWith('..') ||
		path.isAbsolute(rel) ||
		['src', 'tests', 'public', 'docs', 'scripts'].includes(rel.split(path.sep)[0])
	) {
		throw new Error(`BENCH_OUT_DIR must be a build folder inside the project, got ${outDir}`);
	}
	rmSync(outDir, { recursive: true, force: true });
	const logFile = path.join(os.tmpdir(), 'course-bench-build.log');
	const astro = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
	log(`astro build --outDir ${rel}`);
	const t0 = performance.now();
	const output = await new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [astro, 'build', '--outDir', rel], {
			cwd: root,
			env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let text = '';
		child.stdout.on('data', (chunk) => (text += chunk));
		child.stderr.on('data', (chunk) => (text += chunk));
		child.on('error', reject);
		child.on('close', (status) => {
			writeFileSync(logFile, text);
			if (status === 0) resolve(stripAnsi(text));
			else {
				const lines = stripAnsi(text).split('\n');
				const first = lines.findIndex((line) => /\[ERROR\]|error/i.test(line));
				const shown = (first === -1 ? lines.slice(-40) : lines.slice(first, first + 40)).join('\n');
				reject(new Error(`astro build failed (exit ${status}; full log in ${logFile}):\n${shown}`));
			}
		});
	});
	const seconds = (performance.now() - t0) / 1000;
	const indexed = /indexed (\d+) pages in (\d+) ms/.exec(/** @type {string} */ (output));
	const serverBuilt = /Server built in ([\d.]+)(m?s)/.exec(/** @type {string} */ (output));
	const pagefindDir = path.join(outDir, 'client', 'pagefind');
	if (!existsSync(pagefindDir)) throw new Error(`no Pagefind index at ${pagefindDir}`);
	const index = dirBytes(pagefindDir, (name) => !PAGEFIND_UI.test(name));
	const ui = dirBytes(pagefindDir, (name) => PAGEFIND_UI.test(name));
	const result = {
		seconds,
		astroReported: serverBuilt ? Number(serverBuilt[1]) / (serverBuilt[2] === 'ms' ? 1000 : 1) : null,
		pagefindPages: indexed ? Number(indexed[1]) : null,
		pagefindMs: indexed ? Number(indexed[2]) : null,
		indexBytes: index.bytes,
		indexFiles: index.files,
		uiBytes: ui.bytes,
	};
	log(
		`built in ${seconds.toFixed(2)} s; Pagefind indexed ${result.pagefindPages ?? '?'} pages in ${result.pagefindMs ?? '?'} ms; ` +
			`index ${kb(index.bytes)} in ${index.files} files`,
	);
	return result;
}
