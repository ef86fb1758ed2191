/**
 * End-to-end tests run against the built site served exactly as `npm start`
 * serves it (`node dist/server/entry.mjs`, the production server with
 * compression and security headers), never the dev server, in Debian's
 * Chromium. scripts/test.mjs builds first; run `npm run build` before
 * `npx playwright test` on its own.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { chromiumFlags, chromiumPath } from './scripts/chromium.mjs';

const serverEntry = resolve(import.meta.dirname, 'dist/server/entry.mjs');
if (!existsSync(serverEntry)) {
	throw new Error(
		`${serverEntry} is missing: the e2e tests serve the built site. Run \`npm run build\` first (or use \`npm test\`, which builds).`,
	);
}

/** A fixed port away from the 4321 that `npm start` uses, so a running site does not clash. */
const port = Number(process.env.E2E_PORT ?? 4329);
const baseURL = `http://127.0.0.1:${port}`;

/**
 * Everything a run writes lives under one folder per port, so a second run on
 * another E2E_PORT never empties the first one's artifacts or database.
 */
const runDir = resolve(import.meta.dirname, `test-results/e2e-${port}`);

/**
 * The server's database for this run (the newsletter keeps subscribers and its
 * outbox next to it). Specs read the path from process.env.DATABASE_PATH; the
 * server gets a fresh, empty folder each time it starts.
 */
const databasePath = resolve(runDir, 'server/course.db');
process.env.DATABASE_PATH = databasePath;
// No SMTP_URL: a test run must never send real mail. The web
// server inherits this process's environment, so the variable is removed here.
delete process.env.SMTP_URL;

const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;
const serverDir = dirname(databasePath);

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: resolve(runDir, 'artifacts'),
	fullyParallel: true,
	forbidOnly: true,
	// Retries would hide flaky tests; a flaky test is a bug to fix.
	retries: 0,
	// The reference machine has two cores.
	workers: 2,
	timeout: 30_000,
	expect: { timeout: 5_000 },
	reporter: [['list']],
	use: {
		baseURL,
		trace: 'retain-on-failure',
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: { executablePath: chromiumPath, args: chromiumFlags },
			},
		},
	],
	webServer: {
		// `npm start` runs `node dist/server/entry.mjs`; the same Node that runs Playwright runs it
		// here. The database folder is emptied only now, once the port is known to be free, so a
		// run that fails to start never deletes the data of a server that is still running.
		command: `rm -rf ${quote(serverDir)} && mkdir -p ${quote(serverDir)} && ${quote(process.execPath)} ${quote(serverEntry)}`,
		url: baseURL,
		reuseExistingServer: false,
		timeout: 30_000,
		stdout: 'pipe',
		env: {
			PORT: String(port),
			HOST: '127.0.0.1',
			DATABASE_PATH: databasePath,
		},
	},
});
