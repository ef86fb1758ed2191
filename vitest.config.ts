import { defineConfig } from 'vitest/config';

/**
 * Two projects, so `npm run test:unit` stays fast:
 * - `unit` (tests/unit): modules one at a time, mirroring src/ and scripts/
 *   (pure logic, stores, SQLite-backed server modules on temporary files, the
 *   scripts' own helpers); nothing builds the site.
 * - `integration` (tests/integration): the real `astro build` (in a copy of
 *   the project under test-results/) and the built server with a real SMTP
 *   server on loopback.
 * `npm test` (scripts/test.mjs) runs both and counts every test; Playwright
 * owns tests/e2e, so it is left out here.
 */
export default defineConfig({
	test: {
		environment: 'node',
		projects: [
			{ extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 10_000 } },
			// A build takes a while on a shared machine; the slowest tests set their own, longer timeouts.
			{ extends: true, test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], testTimeout: 30_000 } },
		],
	},
});
