import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_SCHEDULE, retryDelay } from '../../../src/server/retry-schedule';

const noJitter = { ...DEFAULT_RETRY_SCHEDULE, jitter: 0 };

describe('retryDelay', () => {
	it('doubles after each failure, starting at the base delay', () => {
		expect([1, 2, 3, 4, 5].map((failures) => retryDelay(failures, noJitter))).toEqual([5_000, 10_000, 20_000, 40_000, 80_000]);
	});

	it('stops growing at the ceiling', () => {
		expect(retryDelay(9, noJitter)).toBe(15 * 60_000);
		expect(retryDelay(1_000, noJitter)).toBe(15 * 60_000);
	});

	it('spreads retries by the jitter fraction in both directions', () => {
		expect(retryDelay(1, DEFAULT_RETRY_SCHEDULE, () => 0)).toBe(4_000);
		expect(retryDelay(1, DEFAULT_RETRY_SCHEDULE, () => 0.5)).toBe(5_000);
		expect(retryDelay(1, DEFAULT_RETRY_SCHEDULE, () => 0.999999)).toBe(6_000);
	});

	it('never goes past the ceiling plus jitter, nor below zero', () => {
		for (const failures of [0, -3, 1, 50, Number.MAX_SAFE_INTEGER]) {
			const delay = retryDelay(failures, DEFAULT_RETRY_SCHEDULE, () => 0.99);
			expect(delay).toBeGreaterThanOrEqual(0);
			expect(delay).toBeLessThanOrEqual(DEFAULT_RETRY_SCHEDULE.maxMs * 1.2);
		}
	});

	it('follows a custom schedule', () => {
		expect(retryDelay(3, { baseMs: 100, maxMs: 300, jitter: 0 })).toBe(300);
	});
});
