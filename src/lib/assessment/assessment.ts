/**
 * The reader's self-assessment: the answers they are giving now
 * (the draft) and every completed attempt with its date. Pure, no DOM:
 *
 * - `assessmentPart` describes the stored shape once (../learner/shape.ts):
 *   its types, the lenient reader (every valid attempt and draft answer
 *   kept, the others named) and the strict import check derive from it;
 * - reducers (`setDraftAnswer`, `recordAttempt`, ...) return new states;
 * - statement-set rules (`checkStatements`, `interleaveByPointer`,
 *   `statementKey`) used at build time and by the share link.
 *
 * Scores are never stored: they are computed from the answers (./scoring.ts),
 * so one source of truth serves the chart, the comparison and share links.
 */
import { dateTime, integer, object, record, rule, slug, type Infer } from '../learner/shape';
import { definePart, listOf, recordOf, type StateOf } from '../learner/stored-part';
import { isIsoDateTime, isObject, isSlug, quoted } from '../learner/values';
import { SCALE_MAX, SCALE_MIN, isAnswer } from './answer-scale';
import type { Answers, ScoredStatement } from './scoring';

export type { Answers } from './scoring';

/** An answer on the 1–5 scale. */
const answer = integer(SCALE_MIN, SCALE_MAX);

/** One completed self-assessment. */
const attempt = object({
	/** ISO date-time when the reader asked for the result. */
	takenAt: dateTime,
	/** Every statement's answer (1–5) by statement id: at least one. */
	answers: rule(record(slug(), answer), (answers) => Object.keys(answers).length > 0, undefined, 'empty'),
});

/** One completed self-assessment. */
export type Attempt = Infer<typeof attempt>;

/** How the repair notice names a dropped attempt: by its day, when it has a valid date. */
function attemptName(raw: unknown): string {
	const takenAt = isObject(raw) ? raw.takenAt : undefined;
	return isIsoDateTime(takenAt) ? `self-assessment result of ${takenAt.slice(0, 10)}` : 'a self-assessment result with no valid date';
}

/** The assessment part of the learner model. */
export const assessmentPart = definePart('all self-assessment results', {
	/** Answers given so far in the attempt under way, by statement id, kept while the reader comes and goes. */
	draft: recordOf(slug(), answer, {
		all: 'unfinished self-assessment answers',
		item: (_raw, key) => `unfinished self-assessment answer ${quoted(key)}`,
	}),
	/** Completed attempts, in the order they were taken. */
	attempts: listOf(attempt, { all: 'all self-assessment results', item: attemptName }),
});

/** The assessment part of the learner model, as stored. */
export type AssessmentState = StateOf<typeof assessmentPart>;

/** Saves one draft answer (a value off the scale removes it). */
export function setDraftAnswer(state: AssessmentState, id: string, value: number): AssessmentState {
	const draft = { ...state.draft };
	if (isSlug(id) && isAnswer(value)) draft[id] = value;
	else delete draft[id];
	return { ...state, draft };
}

/** Forgets the draft answers (starting afresh). */
export function clearDraft(state: AssessmentState): AssessmentState {
	return { ...state, draft: {} };
}

/** Adds a completed attempt dated `now`, leaving the draft alone (a shared result the reader keeps). */
export function addAttempt(state: AssessmentState, answers: Answers, now: Date): AssessmentState {
	return { ...state, attempts: [...state.attempts, { takenAt: now.toISOString(), answers: { ...answers } }] };
}

/** Adds a completed attempt dated `now` and clears the draft it came from. */
export function recordAttempt(state: AssessmentState, answers: Answers, now: Date): AssessmentState {
	return clearDraft(addAttempt(state, answers, now));
}

/** Attempts newest first (by date, not by storage order, which an import may have mixed). */
export function latestAttempts(state: AssessmentState): Attempt[] {
	return [...state.attempts].sort((a, b) => Date.parse(b.takenAt) - Date.parse(a.takenAt));
}

/** A statement as the author writes it (src/content/assessment/statements.json). */
export interface Statement extends ScoredStatement {
	text: string;
}

/**
 * Checks a statement set for the course's `pointerCount` pointers and returns
 * its problems in words ([] when it is sound): every pointer needs statements,
 * at least two each, and the same number each, so scores are comparable.
 */
export function checkStatements(statements: readonly ScoredStatement[], pointerCount: number): string[] {
	const problems: string[] = [];
	const counts = new Map<number, number>();
	for (const statement of statements) {
		if (statement.pointer > pointerCount)
			problems.push(`statement “${statement.id}” names pointer ${statement.pointer}, but the course has ${pointerCount} lessons`);
		counts.set(statement.pointer, (counts.get(statement.pointer) ?? 0) + 1);
	}
	const first = counts.get(1) ?? 0;
	for (let pointer = 1; pointer <= pointerCount; pointer++) {
		const count = counts.get(pointer) ?? 0;
		if (count < 2) problems.push(`pointer ${pointer} has ${count} statements; it needs at least 2`);
		else if (count !== first)
			problems.push(
				`pointer ${pointer} has ${count} statements but pointer 1 has ${first}; give every pointer the same number (is an id used twice?)`,
			);
	}
	return problems;
}

/** Statements in scoring order: by pointer, keeping the file's order within a pointer. */
export function scoringOrder<T extends ScoredStatement>(statements: readonly T[]): T[] {
	return [...statements].sort((a, b) => a.pointer - b.pointer);
}

/**
 * The order statements are shown in: one from each pointer in turn, so
 * neighbouring statements measure different pointers and an answer does not
 * colour the next one about the same idea.
 */
export function interleaveByPointer<T extends ScoredStatement>(statements: readonly T[]): T[] {
	const groups = new Map<number, T[]>();
	for (const statement of scoringOrder(statements)) {
		groups.set(statement.pointer, [...(groups.get(statement.pointer) ?? []), statement]);
	}
	const lists = [...groups.values()];
	const longest = Math.max(0, ...lists.map((list) => list.length));
	const order: T[] = [];
	for (let round = 0; round < longest; round++) for (const list of lists) if (list[round]) order.push(list[round]!);
	return order;
}

/** Identifies a statement set for share links: the ids in scoring order. */
export function statementKey(statements: readonly ScoredStatement[]): string {
	return statements.map((statement) => statement.id).join(',');
}
