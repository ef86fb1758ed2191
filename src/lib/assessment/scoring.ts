/**
 * Scoring of the self-assessment. Pure: statements and answers in, a profile
 * out, so every rule is table-tested (tests/unit/scoring.test.ts).
 *
 * - Answers run from 1 ("Not like me") to 5 ("Very much like me").
 * - A reverse-scored statement describes the opposite of the pointer's
 *   behaviour, so it scores `6 − answer`.
 * - A score is where the points fall between the lowest and the highest
 *   possible, as a whole percentage: `(sum − min) / (max − min) × 100`,
 *   rounded half up. All "1"s (after reversing) give 0, all "5"s give 100.
 * - Only answered statements count, so an attempt saved before the author
 *   edited the statements still scores on the ones it has.
 */

import { SCALE_MAX, SCALE_MIN, isAnswer } from './answer-scale';

export { SCALE_MAX, SCALE_MIN, isAnswer } from './answer-scale';

/** Answers by statement id, each 1 to 5. */
export type Answers = Record<string, number>;

/** What scoring needs to know about a statement. */
export interface ScoredStatement {
	id: string;
	/** The lesson order (1 to 6) of the pointer it measures. */
	pointer: number;
	reverse: boolean;
}

export interface PointerScore {
	pointer: number;
	/** 0 to 100, or null when none of the pointer's statements was answered. */
	score: number | null;
}

export interface Profile {
	/** One entry per pointer that has statements, in pointer order. */
	pointers: PointerScore[];
	/** The same formula over every answered statement. */
	overall: number | null;
}

/** The points an answer earns: reverse-scored statements count from the other end. */
export function points(answer: number, reverse: boolean): number {
	return reverse ? SCALE_MIN + SCALE_MAX - answer : answer;
}

/** Points summed over `count` answers, as 0–100 between the lowest and highest possible sums. */
function percent(sum: number, count: number): number | null {
	if (count === 0) return null;
	// Integer numerator first, so 7/12 × 100 does not meet floating-point noise before rounding.
	return Math.round((100 * (sum - count * SCALE_MIN)) / (count * (SCALE_MAX - SCALE_MIN)));
}

/** Scores answers per pointer and overall. Answers off the scale or for unknown statements are ignored. */
export function scoreAnswers(statements: readonly ScoredStatement[], answers: Answers): Profile {
	const totals = new Map<number, { sum: number; count: number }>();
	let sum = 0;
	let count = 0;
	for (const statement of statements) {
		const total = totals.get(statement.pointer) ?? { sum: 0, count: 0 };
		totals.set(statement.pointer, total);
		const answer = answers[statement.id];
		if (!isAnswer(answer)) continue;
		const earned = points(answer, statement.reverse);
		total.sum += earned;
		total.count += 1;
		sum += earned;
		count += 1;
	}
	const pointers = [...totals.entries()]
		.sort(([a], [b]) => a - b)
		.map(([pointer, total]) => ({ pointer, score: percent(total.sum, total.count) }));
	return { pointers, overall: percent(sum, count) };
}

/** Ids of the statements without a valid answer, in the order given. */
export function unanswered(statements: readonly ScoredStatement[], answers: Answers): string[] {
	return statements.filter((statement) => !isAnswer(answers[statement.id])).map((statement) => statement.id);
}

/** Scored pointers, highest first; ties keep pointer order (the earlier pointer wins). */
function ranked(profile: Profile): PointerScore[] {
	return profile.pointers.filter((entry) => entry.score !== null).sort((a, b) => b.score! - a.score! || a.pointer - b.pointer);
}

/** The pointer with the highest score (on a tie, the earlier pointer), or undefined when nothing is scored. */
export function strongestPointer(profile: Profile): number | undefined {
	return ranked(profile)[0]?.pointer;
}

/**
 * The `count` pointers with the most room to grow: the lowest scores, the
 * earlier pointer first on a tie (read in course order), never the strongest.
 */
export function roomToGrow(profile: Profile, count = 2): number[] {
	const strongest = strongestPointer(profile);
	return ranked(profile)
		.filter((entry) => entry.pointer !== strongest)
		.sort((a, b) => a.score! - b.score! || a.pointer - b.pointer)
		.slice(0, count)
		.map((entry) => entry.pointer);
}

export interface PointerChange {
	pointer: number;
	score: number | null;
	/** The score in the attempt compared with, or null when there is none. */
	previous: number | null;
	/** `score − previous`, or null when either is missing. */
	change: number | null;
}

export interface Comparison {
	pointers: PointerChange[];
	overall: Omit<PointerChange, 'pointer'>;
}

function difference(score: number | null, previous: number | null): number | null {
	return score === null || previous === null ? null : score - previous;
}

/** Compares a profile with an earlier one (or with nothing), pointer by pointer and overall. */
export function compareProfiles(latest: Profile, previous?: Profile): Comparison {
	const before = new Map(previous?.pointers.map((entry) => [entry.pointer, entry.score]));
	const overallBefore = previous?.overall ?? null;
	return {
		pointers: latest.pointers.map(({ pointer, score }) => {
			const earlier = before.get(pointer) ?? null;
			return { pointer, score, previous: earlier, change: difference(score, earlier) };
		}),
		overall: { score: latest.overall, previous: overallBefore, change: difference(latest.overall, overallBefore) },
	};
}

/** A change as readers write it: "+8", "−4" (a true minus sign) or "0"; '' when there is nothing to compare. */
export function formatChange(change: number | null): string {
	if (change === null) return '';
	if (change > 0) return `+${change}`;
	if (change < 0) return `−${-change}`;
	return '0';
}
