/** Weighing a build from its files: a small client folder written here, with known contents. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipSize, listPages, weighBuild } from '../../../scripts/weigh-build.mjs';

let client: string;
const gz = (text: string) => gzipSync(text, { level: 9 }).length;

/** Distinct, poorly compressible contents, so that every file's share shows in a sum. */
const code = (name: string, body = '') => `${body}\nexport const ${name} = ${JSON.stringify(name.repeat(40))};\n`;
const files: Record<string, string> = {
	'_astro/entry.AAAAAAAA.js': code('entry', `import { shared } from './shared.BBBBBBBB.js';\nimport('./island.CCCCCCCC.js');`),
	'_astro/shared.BBBBBBBB.js': code('shared'),
	'_astro/island.CCCCCCCC.js': code(
		'island',
		`import { shared } from './shared.BBBBBBBB.js';\nimport { part } from './part.DDDDDDDD.js';\nimport('./deeper.EEEEEEEE.js');`,
	),
	'_astro/part.DDDDDDDD.js': code('part'),
	'_astro/deeper.EEEEEEEE.js': code('deeper'),
	'_astro/other.FFFFFFFF.js': code('other'),
	'_astro/site.css': 'body { color: black; }',
	'_astro/print.css': '@media print { nav { display: none } }',
	'pagefind/fragment.html': '<p>not a page</p>',
};
const inlineModule = `import { other } from '/_astro/other.FFFFFFFF.js';`;
const classic = `document.documentElement.dataset.theme = 'dark';`;
const lessonHtml = `<!doctype html><html><head>
<link rel="stylesheet" href="/_astro/site.css"><link rel="stylesheet" href="/_astro/print.css" media="print">
<script type="application/ld+json">{"@type":"Course"}</script><script>${classic}</script>
</head><body><template><script type="module" src="/_astro/other.FFFFFFFF.js"></script></template>
<script type="module" src="/_astro/entry.AAAAAAAA.js"></script><script type="module">${inlineModule}</script></body></html>`;
const homeHtml = `<!doctype html><html><head><title>Home</title></head><body><p>Static</p></body></html>`;

beforeAll(() => {
	client = mkdtempSync(join(tmpdir(), 'weigh-build-'));
	const all = { ...files, 'index.html': homeHtml, 'lessons/one/index.html': lessonHtml, '404.html': homeHtml };
	for (const [name, text] of Object.entries(all)) {
		mkdirSync(dirname(join(client, name)), { recursive: true });
		writeFileSync(join(client, name), text);
	}
});
afterAll(() => rmSync(client, { recursive: true, force: true }));

describe('weighBuild', () => {
	it('lists every HTML page as its URL path, Pagefind’s folder aside', () => {
		expect(listPages(client)).toEqual(['/', '/404.html', '/lessons/one/']);
	});

	it('counts the scripts a page runs at load and their static imports, once each, and not JSON-LD or inert templates', async () => {
		const lesson = (await weighBuild(client)).pages.find((page) => page.path === '/lessons/one/')!;
		expect(lesson.scripts.sort(), 'the entry, what it imports, and what the inline module imports').toEqual([
			'/_astro/entry.AAAAAAAA.js',
			'/_astro/other.FFFFFFFF.js',
			'/_astro/shared.BBBBBBBB.js',
		]);
		const external =
			gz(files['_astro/entry.AAAAAAAA.js']!) + gz(files['_astro/shared.BBBBBBBB.js']!) + gz(files['_astro/other.FFFFFFFF.js']!);
		expect(lesson.externalJsGz).toBe(external);
		expect(lesson.inlineJsGz, 'the classic and module inline scripts, gzipped together').toBe(gz(`${classic}\n${inlineModule}`));
		expect(lesson.jsGz).toBe(external + lesson.inlineJsGz);
	});

	it('counts the HTML and the render-blocking stylesheets for first render, not print-only ones', async () => {
		const lesson = (await weighBuild(client)).pages.find((page) => page.path === '/lessons/one/')!;
		expect(lesson.htmlGz).toBe(gz(lessonHtml));
		expect(lesson.firstRenderGz).toBe(gz(lessonHtml) + gz(files['_astro/site.css']!));
		expect(lesson.cssGz, 'all stylesheets, print included').toBe(gz(files['_astro/site.css']!) + gz(files['_astro/print.css']!));
	});

	it('gives each lazy island what it adds to the page, and follows islands it loads in turn', async () => {
		const { islands, pages } = await weighBuild(client);
		const island = islands.find((entry) => entry.name === 'island')!;
		expect(island.chunks.sort(), 'not the shared chunk the page already loaded').toEqual([
			'/_astro/island.CCCCCCCC.js',
			'/_astro/part.DDDDDDDD.js',
		]);
		expect(island.gz).toBe(gz(files['_astro/island.CCCCCCCC.js']!) + gz(files['_astro/part.DDDDDDDD.js']!));
		expect(islands.find((entry) => entry.name === 'deeper')?.gz).toBe(gz(files['_astro/deeper.EEEEEEEE.js']!));
		expect(pages.find((page) => page.path === '/')?.jsGz, 'a page without scripts runs none').toBe(0);
	});

	it('names a file the build references but does not hold', async () => {
		const broken = mkdtempSync(join(tmpdir(), 'weigh-build-broken-'));
		try {
			writeFileSync(join(broken, 'index.html'), '<script type="module" src="/_astro/gone.AAAAAAAA.js"></script>');
			await expect(weighBuild(broken)).rejects.toThrow('/_astro/gone.AAAAAAAA.js is referenced by the build');
		} finally {
			rmSync(broken, { recursive: true, force: true });
		}
	});

	it('gzips at level 9, and an empty file weighs nothing', () => {
		expect(gzipSize(Buffer.from('a'.repeat(1000)))).toBe(gz('a'.repeat(1000)));
		expect(gzipSize(Buffer.alloc(0))).toBe(0);
	});
});
