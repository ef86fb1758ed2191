/**
 * End-to-end tests run against the built site served exactly as `npm start`
 * serves it (`node dist/server/entry.mjs`), never the dev server, in Debian's
 * Chromium. scripts/test.mjs builds first; run `npm run build` before
 * `npx playwright test` on its own.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const serverEntry = resolve(import.meta.dirname, 'dist/server/entry.mjs');
if (!existsSync(serverEntry)) {
	throw new Error(`${serverEntry} is missing: the e2e tests serve the built site. Run \`npm run build\` first (or use \`npm test\`, which builds).`);
}

/** A fixed port away from the 4321 that `npm start` uses, so a running site does not clash. */
const port = Number(process.env.E2E_PORT ?? 4329);
const baseURL = `http://127.0.0.1:${port}`;

/**
 * The server's database for this run (the newsletter stores subscribers here).
 * It lives outside Playwright's outputDir, which is emptied at start, and is
 * reset once per run by the main process only: workers load this file too.
 */
const databasePath = resolve(import.meta.dirname, 'test-results/e2e-server/course.db');
if (process.env.TEST_WORKER_INDEX === undefined) {
	rmSync(dirname(databasePath), { recursive: true, force: true });
	mkdirSync(dirname(databasePath), { recursive: true });
}
// No SMTP_URL: a test run must never send real mail. The web
// server inherits this process's environment, so the variable is removed here.
delete process.env.SMTP_URL;

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results/playwright',
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
				launchOptions: {
					executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
					args: [
						'--headless',
						'--no-sandbox',
						'--disable-gpu',
						'--disable-quic',
						'--no-first-run',
						'--disable-background-networking',
						'--disable-component-update',
						'--disable-sync',
					],
				},
			},
		},
	],
	webServer: {
		// `npm start` runs `node dist/server/entry.mjs`; the same Node that runs Playwright runs it here.
		command: `${JSON.stringify(process.execPath)} ${JSON.stringify(serverEntry)}`,
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
