/**
 * When the outbox tries a failed email again: exponential backoff with a
 * ceiling and jitter, so an SMTP outage is retried quickly at first, then
 * patiently, and many queued mails do not all hammer the server at the same
 * instant when it comes back. Pure: randomness comes from a parameter.
 */

/** Settings of the schedule. */
export interface RetrySchedule {
	/** Delay after the first failure, in milliseconds. */
	baseMs: number;
	/** Largest delay between two attempts, in milliseconds. */
	maxMs: number;
	/** Spread around each delay, as a fraction (0.2 = ±20 %). */
	jitter: number;
}

/** The default schedule: 5 s, 10 s, 20 s … up to 15 minutes, ±20 %. */
export const DEFAULT_RETRY_SCHEDULE: RetrySchedule = { baseMs: 5_000, maxMs: 15 * 60_000, jitter: 0.2 };

/**
 * The delay before attempt number `failures + 1`, after `failures` failed
 * attempts (1 or more). `random` returns a number in [0, 1).
 */
export function retryDelay(failures: number, schedule: RetrySchedule = DEFAULT_RETRY_SCHEDULE, random: () => number = Math.random): number {
	const exponent = Math.max(0, Math.floor(failures) - 1);
	// 2 ** 40 is already far past any ceiling; capping the exponent avoids Infinity.
	const raw = Math.min(schedule.maxMs, schedule.baseMs * 2 ** Math.min(exponent, 40));
	const spread = raw * schedule.jitter * (random() * 2 - 1);
	return Math.max(0, Math.round(Math.min(schedule.maxMs * (1 + schedule.jitter), raw + spread)));
}

/** How long the outbox keeps retrying one email before it gives up and marks it failed. */
export const GIVE_UP_AFTER_MS = 7 * 24 * 60 * 60_000;
