/**
 * The integration build cache must never outlive the checkout it links to:
 * a second clone, made after the first was deleted, has to build afresh
 * rather than reuse a build whose package links point nowhere.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCacheRoot, isReusableBuild } from './newsletter-harness';

const projectRoot = resolve(import.meta.dirname, '../..');
const folders: string[] = [];

/** A cache folder that looks finished, its astro link pointing at `target`. */
function fakeBuild(target: string): string {
	const dir = mkdtempSync(join(tmpdir(), 'build-cache-test-'));
	folders.push(dir);
	mkdirSync(join(dir, 'node_modules'));
	symlinkSync(target, join(dir, 'node_modules/astro'));
	writeFileSync(join(dir, '.built'), 'now');
	return dir;
}

afterEach(() => {
	for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the integration build cache', () => {
	it('lives inside this checkout, in a git-ignored folder', () => {
		const inside = relative(projectRoot, buildCacheRoot);
		expect(inside.startsWith('..'), `${buildCacheRoot} should be inside ${projectRoot}`).toBe(false);
		expect(inside.split(/[\\/]/)[0], 'test-results/ is git-ignored').toBe('test-results');
	});

	it('is not reused when its package links lead into a deleted clone', () => {
		const deletedClone = mkdtempSync(join(tmpdir(), 'deleted-clone-'));
		mkdirSync(join(deletedClone, 'astro'));
		const dir = fakeBuild(join(deletedClone, 'astro'));
		rmSync(deletedClone, { recursive: true, force: true });
		expect(isReusableBuild(dir)).toBe(false);
	});

	it('is not reused when its packages belong to another checkout', () => {
		const otherClone = mkdtempSync(join(tmpdir(), 'other-clone-'));
		folders.push(otherClone);
		mkdirSync(join(otherClone, 'astro'));
		expect(isReusableBuild(fakeBuild(join(otherClone, 'astro')))).toBe(false);
	});

	it('is reused when it finished and links to this checkout’s packages', () => {
		expect(isReusableBuild(fakeBuild(join(projectRoot, 'node_modules/astro')))).toBe(true);
	});

	it('is not reused when the build never finished', () => {
		const dir = fakeBuild(join(projectRoot, 'node_modules/astro'));
		rmSync(join(dir, '.built'));
		expect(isReusableBuild(dir)).toBe(false);
	});
});
