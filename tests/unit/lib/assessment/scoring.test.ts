import { describe, expect, it } from 'vitest';
import {
	compareProfiles,
	formatChange,
	isAnswer,
	points,
	roomToGrow,
	scoreAnswers,
	strongestPointer,
	unanswered,
	type Answers,
	type Profile,
	type ScoredStatement,
} from '../../../../src/lib/assessment/scoring';

/**
 * The course's shape: six pointers, three statements each, the third one
 * reverse-scored (`p1-a`, `p1-b`, `p1-c` ... `p6-c`).
 */
const statements: ScoredStatement[] = [1, 2, 3, 4, 5, 6].flatMap((pointer) =>
	(['a', 'b', 'c'] as const).map((letter) => ({ id: `p${pointer}-${letter}`, pointer, reverse: letter === 'c' })),
);

/** Answers from a list of [a, b, c] triples, one per pointer. */
function answersOf(triples: [number, number, number][]): Answers {
	const answers: Answers = {};
	triples.forEach((triple, index) => triple.forEach((answer, item) => (answers[`p${index + 1}-${'abc'[item]}`] = answer)));
	return answers;
}

/** The same triple for every pointer. */
const everywhere = (triple: [number, number, number]) => answersOf(Array.from({ length: 6 }, () => triple));

/** A profile from six scores (and the overall). */
function profile(scores: (number | null)[], overall: number | null): Profile {
	return { pointers: scores.map((score, index) => ({ pointer: index + 1, score })), overall };
}

describe('scoreAnswers', () => {
	it.each<[string, Answers, Profile]>([
		// Lowest points everywhere: "Not like me" (1) on the plain statements, "Very much like me" (5) on the reverse ones.
		['all minimum gives 0 on every pointer and overall', everywhere([1, 1, 5]), profile([0, 0, 0, 0, 0, 0], 0)],
		// Highest points everywhere: 5 on the plain statements, 1 on the reverse ones.
		['all maximum gives 100 on every pointer and overall', everywhere([5, 5, 1]), profile([100, 100, 100, 100, 100, 100], 100)],
		// Every answer 1: plain items earn 1, the reverse item earns 6 − 1 = 5, so 7 points of 3–15: (7 − 3) / 12 = 33.3 → 33.
		['answering 1 everywhere scores the reverse statements high', everywhere([1, 1, 1]), profile([33, 33, 33, 33, 33, 33], 33)],
		// Every answer 5: plain items earn 5, the reverse item earns 1: 11 points, (11 − 3) / 12 = 66.7 → 67.
		['answering 5 everywhere scores the reverse statements low', everywhere([5, 5, 5]), profile([67, 67, 67, 67, 67, 67], 67)],
		// The middle of the scale is the middle of the range, reversed or not.
		['answering 3 everywhere gives 50', everywhere([3, 3, 3]), profile([50, 50, 50, 50, 50, 50], 50)],
		/*
		 * Worked by hand (points = answer, or 6 − answer for the reverse item c;
		 * a pointer's points run from 3 to 15, so score = (points − 3) / 12 × 100):
		 *   pointer 1: 5, 4, c=2 → 4   = 13 → 10/12 = 83.3 → 83
		 *   pointer 2: 3, 3, c=3 → 3   =  9 →  6/12 = 50
		 *   pointer 3: 1, 2, c=5 → 1   =  4 →  1/12 =  8.3 →  8
		 *   pointer 4: 4, 2, c=4 → 2   =  8 →  5/12 = 41.7 → 42
		 *   pointer 5: 2, 2, c=4 → 2   =  6 →  3/12 = 25
		 *   pointer 6: 5, 5, c=1 → 5   = 15 → 12/12 = 100
		 *   overall: 13 + 9 + 4 + 8 + 6 + 15 = 55 of 18–90 → (55 − 18) / 72 = 51.4 → 51
		 */
		[
			'a mixed set matches the hand-worked scores',
			answersOf([
				[5, 4, 2],
				[3, 3, 3],
				[1, 2, 5],
				[4, 2, 4],
				[2, 2, 4],
				[5, 5, 1],
			]),
			profile([83, 50, 8, 42, 25, 100], 51),
		],
		/*
		 * Overall 9 points above the minimum of 72 possible is exactly 12.5: halves round up.
		 *   pointer 1: 3 + 3 + (6 − 3) = 9 → 6/12 = 50
		 *   pointer 2: 2 + 1 + (6 − 5) = 4 → 1/12 = 8.3 → 8
		 *   pointer 3: 2 + 2 + (6 − 5) = 5 → 2/12 = 16.7 → 17
		 *   pointers 4–6: 1 + 1 + (6 − 5) = 3 → 0
		 *   overall: 9 + 4 + 5 + 3 × 3 = 27 → (27 − 18) / 72 = 12.5 → 13
		 */
		[
			'a half rounds up',
			answersOf([
				[3, 3, 3],
				[2, 1, 5],
				[2, 2, 5],
				[1, 1, 5],
				[1, 1, 5],
				[1, 1, 5],
			]),
			profile([50, 8, 17, 0, 0, 0], 13),
		],
	])('%s', (_name, answers, expected) => {
		expect(scoreAnswers(statements, answers)).toEqual(expected);
	});

	it('scores only the answered statements, and a pointer with none is null', () => {
		// Pointer 1: only a = 5 → 1 item, (5 − 1) / 4 = 100. Pointer 2: a = 1 and c = 1 (→ 5): 6 of 2–10 → 50. Overall: 11 of 3–15 → 67.
		const answers = { 'p1-a': 5, 'p2-a': 1, 'p2-c': 1 };
		expect(scoreAnswers(statements, answers)).toEqual(profile([100, 50, null, null, null, null], 67));
	});

	it('gives null everywhere when nothing is answered', () => {
		expect(scoreAnswers(statements, {})).toEqual(profile([null, null, null, null, null, null], null));
	});

	it.each([0, 6, 2.5, -1, Number.NaN, '3', null])('ignores the answer %s, which is not on the scale', (bad) => {
		const answers = { ...everywhere([3, 3, 3]), 'p1-a': bad as number };
		// Pointer 1 keeps b and c (3 + 3 = 6 of 2–10 → 50); the others stay at 50.
		expect(scoreAnswers(statements, answers).pointers[0]).toEqual({ pointer: 1, score: 50 });
	});

	it('ignores answers to statements it does not know', () => {
		expect(scoreAnswers(statements, { ...everywhere([5, 5, 1]), retired: 1 })).toEqual(profile([100, 100, 100, 100, 100, 100], 100));
	});

	it('lists pointers in pointer order whatever the statement order', () => {
		const shuffled = [...statements].reverse();
		expect(scoreAnswers(shuffled, everywhere([3, 3, 3])).pointers.map((entry) => entry.pointer)).toEqual([1, 2, 3, 4, 5, 6]);
	});
});

describe('points and isAnswer', () => {
	it.each([
		[1, false, 1],
		[5, false, 5],
		[1, true, 5],
		[2, true, 4],
		[3, true, 3],
		[5, true, 1],
	])('answer %i (reverse: %s) earns %i points', (answer, reverse, expected) => {
		expect(points(answer, reverse)).toBe(expected);
	});

	it.each([
		[1, true],
		[5, true],
		[0, false],
		[6, false],
		[4.5, false],
		['4', false],
	])('%s is an answer: %s', (value, expected) => {
		expect(isAnswer(value)).toBe(expected);
	});
});

describe('unanswered', () => {
	it('lists the statements still without an answer, in order', () => {
		const answers = { ...everywhere([2, 2, 2]) };
		delete answers['p2-b'];
		delete answers['p5-a'];
		answers['p6-c'] = 9;
		expect(unanswered(statements, answers)).toEqual(['p2-b', 'p5-a', 'p6-c']);
	});

	it('is empty when every statement is answered', () => {
		expect(unanswered(statements, everywhere([4, 4, 4]))).toEqual([]);
	});
});

describe('strongestPointer and roomToGrow', () => {
	it.each<[string, (number | null)[], number | undefined, number[]]>([
		['distinct scores', [83, 50, 8, 42, 25, 100], 6, [3, 5]],
		['a tie for strongest goes to the earlier pointer', [40, 90, 10, 90, 20, 30], 2, [3, 5]],
		['a tie for room to grow lists the earlier pointer first', [60, 20, 70, 20, 20, 50], 3, [2, 4]],
		['all equal: the first is strongest, the next two have room to grow', [50, 50, 50, 50, 50, 50], 1, [2, 3]],
		['unscored pointers are left out', [null, 30, null, 70, 10, null], 4, [5, 2]],
		['nothing scored', [null, null, null, null, null, null], undefined, []],
	])('%s', (_name, scores, strongest, grow) => {
		const result = profile(scores, null);
		expect(strongestPointer(result)).toBe(strongest);
		expect(roomToGrow(result)).toEqual(grow);
	});

	it('never lists the strongest pointer as room to grow, even with only two scored', () => {
		expect(roomToGrow(profile([null, 40, null, null, 40, null], null))).toEqual([5]);
	});
});

describe('compareProfiles', () => {
	it('gives the change per pointer and overall against the previous attempt', () => {
		const latest = profile([83, 50, 8, 42, 25, 100], 51);
		const previous = profile([75, 58, 8, 17, 25, 92], 46);
		expect(compareProfiles(latest, previous)).toEqual({
			pointers: [
				{ pointer: 1, score: 83, previous: 75, change: 8 },
				{ pointer: 2, score: 50, previous: 58, change: -8 },
				{ pointer: 3, score: 8, previous: 8, change: 0 },
				{ pointer: 4, score: 42, previous: 17, change: 25 },
				{ pointer: 5, score: 25, previous: 25, change: 0 },
				{ pointer: 6, score: 100, previous: 92, change: 8 },
			],
			overall: { score: 51, previous: 46, change: 5 },
		});
	});

	it('has no previous scores and no changes for a first attempt', () => {
		const comparison = compareProfiles(profile([10, 20, 30, 40, 50, 60], 35));
		expect(comparison.pointers.every((row) => row.previous === null && row.change === null)).toBe(true);
		expect(comparison.overall).toEqual({ score: 35, previous: null, change: null });
	});

	it('has no change for a pointer the earlier attempt did not score', () => {
		const comparison = compareProfiles(profile([10, 20, 30, 40, 50, 60], 35), profile([10, null, 30, 40, 50, 60], 38));
		expect(comparison.pointers[1]).toEqual({ pointer: 2, score: 20, previous: null, change: null });
		expect(comparison.overall.change).toBe(-3);
	});
});

describe('formatChange', () => {
	it.each<[number | null, string]>([
		[8, '+8'],
		[-4, '−4'],
		[0, '0'],
		[null, ''],
	])('writes %s as "%s"', (change, expected) => {
		expect(formatChange(change)).toBe(expected);
	});
});
