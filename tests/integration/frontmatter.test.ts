/**
 * A frontmatter mistake must fail the build with a message an author can act
 * on: the file and the field. Each case builds a temporary copy of the
 * project with one lesson broken, so the real src/ is never touched.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const projectRoot = resolve(import.meta.dirname, '../..');
const lessonFile = '01-accept-invitations.mdx';
const temporaryDirs: string[] = [];

/** Copies what `astro build` reads into a temporary folder and returns its path. */
async function copyProject(): Promise<string> {
	const dir = await mkdtemp(join(tmpdir(), 'course-frontmatter-'));
	temporaryDirs.push(dir);
	for (const entry of ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
		await cp(join(projectRoot, entry), join(dir, entry), { recursive: true });
	}
	// Link each package rather than node_modules itself, so Vite's and Astro's
	// caches (node_modules/.vite, .astro) are written in the copy, not the project.
	await mkdir(join(dir, 'node_modules'));
	for (const entry of await readdir(join(projectRoot, 'node_modules'))) {
		if (entry === '.vite' || entry === '.astro' || entry === '.cache') continue;
		await symlink(join(projectRoot, 'node_modules', entry), join(dir, 'node_modules', entry));
	}
	return dir;
}

/** Rewrites the lesson's frontmatter with `edit` and returns the build's exit code and output. */
async function buildWithBrokenLesson(edit: (source: string) => string) {
	const dir = await copyProject();
	const file = join(dir, 'src/content/lessons', lessonFile);
	const original = await readFile(file, 'utf8');
	const broken = edit(original);
	expect(broken, 'the edit should change the lesson file').not.toBe(original);
	await writeFile(file, broken);
	const astro = join(projectRoot, 'node_modules/astro/bin/astro.mjs');
	const result = spawnSync(process.execPath, [astro, 'build'], {
		cwd: dir,
		encoding: 'utf8',
		env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1' },
		timeout: 60_000,
	});
	return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

afterAll(async () => {
	await Promise.all(temporaryDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('a lesson with broken frontmatter', () => {
	it('fails the build naming the file and the missing field', { timeout: 60_000 }, async () => {
		const { status, output } = await buildWithBrokenLesson((source) => source.replace(/^summary:.*\n/m, ''));
		expect(status, `the build should fail; output:\n${output}`).not.toBe(0);
		expect(output, 'the message should name the lesson file').toContain(lessonFile);
		expect(output, 'the message should name the missing field').toMatch(/\bsummary\b.*Required/);
	});

	it('fails the build naming the file and the field with the wrong type', { timeout: 60_000 }, async () => {
		const { status, output } = await buildWithBrokenLesson((source) => source.replace(/^order: 1$/m, 'order: "first"'));
		expect(status, `the build should fail; output:\n${output}`).not.toBe(0);
		expect(output, 'the message should name the lesson file').toContain(lessonFile);
		expect(output, 'the message should name the field and the expected type').toMatch(/\border\b.*number/);
	});

	it('fails the build naming the file and the field when the lesson names a tool that does not exist', { timeout: 60_000 }, async () => {
		const { status, output } = await buildWithBrokenLesson((source) => source.replace(/^tool: .*$/m, 'tool: calculator'));
		expect(status, `the build should fail; output:\n${output}`).not.toBe(0);
		expect(output, 'the message should name the lesson file').toContain(lessonFile);
		expect(output, 'the message should name the field and the tools there are').toMatch(/\btool\b.*invitations/);
	});
});
