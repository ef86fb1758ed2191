/**
 * The owner's scripts (scripts/*.mjs, e.g. subscribers.mjs) import src modules
 * straight into plain Node, which strips TypeScript types but resolves
 * nothing else: every relative import needs its `.ts` extension, and JSON
 * needs an import attribute Vite does not want. So each src module those
 * scripts reach (following imports transitively, type-only ones aside, as
 * Node erases them) must load in plain Node, here the Node 24 the npm scripts
 * run on. Loading is the check: it catches whatever Node cannot run, not just
 * the known ways to break it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const node = join(root, 'node_modules/.bin/node');

/** Every `.mjs` file under scripts/. */
function scriptFiles(folder = join(root, 'scripts')): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? scriptFiles(join(folder, entry.name)) : entry.name.endsWith('.mjs') ? [join(folder, entry.name)] : [],
	);
}

/** The relative imports of a module that Node would load (type-only imports are erased before it runs). */
function runtimeImports(file: string): string[] {
	const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
	const found: string[] = [];
	const visit = (node: ts.Node) => {
		if (
			ts.isImportDeclaration(node) &&
			node.importClause?.phaseModifier !== ts.SyntaxKind.TypeKeyword &&
			ts.isStringLiteral(node.moduleSpecifier)
		) {
			const named = node.importClause?.namedBindings;
			const onlyTypes =
				named &&
				ts.isNamedImports(named) &&
				named.elements.length > 0 &&
				!node.importClause?.name &&
				named.elements.every((e) => e.isTypeOnly);
			if (!onlyTypes) found.push(node.moduleSpecifier.text);
		} else if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
			found.push(node.moduleSpecifier.text);
		} else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
			const [argument] = node.arguments;
			if (argument && ts.isStringLiteralLike(argument)) found.push(argument.text);
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
	return found.filter((specifier) => specifier.startsWith('.')).map((specifier) => resolve(dirname(file), specifier));
}

/** The src modules the scripts reach, transitively; each with the script that leads to it. */
function srcModulesOfScripts(): Map<string, string> {
	const reached = new Map<string, string>();
	const queue = scriptFiles().flatMap((script) =>
		runtimeImports(script)
			.filter((file) => file.startsWith(join(root, 'src') + '/'))
			.map((file) => [file, relative(root, script)] as const),
	);
	for (let next = queue.shift(); next; next = queue.shift()) {
		const [file, via] = next;
		if (reached.has(file)) continue;
		reached.set(file, via);
		// A missing file (an import without its extension) is reported when it loads, not followed.
		if (existsSync(file)) for (const imported of runtimeImports(file)) queue.push([imported, via]);
	}
	return reached;
}

const modules = [...srcModulesOfScripts()].map(([file, via]) => ({ module: relative(root, file), via }));

describe('src modules the plain-Node scripts import', () => {
	it('are found: the scripts reach the server modules they use', () => {
		expect(
			modules.map((entry) => entry.module),
			'subscribers.mjs uses the store, the subscribers and the address parser',
		).toEqual(expect.arrayContaining(['src/server/store.ts', 'src/server/subscribers.ts', 'src/lib/newsletter/email-address.ts']));
	});

	it.each(modules)('$module (reached from $via) loads in plain Node', ({ module }) => {
		const result = spawnSync(
			node,
			['--input-type=module', '--eval', `await import(${JSON.stringify(pathToFileURL(join(root, module)).href)});`],
			{
				cwd: root,
				encoding: 'utf8',
				env: { ...process.env, NODE_NO_WARNINGS: '1' },
				timeout: 20_000,
			},
		);
		const error = result.stderr
			.split('\n')
			.filter((line) => /Error|Cannot find|ERR_/.test(line))
			.slice(0, 3)
			.join('\n');
		expect(
			result.status,
			`plain Node could not load ${module}; give relative imports their .ts extension and import no JSON:\n${error}`,
		).toBe(0);
	});
});
