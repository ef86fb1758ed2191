#!/usr/bin/env node
/**
 * `npm run layering` (and a suite of `npm test`): checks the import rules in
 * .dependency-cruiser.cjs with dependency-cruiser over src/, scripts/ and
 * astro.config.mjs, and prints each rule with the imports that break it.
 *
 * dependency-cruiser parses JavaScript and TypeScript only, and most of the
 * imports between parts sit in `.astro` components and pages (and `.mdx`
 * lessons could import too). So the check runs on a copy of the sources under
 * test-results/layering/ (git-ignored) in which each `Foo.astro` becomes
 * `Foo.astro.ts` holding its frontmatter and its bundled `<script>` blocks,
 * each `.mdx` file its import/export lines, and imports of them point there.
 * Reports name the original files.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** What is checked, relative to the project root. */
const SOURCES = ['src', 'scripts', 'astro.config.mjs'];
const CODE = /\.(ts|mts|js|mjs|cjs|json)$/;
const SHADOWED = /\.(astro|mdx)$/;

/** The parts of an `.astro` file that hold imports: its frontmatter and the `<script>` blocks Astro bundles. */
export function astroImportsSource(text) {
	const parts = [];
	const frontmatter = /^\s*---\r?\n([\s\S]*?)\r?\n---/.exec(text);
	if (frontmatter) parts.push(frontmatter[1]);
	for (const [, attributes, body] of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
		// Inline scripts are not bundled (their imports would be URLs), and JSON-LD is data.
		if (/\bis:inline\b/.test(attributes) || /\btype\s*=\s*["']?application\/(ld\+)?json/i.test(attributes)) continue;
		parts.push(body);
	}
	return parts.join('\n;\n');
}

/** The ESM blocks of an `.mdx` file: paragraphs that start with `import` or `export`. */
export function mdxImportsSource(text) {
	return text
		.split(/\r?\n\s*\r?\n/)
		.filter((block) => /^(import|export)\s/.test(block.trimStart()))
		.join('\n');
}

/** Points imports of `.astro`/`.mdx` files at their shadows, and drops Vite's `?url`/`?inline` suffixes. */
const toShadows = (source) =>
	source.replace(/(['"])(\.{1,2}\/[^'"\n?]+)\?[\w&=]*\1/g, '$1$2$1').replace(/(['"])([^'"\n]+\.(?:astro|mdx))\1/g, '$1$2.ts$1');
/** The original name of a shadow file. */
export const original = (file) => file.replace(/\.(astro|mdx)\.ts$/, '.$1');

/** Copies the sources into `mirror`, code as it is and `.astro`/`.mdx` files as their shadows. */
function writeMirror(mirror) {
	rmSync(mirror, { recursive: true, force: true });
	const copy = (relative) => {
		const from = path.join(root, relative);
		const entries = readdirSync(from, { withFileTypes: true });
		for (const entry of entries) {
			const name = path.join(relative, entry.name);
			if (entry.isDirectory()) {
				copy(name);
				continue;
			}
			let text;
			let target = name;
			if (entry.name.endsWith('.astro')) text = astroImportsSource(readFileSync(path.join(root, name), 'utf8'));
			else if (entry.name.endsWith('.mdx')) text = mdxImportsSource(readFileSync(path.join(root, name), 'utf8'));
			else if (CODE.test(entry.name)) text = readFileSync(path.join(root, name), 'utf8');
			// Styles, images and data: present, so imports of them resolve, but nothing to read.
			else text = '';
			if (SHADOWED.test(entry.name)) target = `${name}.ts`;
			if (!entry.name.endsWith('.json')) text = toShadows(text);
			mkdirSync(path.dirname(path.join(mirror, target)), { recursive: true });
			writeFileSync(path.join(mirror, target), text);
		}
	};
	for (const source of SOURCES) {
		if (!existsSync(path.join(root, source))) continue;
		if (source.includes('.')) writeFileSync(path.join(mirror, source), toShadows(readFileSync(path.join(root, source), 'utf8')));
		else copy(source);
	}
	for (const file of ['tsconfig.json', 'package.json', '.dependency-cruiser.cjs']) cpSync(path.join(root, file), path.join(mirror, file));
}

/**
 * Runs every rule of .dependency-cruiser.cjs; returns each rule with the
 * imports that break it (`from → to`, or the cycle), and what was cruised.
 */
export async function checkLayering({ mirror = path.join(root, 'test-results/layering') } = {}) {
	mkdirSync(mirror, { recursive: true });
	writeMirror(mirror);
	const here = process.cwd();
	// dependency-cruiser resolves relative to the working folder.
	process.chdir(mirror);
	try {
		const options = await extractDepcruiseOptions(path.join(mirror, '.dependency-cruiser.cjs'));
		const { output } = await cruise(SOURCES, { ...options, validate: true, outputType: 'json' });
		const result = typeof output === 'string' ? JSON.parse(output) : output;
		const rules = options.ruleSet.forbidden.map((rule) => ({
			name: rule.name,
			comment: rule.comment,
			violations: result.summary.violations
				.filter((violation) => violation.rule.name === rule.name)
				.map((violation) =>
					violation.cycle?.length
						? `${original(violation.from)} → ${violation.cycle.map((step) => original(step.name ?? step)).join(' → ')}`
						: `${original(violation.from)} → ${original(violation.to)}`,
				),
		}));
		return { rules, modules: result.summary.totalCruised, dependencies: result.summary.totalDependenciesCruised };
	} finally {
		process.chdir(here);
	}
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const { rules, modules, dependencies } = await checkLayering();
	for (const rule of rules) {
		console.log(
			`${rule.violations.length ? '✘' : '✔'} ${rule.name}${rule.violations.length ? `: ${rule.violations.length} import(s) break it` : ''}`,
		);
		for (const violation of rule.violations) console.log(`    ${violation}`);
		if (rule.violations.length) console.log(`    why: ${rule.comment}`);
	}
	const broken = rules.filter((rule) => rule.violations.length).length;
	console.log(`\n${rules.length - broken} of ${rules.length} rules hold (${modules} modules, ${dependencies} imports checked).`);
	process.exitCode = broken ? 1 : 0;
}
