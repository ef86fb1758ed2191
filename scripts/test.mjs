/**
 * `npm test`: every check the project has, in one command that works on a
 * fresh machine. Makes sure Chromium is there (installing it with apt-get when
 * running as root on Debian), then runs, in order and whatever fails:
 *
 *   1. astro check   (one test: 0 errors, 0 warnings, 0 hints)
 *   2. prettier      (one test: `prettier --check .`)
 *   3. eslint        (one test: `eslint .`, no errors or warnings)
 *   4. layering      (one test per rule in .dependency-cruiser.cjs, scripts/layering.mjs)
 *   5. vitest        (unit and integration projects, counted one by one)
 *   6. astro build   (one test; the budgets and the e2e tests use what it writes)
 *   7. budgets       (one test per byte budget in docs/budgets.md, scripts/budgets.mjs)
 *   8. playwright    (end-to-end tests against the built server)
 *
 * It ends with a per-suite summary and a last line `N passed, N failed`;
 * skipped tests count as failed, and any failure makes the exit code 1.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumPath } from './chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(root, 'test-results');
const require = createRequire(join(root, 'package.json'));

/** The Node that runs npm scripts (from the `node` devDependency) comes first, as under `npm run`. */
const env = {
	...process.env,
	PATH: [join(root, 'node_modules/.bin'), process.env.PATH].join(delimiter),
	ASTRO_TELEMETRY_DISABLED: '1',
};

/** Absolute path of a package's executable script, run with this Node rather than its shebang. */
function bin(packageName, command) {
	const manifestPath = require.resolve(`${packageName}/package.json`);
	const { bin: bins } = JSON.parse(readFileSync(manifestPath, 'utf8'));
	return join(dirname(manifestPath), typeof bins === 'string' ? bins : bins[command]);
}

/** Prints a banner so each suite is easy to find in a long log. */
function heading(text) {
	console.log(`\n━━━ ${text} ${'━'.repeat(Math.max(3, 70 - text.length))}\n`);
}

/**
 * Runs a command, streaming its output. With `capture`, the output is also
 * collected (stdin closed, so an interactive prompt cannot hang the run).
 */
function run(command, args, { capture = false, extraEnv = {} } = {}) {
	return new Promise((done) => {
		const child = spawn(command, args, {
			cwd: root,
			env: { ...env, ...extraEnv },
			stdio: capture ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
		});
		let output = '';
		if (capture) {
			child.stdout.on('data', (chunk) => {
				process.stdout.write(chunk);
				output += chunk;
			});
			child.stderr.on('data', (chunk) => {
				process.stderr.write(chunk);
				output += chunk;
			});
		}
		child.on('error', (error) => {
			console.error(`Could not run ${command}: ${error.message}`);
			done({ code: 1, output });
		});
		child.on('close', (code, signal) => done({ code: code ?? (signal ? 1 : 0), output }));
	});
}

/** Reads a JSON report a suite wrote, or undefined when it is missing or unreadable. */
function readReport(file) {
	try {
		return JSON.parse(readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
}

const stripAnsi = (text) => text.replace(/\u001b\[[0-9;]*m/g, '');

/** Makes sure Chromium exists; returns its path, or exits saying what to install. */
function ensureChromium() {
	const override = process.env.CHROMIUM_PATH;
	const chromium = chromiumPath;
	if (existsSync(chromium)) return chromium;

	if (override) {
		console.error(
			`CHROMIUM_PATH is set to ${override}, which does not exist. Point it at a Chromium or Chrome executable, or unset it to use /usr/bin/chromium.`,
		);
		process.exit(1);
	}
	const isRoot = process.getuid?.() === 0;
	const hasAptGet = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
	if (!isRoot || !hasAptGet) {
		console.error(
			`The end-to-end tests need Chromium at ${chromium}, and it is not installed.\n` +
				'Install it with:\n\n    sudo apt-get install chromium\n\n' +
				'or set CHROMIUM_PATH to the path of a Chromium or Chrome executable.',
		);
		process.exit(1);
	}
	heading('Installing Chromium (apt-get install chromium)');
	const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	for (const args of [['update'], ['install', '-y', 'chromium']]) {
		const result = spawnSync('apt-get', args, { stdio: 'inherit', env: aptEnv });
		if (result.status !== 0) {
			console.error(
				`\`apt-get ${args.join(' ')}\` failed (exit ${result.status}). Install Chromium yourself (apt-get install chromium) or set CHROMIUM_PATH.`,
			);
			process.exit(1);
		}
	}
	if (!existsSync(chromium)) {
		console.error(`apt-get finished but ${chromium} is still missing. Set CHROMIUM_PATH to the Chromium executable.`);
		process.exit(1);
	}
	return chromium;
}

/** astro check: one test, passed only with zero errors, warnings and hints. */
async function astroCheck() {
	heading('astro check');
	const { code, output } = await run(process.execPath, [bin('astro', 'astro'), 'check'], { capture: true });
	const text = stripAnsi(output);
	const count = (kind) => Number(new RegExp(`(\\d+) ${kind}`).exec(text)?.[1] ?? NaN);
	const counts = { errors: count('errors?'), warnings: count('warnings?'), hints: count('hints?') };
	const clean = code === 0 && counts.errors === 0 && counts.warnings === 0 && counts.hints === 0;
	const note = Number.isNaN(counts.errors)
		? `no result line (exit ${code})`
		: `${counts.errors} errors, ${counts.warnings} warnings, ${counts.hints} hints`;
	return { name: 'astro check', passed: clean ? 1 : 0, failed: clean ? 0 : 1, note };
}

/** Prettier: one test, passed when every file is formatted. */
async function prettier() {
	heading('prettier --check .');
	const { code, output } = await run(process.execPath, [bin('prettier', 'prettier'), '--check', '.'], { capture: true });
	const unformatted = stripAnsi(output)
		.split('\n')
		.filter((line) => /^\[warn\] (?!Code style issues)/.test(line)).length;
	const note = code === 0 ? 'every file formatted' : unformatted ? `${unformatted} file(s) not formatted: npm run format` : `exit ${code}`;
	return { name: 'prettier', passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, note };
}

/** ESLint: one test, passed with no error and no warning in any file. */
async function eslint() {
	heading('eslint .');
	const reportFile = join(resultsDir, 'eslint.json');
	rmSync(reportFile, { force: true });
	const { code } = await run(process.execPath, [bin('eslint', 'eslint'), '.', '--format', 'json', '--output-file', reportFile]);
	const report = readReport(reportFile);
	if (!Array.isArray(report)) return { name: 'eslint', passed: 0, failed: 1, note: `no report written (exit ${code})` };
	const flagged = report.filter((file) => file.messages.length);
	for (const file of flagged) {
		for (const message of file.messages) {
			console.log(
				`${relative(root, file.filePath)}:${message.line ?? 0}:${message.column ?? 0}  ${message.message}  (${message.ruleId ?? 'parse'})`,
			);
		}
	}
	const problems = flagged.reduce((total, file) => total + file.messages.length, 0);
	const clean = code === 0 && problems === 0;
	console.log(clean ? `${report.length} files linted, no problems.` : `${problems} problem(s) in ${flagged.length} file(s).`);
	const note = clean ? `${report.length} files, no problems` : `${problems} problem(s) in ${flagged.length} file(s)`;
	return { name: 'eslint', passed: clean ? 1 : 0, failed: clean ? 0 : 1, note };
}

/** The layering rules of .dependency-cruiser.cjs: one test per rule. */
async function layering() {
	heading('layering (dependency-cruiser)');
	try {
		const { checkLayering } = await import('./layering.mjs');
		const { rules, modules, dependencies } = await checkLayering();
		for (const rule of rules) {
			console.log(`${rule.violations.length ? '✘' : '✔'} ${rule.name}`);
			for (const violation of rule.violations) console.log(`    ${violation}`);
		}
		const failed = rules.filter((rule) => rule.violations.length).length;
		const violations = rules.reduce((total, rule) => total + rule.violations.length, 0);
		const note = failed ? `${violations} import(s) break ${failed} rule(s)` : `${modules} modules, ${dependencies} imports`;
		return { name: 'layering', passed: rules.length - failed, failed, note };
	} catch (error) {
		console.error(error);
		return {
			name: 'layering',
			passed: 0,
			failed: 1,
			note: `did not run: ${error instanceof Error ? error.message.split('\n')[0] : error}`,
		};
	}
}

/** The byte budgets of docs/budgets.md against the build: one test per budget. */
async function budgets() {
	heading('byte budgets (docs/budgets.md)');
	try {
		const { checkBudgets } = await import('./budgets.mjs');
		const results = await checkBudgets({ clientDir: join(root, 'dist/client') });
		for (const result of results) console.log(`${result.passed ? '✔' : '✘'} ${result.name}: ${result.detail}`);
		const failed = results.filter((result) => !result.passed).length;
		const note = failed
			? results
					.filter((result) => !result.passed)
					.map((result) => result.name)
					.join('; ')
			: '';
		return { name: 'budgets', passed: results.length - failed, failed, note };
	} catch (error) {
		console.error(error);
		return { name: 'budgets', passed: 0, failed: 1, note: `did not run: ${error instanceof Error ? error.message.split('\n')[0] : error}` };
	}
}

/** vitest: every unit and integration test counted; skipped and todo tests count as failed. */
async function vitest() {
	heading('vitest (unit and integration projects)');
	const reportFile = join(resultsDir, 'vitest.json');
	rmSync(reportFile, { force: true });
	const { code } = await run(process.execPath, [
		bin('vitest', 'vitest'),
		'run',
		'--reporter=default',
		'--reporter=json',
		`--outputFile.json=${reportFile}`,
	]);
	const report = readReport(reportFile);
	if (!report) return { name: 'vitest', passed: 0, failed: 1, note: `no report written (exit ${code})` };
	const passed = report.numPassedTests;
	const skipped = report.numPendingTests + report.numTodoTests;
	let failed = report.numFailedTests + skipped;
	// A file that cannot even load fails its suite without failing a test.
	if (code !== 0 && failed === 0) failed = Math.max(1, report.numFailedTestSuites);
	const note = skipped ? `${skipped} skipped (counted as failed)` : '';
	return { name: 'vitest', passed, failed, note };
}

/** astro build: one test. */
async function astroBuild() {
	heading('astro build');
	const { code } = await run(process.execPath, [bin('astro', 'astro'), 'build']);
	return { name: 'astro build', passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, note: code === 0 ? '' : `exit ${code}` };
}

/** Playwright: every e2e test counted; skipped and flaky tests count as failed. */
async function playwright(chromium) {
	heading('playwright (end-to-end tests)');
	const reportFile = join(resultsDir, 'playwright.json');
	rmSync(reportFile, { force: true });
	const { code } = await run(process.execPath, [bin('@playwright/test', 'playwright'), 'test', '--reporter=list,json'], {
		extraEnv: { CHROMIUM_PATH: chromium, PLAYWRIGHT_JSON_OUTPUT_FILE: reportFile },
	});
	const report = readReport(reportFile);
	if (!report) return { name: 'playwright', passed: 0, failed: 1, note: `no report written (exit ${code})` };
	const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats ?? {};
	let failed = unexpected + flaky + skipped;
	const notes = [];
	if (skipped) notes.push(`${skipped} skipped (counted as failed)`);
	if (flaky) notes.push(`${flaky} flaky (counted as failed)`);
	// Errors outside any test (config, web server) fail the run without failing a test.
	if (code !== 0 && failed === 0) {
		failed = 1;
		notes.push(report.errors?.length ? `${report.errors.length} error(s) outside tests` : `exit ${code}`);
	}
	return { name: 'playwright', passed: expected, failed, note: notes.join('; ') };
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
	console.error(`Node ${process.versions.node} is too old for Astro 7. Run \`npm test\`, which uses the Node 24 from devDependencies.`);
	process.exit(1);
}

mkdirSync(resultsDir, { recursive: true });
const chromium = ensureChromium();
const suites = [await astroCheck(), await prettier(), await eslint(), await layering(), await vitest()];
const build = await astroBuild();
suites.push(build);
if (build.failed) {
	// The budgets and the e2e tests would judge an old or missing build and prove nothing.
	suites.push({ name: 'budgets', passed: 0, failed: 1, note: 'not run: the build failed' });
	suites.push({ name: 'playwright', passed: 0, failed: 1, note: 'not run: the build failed' });
} else {
	suites.push(await budgets());
	suites.push(await playwright(chromium));
}

heading('Summary');
const width = Math.max(...suites.map((suite) => suite.name.length));
for (const suite of suites) {
	const status = suite.failed ? 'FAIL' : 'ok  ';
	const note = suite.note ? `  (${suite.note})` : '';
	console.log(`  ${status}  ${suite.name.padEnd(width)}  ${suite.passed} passed, ${suite.failed} failed${note}`);
}
const passed = suites.reduce((sum, suite) => sum + suite.passed, 0);
const failed = suites.reduce((sum, suite) => sum + suite.failed, 0);
console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
