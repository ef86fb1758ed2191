/**
 * The self-assessment's answer scale, on its own so the stored-data code
 * (loaded by the "Your data" page too) does not pull in the scoring module.
 */

/** Lowest point on the answer scale ("Not like me"). */
export const SCALE_MIN = 1;
/** Highest point on the answer scale ("Very much like me"). */
export const SCALE_MAX = 5;

/** True for a whole number on the scale. */
export function isAnswer(value: unknown): value is number {
	return Number.isInteger(value) && (value as number) >= SCALE_MIN && (value as number) <= SCALE_MAX;
}
