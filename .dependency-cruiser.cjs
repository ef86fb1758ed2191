/**
 * The layering rules (docs/architecture.md, "Rules that check themselves"),
 * checked by dependency-cruiser inside `npm test` through scripts/layering.mjs,
 * which also reads the imports of `.astro` and `.mdx` files (dependency-cruiser
 * itself parses only JavaScript and TypeScript). Run it alone with
 * `npm run layering`. Paths are relative to the project root.
 *
 * Each rule is one test in `npm test`'s summary; a rule passes when no import
 * breaks it.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
	forbidden: [
		{
			name: 'lib-is-pure',
			comment:
				'src/lib holds pure logic shared by the browser, the server and the build: it never reaches into ' +
				'the parts that use it (components, stores, server, pages, layouts, integrations) nor into ' +
				"Astro's virtual modules (astro:*), so it runs and is tested anywhere.",
			severity: 'error',
			from: { path: '^src/lib/' },
			to: { path: ['^src/(components|stores|server|pages|layouts|integrations)/', '^astro:'] },
		},
		{
			name: 'client-never-imports-server',
			comment:
				'Stores, components and layouts end up in the browser or in static pages; src/server holds ' +
				'server-only code (database, mail, secrets). Pages that run on demand import the server instead.',
			severity: 'error',
			from: { path: '^src/(stores|components|layouts)/' },
			to: { path: '^src/server/' },
		},
		{
			name: 'server-never-imports-ui',
			comment:
				'The server answers requests and sends mail; it never depends on components, stores or pages ' +
				'(strings come from src/i18n, shared logic from src/lib).',
			severity: 'error',
			from: { path: '^src/server/' },
			to: { path: '^src/(components|stores|pages)/' },
		},
		{
			name: 'content-never-imports-components',
			comment:
				'Lessons and course text are data: they use the components the pages hand them (PostExcerpt, ' +
				'Quote) without importing any, so content can move without breaking code.',
			severity: 'error',
			from: { path: '^src/content/' },
			to: { path: '^src/components/' },
		},
		{
			name: 'no-cycles',
			comment: 'No import cycles anywhere: every part can be read, tested and loaded on its own, bottom up.',
			severity: 'error',
			from: {},
			to: { circular: true },
		},
		{
			name: 'imports-resolve',
			comment:
				'Every import names a file or package that exists (Astro virtual modules, astro:*, exist only in a ' +
				'build): an import no rule can follow is an import no rule can check.',
			severity: 'error',
			from: {},
			to: { couldNotResolve: true, pathNot: '^astro:' },
		},
	],
	options: {
		doNotFollow: { path: 'node_modules' },
		// Type-only imports are erased by the compiler, but they still couple two parts: they count.
		tsPreCompilationDeps: true,
		tsConfig: { fileName: 'tsconfig.json' },
		enhancedResolveOptions: {
			extensions: ['.ts', '.mjs', '.js', '.json', '.astro', '.mdx'],
			exportsFields: ['exports'],
			conditionNames: ['import', 'require', 'node', 'default', 'types'],
		},
	},
};
