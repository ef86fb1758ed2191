import { defineConfig } from 'vitest/config';

/**
 * Unit tests for the pure modules (src/lib, src/i18n) and integration tests
 * that drive the real build. Playwright owns tests/e2e, so it is left out here.
 */
export default defineConfig({
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		environment: 'node',
		// The integration tests run `astro build` in a temporary copy of the project.
		testTimeout: 10_000,
	},
});
