/**
 * ORIGINAL_POST_URL, the build-time address of the original post: set, About
 * and the footer of every page link to it; unset (the e2e tests' build), they
 * name the blog without a link; anything but an http(s) address fails the
 * build naming the setting. Each case builds a temporary copy of the
 * project, so the real dist/ is never touched.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const projectRoot = resolve(import.meta.dirname, '../..');
const temporaryDirs: string[] = [];

/** Builds a copy of the project with ORIGINAL_POST_URL set to `value`; returns the copy, exit code and output. */
async function buildWith(value: string) {
	const dir = await mkdtemp(join(tmpdir(), 'course-original-post-'));
	temporaryDirs.push(dir);
	for (const entry of ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
		await cp(join(projectRoot, entry), join(dir, entry), { recursive: true });
	}
	// Each package is linked, not node_modules itself, so Vite's and Astro's caches stay in the copy.
	await mkdir(join(dir, 'node_modules'));
	for (const entry of await readdir(join(projectRoot, 'node_modules'))) {
		if (entry === '.vite' || entry === '.astro' || entry === '.cache') continue;
		await symlink(join(projectRoot, 'node_modules', entry), join(dir, 'node_modules', entry));
	}
	const result = spawnSync(process.execPath, [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {
		cwd: dir,
		encoding: 'utf8',
		env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1', ORIGINAL_POST_URL: value },
		timeout: 180_000,
	});
	return { dir, status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

afterAll(async () => {
	await Promise.all(temporaryDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('ORIGINAL_POST_URL', () => {
	const url = 'https://leadership-gold.example/in-search-of-the-future/';

	it('links the original post on About and in every page’s footer', { timeout: 200_000 }, async () => {
		const { dir, status, output } = await buildWith(url);
		expect(status, `the build should pass; output:\n${output}`).toBe(0);
		const about = await readFile(join(dir, 'dist/client/about/index.html'), 'utf8');
		const home = await readFile(join(dir, 'dist/client/index.html'), 'utf8');
		const link = (text: string) => new RegExp(`<a href="${url.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}"[^>]*>${text}</a>`);
		expect(about, 'About links the post').toMatch(link('Read the original post on the Leadership Gold Blog'));
		const footer = home.slice(home.indexOf('<footer'));
		expect(footer, 'the footer links the post').toMatch(link('Read the original post'));
	});

	it('fails the build, naming the setting, for an address that is not http(s)', { timeout: 200_000 }, async () => {
		const { status, output } = await buildWith('javascript:alert(1)');
		expect(status, `the build should fail; output:\n${output}`).not.toBe(0);
		expect(output, 'the message names the setting').toContain('ORIGINAL_POST_URL');
	});
});
