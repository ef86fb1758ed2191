/**
 * The reader's self-assessment: the answers they are giving now
 * (the draft) and every completed attempt with its date. Pure, no DOM:
 *
 * - `sanitizeAssessment` reads stored data of any quality, never throws,
 *   keeps every valid attempt and names what it dropped; the strict import
 *   schema (./assessment-schema.ts) accepts exactly what it keeps;
 * - reducers (`setDraftAnswer`, `recordAttempt`, ...) return new states;
 * - statement-set rules (`checkStatements`, `interleaveByPointer`,
 *   `statementKey`) used at build time and by the share link.
 *
 * Scores are never stored: they are computed from the answers (./scoring.ts),
 * so one source of truth serves the chart, the comparison and share links.
 */
import { CURRENT_VERSION, isIsoDateTime, isObject, partData, type Json } from '../learner/stored-part';
import { isAnswer } from './answer-scale';
import type { Answers, ScoredStatement } from './scoring';

export type { Answers } from './scoring';

/** One completed self-assessment. */
export interface Attempt {
	/** ISO date-time when the reader asked for the result. */
	takenAt: string;
	/** Every statement's answer (1–5) by statement id. */
	answers: Answers;
}

export interface AssessmentState {
	version: typeof CURRENT_VERSION;
	/** Answers given so far in the attempt under way, kept while the reader comes and goes. */
	draft: Answers;
	/** Completed attempts, in the order they were taken. */
	attempts: Attempt[];
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** No attempts and no answers yet. */
export function emptyAssessment(): AssessmentState {
	return { version: CURRENT_VERSION, draft: {}, attempts: [] };
}

/** A readable stand-in for a stored key in a "dropped" note. */
function quoted(key: string): string {
	return `“${key.slice(0, 40)}”`;
}

/** Keeps the valid answers of `raw`; returns undefined when `raw` is not an answer map at all. */
function readAnswers(raw: unknown, onInvalid: (key: string) => void): Answers | undefined {
	if (!isObject(raw)) return undefined;
	const answers: Answers = {};
	for (const [id, value] of Object.entries(raw)) {
		if (ID.test(id) && isAnswer(value)) answers[id] = value;
		else onInvalid(id);
	}
	return answers;
}

/** An attempt exactly as stored, or undefined when any part of it is invalid. */
function readAttempt(raw: unknown): Attempt | undefined {
	if (!isObject(raw) || !isIsoDateTime(raw.takenAt)) return undefined;
	let valid = true;
	const answers = readAnswers(raw.answers, () => (valid = false));
	if (!valid || !answers || Object.keys(answers).length === 0) return undefined;
	return { takenAt: raw.takenAt, answers };
}

function attemptName(raw: unknown): string {
	const takenAt = isObject(raw) && typeof raw.takenAt === 'string' ? raw.takenAt : '';
	return isIsoDateTime(takenAt) ? `self-assessment result of ${takenAt.slice(0, 10)}` : 'a self-assessment result with no valid date';
}

/**
 * Reads stored assessment data of any quality: keeps every valid attempt and
 * draft answer, and lists what it dropped in words. Never throws.
 */
export function sanitizeAssessment(raw: unknown): { state: AssessmentState; dropped: string[] } {
	const { data, unreadable } = partData(raw);
	if (unreadable) return { state: emptyAssessment(), dropped: ['all self-assessment results (unreadable)'] };
	const state = emptyAssessment();
	const dropped: string[] = [];
	if (!data) return { state, dropped };
	const { draft, attempts } = data as Json;
	if (draft !== undefined) {
		const answers = readAnswers(draft, (id) => dropped.push(`unfinished self-assessment answer ${quoted(id)}`));
		if (answers) state.draft = answers;
		else dropped.push('unfinished self-assessment answers');
	}
	if (attempts !== undefined) {
		if (!Array.isArray(attempts)) dropped.push('all self-assessment results');
		else {
			for (const item of attempts) {
				const attempt = readAttempt(item);
				if (attempt) state.attempts.push(attempt);
				else dropped.push(attemptName(item));
			}
		}
	}
	return { state, dropped };
}

/** One line for the "Your data" page saying what this part holds, or '' when empty. */
export function summarizeAssessment(state: AssessmentState): string {
	const parts: string[] = [];
	const count = state.attempts.length;
	if (count) {
		const latest = latestAttempts(state)[0]!;
		parts.push(`${count} ${count === 1 ? 'result' : 'results'}, the latest taken ${latest.takenAt.slice(0, 10)}`);
	}
	const answered = Object.keys(state.draft).length;
	if (answered) parts.push(`${answered} ${answered === 1 ? 'answer' : 'answers'} in progress`);
	return parts.join('; ');
}

/** Saves one draft answer (a value off the scale removes it). */
export function setDraftAnswer(state: AssessmentState, id: string, value: number): AssessmentState {
	const draft = { ...state.draft };
	if (ID.test(id) && isAnswer(value)) draft[id] = value;
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
