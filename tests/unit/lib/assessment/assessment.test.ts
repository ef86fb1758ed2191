import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
	addAttempt,
	assessmentPart,
	checkStatements,
	clearDraft,
	interleaveByPointer,
	latestAttempts,
	recordAttempt,
	scoringOrder,
	setDraftAnswer,
	statementKey,
	type AssessmentState,
	type Statement,
} from '../../../../src/lib/assessment/assessment';
import { summarizeAssessment } from '../../../../src/lib/assessment/summary';
import { CURRENT_VERSION } from '../../../../src/lib/learner/stored-part';
import { EXPORT_APP, emptyModel, toExportFile } from '../../../../src/lib/learner/model';
import { parseImportFile } from '../../../../src/lib/learner/schema';

const emptyAssessment = () => assessmentPart.empty();
const sanitizeAssessment = (raw: unknown) => assessmentPart.read(raw);

/** The problems an import of a file holding this assessment part finds, as `path: key`. */
function importProblems(assessment: unknown): string[] {
	const data = { ...emptyModel(), assessment: assessment as AssessmentState };
	const result = parseImportFile(JSON.stringify({ app: EXPORT_APP, exportedAt: '2026-03-14T09:26:53Z', version: CURRENT_VERSION, data }));
	return result.ok ? [] : result.problems.map(({ path, key }) => `${path}: ${key}`);
}

const first = '2026-03-14T09:26:53.589Z';
const second = '2026-06-02T17:05:00.000Z';

/** Answers to the six-by-three statement set of the course, all `value`. */
const statementIds = [1, 2, 3, 4, 5, 6].flatMap((pointer) => ['a', 'b', 'c'].map((letter) => `p${pointer}-${letter}`));
const allAnswered = (value: number) => Object.fromEntries(statementIds.map((id) => [id, value]));

/** A state with something of every kind, built by the reducers as the page builds it. */
const fullState: AssessmentState = setDraftAnswer(
	setDraftAnswer(
		recordAttempt(recordAttempt(emptyAssessment(), allAnswered(2), new Date(first)), allAnswered(4), new Date(second)),
		'p1-a',
		5,
	),
	'p3-c',
	1,
);

/** The course's statements file, as authored. */
const statements = JSON.parse(
	readFileSync(resolve(import.meta.dirname, '../../../../src/content/assessment/statements.json'), 'utf8'),
) as Statement[];

describe('assessmentPart.read: data it keeps unchanged', () => {
	it.each<[string, AssessmentState]>([
		['an empty part', emptyAssessment()],
		['attempts and a draft', fullState],
		['a draft only', setDraftAnswer(emptyAssessment(), 'invitations-say-yes', 3)],
		['attempts out of date order (an edited import)', { ...fullState, attempts: [...fullState.attempts].reverse() }],
		[
			'an attempt with a date-time offset',
			{ ...emptyAssessment(), attempts: [{ takenAt: '2026-03-14T10:26:53+01:00', answers: { 'p1-a': 1 } }] },
		],
	])('%s', (_name, state) => {
		expect(sanitizeAssessment(structuredClone(state))).toEqual({ state, dropped: [] });
	});

	it('reads nothing stored as the empty part', () => {
		expect(sanitizeAssessment(null)).toEqual({ state: emptyAssessment(), dropped: [] });
		expect(sanitizeAssessment(undefined)).toEqual({ state: emptyAssessment(), dropped: [] });
	});

	it('fills in the parts older data lacks, without calling it damage', () => {
		expect(sanitizeAssessment({ version: CURRENT_VERSION, items: [] })).toEqual({ state: emptyAssessment(), dropped: [] });
		expect(sanitizeAssessment({ version: 1 })).toEqual({ state: emptyAssessment(), dropped: [] });
	});
});

describe('assessmentPart.read: damaged data', () => {
	it.each<[string, unknown]>([
		['a string', 'attempts'],
		['an array', []],
		['data without a version', { draft: {}, attempts: [] }],
		['data from a newer version', { version: CURRENT_VERSION + 1, draft: {}, attempts: [] }],
	])('drops everything, saying so, for %s', (_name, raw) => {
		expect(sanitizeAssessment(raw)).toEqual({ state: emptyAssessment(), dropped: ['all self-assessment results (unreadable)'] });
	});

	it('keeps every valid attempt and names each one it drops', () => {
		const raw = {
			version: CURRENT_VERSION,
			draft: {},
			attempts: [
				{ takenAt: first, answers: { 'p1-a': 3 } },
				{ takenAt: second, answers: { 'p1-a': 9 } },
				{ takenAt: 'yesterday', answers: { 'p1-a': 3 } },
				{ takenAt: '2026-07-01T08:00:00Z', answers: {} },
				{ takenAt: '2026-08-01T08:00:00Z', answers: { 'Not An Id': 2 } },
				'a result',
				{ takenAt: '2026-09-01T08:00:00Z', answers: { 'p2-b': 5 }, score: 100 },
			],
		};
		expect(sanitizeAssessment(raw)).toEqual({
			state: {
				...emptyAssessment(),
				attempts: [
					{ takenAt: first, answers: { 'p1-a': 3 } },
					{ takenAt: '2026-09-01T08:00:00Z', answers: { 'p2-b': 5 } },
				],
			},
			dropped: [
				'self-assessment result of 2026-06-02',
				'a self-assessment result with no valid date',
				'self-assessment result of 2026-07-01',
				'self-assessment result of 2026-08-01',
				'a self-assessment result with no valid date',
			],
		});
	});

	it('keeps the valid draft answers and names the others', () => {
		const raw = { version: CURRENT_VERSION, draft: { 'p1-a': 4, 'p1-b': 0, 'p1-c': '3', 'p2-a': 2.5, BAD: 1 }, attempts: [] };
		expect(sanitizeAssessment(raw)).toEqual({
			state: { ...emptyAssessment(), draft: { 'p1-a': 4 } },
			dropped: [
				'unfinished self-assessment answer “p1-b”',
				'unfinished self-assessment answer “p1-c”',
				'unfinished self-assessment answer “p2-a”',
				'unfinished self-assessment answer “BAD”',
			],
		});
	});

	it.each<[string, unknown, string]>([
		['a draft that is not an answer list', { version: CURRENT_VERSION, draft: [3, 4], attempts: [] }, 'unfinished self-assessment answers'],
		['attempts that are not a list', { version: CURRENT_VERSION, draft: {}, attempts: { takenAt: first } }, 'all self-assessment results'],
	])('drops %s, saying so', (_name, raw, note) => {
		expect(sanitizeAssessment(raw)).toEqual({ state: emptyAssessment(), dropped: [note] });
	});

	it('never throws', () => {
		for (const raw of [
			0,
			true,
			Symbol.iterator,
			() => 1,
			{ version: 2, draft: null, attempts: null },
			{ version: 2, attempts: [null, 1, [], {}] },
		]) {
			expect(() => sanitizeAssessment(raw)).not.toThrow();
		}
	});
});

describe('the import check of the assessment part', () => {
	/** Valid data of every shape the site writes, plus edge cases within the rules. */
	const valid: [string, unknown][] = [
		['the empty part', emptyAssessment()],
		['attempts and a draft', fullState],
		['a one-answer attempt', { version: CURRENT_VERSION, draft: {}, attempts: [{ takenAt: first, answers: { a: 1 } }] }],
		[
			'an offset date-time',
			{ version: CURRENT_VERSION, draft: {}, attempts: [{ takenAt: '2026-03-14T10:26:53+01:00', answers: { a: 5 } }] },
		],
		[
			'29 February of a leap year',
			{ version: CURRENT_VERSION, draft: {}, attempts: [{ takenAt: '2028-02-29T23:59:59.999-05:30', answers: { a: 5 } }] },
		],
		[
			'a date-time without fractions',
			{ version: CURRENT_VERSION, draft: { b: 2 }, attempts: [{ takenAt: '2026-03-14T10:26:53Z', answers: { a: 5 } }] },
		],
	];
	/** Data that does not fit the part exactly. */
	const invalid: [string, unknown][] = [
		['an answer of 0', { version: CURRENT_VERSION, draft: { a: 0 }, attempts: [] }],
		['an answer of 6 in an attempt', { version: CURRENT_VERSION, draft: {}, attempts: [{ takenAt: first, answers: { a: 6 } }] }],
		['a fractional answer', { version: CURRENT_VERSION, draft: { a: 2.5 }, attempts: [] }],
		['a text answer', { version: CURRENT_VERSION, draft: { a: '2' }, attempts: [] }],
		['an id that is not kebab-case', { version: CURRENT_VERSION, draft: { A_B: 2 }, attempts: [] }],
		['an attempt without answers', { version: CURRENT_VERSION, draft: {}, attempts: [{ takenAt: first, answers: {} }] }],
		[
			'a date-time without seconds',
			{ version: CURRENT_VERSION, draft: {}, attempts: [{ takenAt: '2026-03-14T10:26Z', answers: { a: 5 } }] },
		],
		['30 February', { version: CURRENT_VERSION, draft: {}, attempts: [{ takenAt: '2026-02-30T10:26:53Z', answers: { a: 5 } }] }],
		['24:00', { version: CURRENT_VERSION, draft: {}, attempts: [{ takenAt: '2026-03-14T24:00:00Z', answers: { a: 5 } }] }],
		['an attempt with a bad date', { version: CURRENT_VERSION, draft: {}, attempts: [{ takenAt: '14/03/2026', answers: { a: 1 } }] }],
		[
			'an attempt with an extra field',
			{ version: CURRENT_VERSION, draft: {}, attempts: [{ takenAt: first, answers: { a: 1 }, score: 0 }] },
		],
		['a missing draft', { version: CURRENT_VERSION, attempts: [] }],
		['missing attempts', { version: CURRENT_VERSION, draft: {} }],
		['the stub shape', { version: CURRENT_VERSION, items: [] }],
		['a newer version', { version: CURRENT_VERSION + 1, draft: {}, attempts: [] }],
	];

	it.each(valid)('accepts %s, unchanged', (_name, data) => {
		expect(importProblems(data)).toEqual([]);
	});

	it.each(invalid)('refuses %s, naming where', (_name, data) => {
		expect(importProblems(data)[0]).toMatch(/^assessment(\.\w+)*(\.[\w-]+)*: data\.import\.issue\./);
	});
});

describe('export and import of the whole model with assessment data', () => {
	const model = { ...emptyModel(), assessment: fullState };

	it('round-trips through the export file', () => {
		const text = JSON.stringify(toExportFile(model, new Date(second)), null, 2);
		expect(parseImportFile(text)).toEqual({ ok: true, model });
	});

	it('refuses a file whose assessment part has been damaged, naming the field', () => {
		const file = toExportFile(model, new Date(second));
		const damaged = structuredClone(file) as unknown as { data: { assessment: { attempts: { answers: Record<string, number> }[] } } };
		damaged.data.assessment.attempts[0]!.answers['p1-a'] = 7;
		const result = parseImportFile(JSON.stringify(damaged));
		expect(result.ok ? [] : result.problems).toEqual([{ path: 'assessment.attempts.0.answers.p1-a', key: 'data.import.issue.number' }]);
	});

	it('gives a version-1 export an empty assessment', () => {
		const v1 = { app: EXPORT_APP, exportedAt: first, version: 1, data: { version: 1, lessons: {}, reflections: {} } };
		const result = parseImportFile(JSON.stringify(v1));
		expect(result.ok && result.model.assessment).toEqual(emptyAssessment());
	});

	it('is read back whole by the lenient reader', () => {
		expect(sanitizeAssessment(structuredClone(model.assessment))).toEqual({ state: model.assessment, dropped: [] });
	});
});

describe('reducers', () => {
	it('setDraftAnswer keeps one answer, replaces it, and removes it for a value off the scale', () => {
		let state = setDraftAnswer(emptyAssessment(), 'p1-a', 2);
		expect(state.draft).toEqual({ 'p1-a': 2 });
		state = setDraftAnswer(state, 'p1-a', 5);
		expect(state.draft).toEqual({ 'p1-a': 5 });
		state = setDraftAnswer(state, 'p1-a', 0);
		expect(state.draft).toEqual({});
	});

	it('recordAttempt saves the answers with the date and clears the draft', () => {
		const state = recordAttempt(setDraftAnswer(emptyAssessment(), 'p1-a', 2), allAnswered(3), new Date(first));
		expect(state).toEqual({ version: CURRENT_VERSION, draft: {}, attempts: [{ takenAt: first, answers: allAnswered(3) }] });
	});

	it('addAttempt saves a shared result without touching the draft', () => {
		const state = addAttempt(setDraftAnswer(emptyAssessment(), 'p1-a', 2), allAnswered(3), new Date(first));
		expect(state.draft).toEqual({ 'p1-a': 2 });
		expect(state.attempts).toHaveLength(1);
	});

	it('clearDraft forgets the answers under way and nothing else', () => {
		expect(clearDraft(fullState)).toEqual({ ...fullState, draft: {} });
	});

	it('never changes the state it is given', () => {
		const before = structuredClone(fullState);
		setDraftAnswer(fullState, 'p2-a', 1);
		recordAttempt(fullState, allAnswered(1), new Date());
		clearDraft(fullState);
		expect(fullState).toEqual(before);
	});

	it('latestAttempts lists attempts newest first, whatever the stored order', () => {
		const reversed = { ...fullState, attempts: [...fullState.attempts].reverse() };
		expect(latestAttempts(reversed).map((attempt) => attempt.takenAt)).toEqual([second, first]);
		expect(latestAttempts(fullState).map((attempt) => attempt.takenAt)).toEqual([second, first]);
	});
});

describe('summarizeAssessment', () => {
	it.each<[string, AssessmentState, unknown[]]>([
		['nothing', emptyAssessment(), []],
		[
			'one result',
			recordAttempt(emptyAssessment(), allAnswered(3), new Date(first)),
			[{ key: 'data.resultsCount.one', vars: { count: 1, date: '2026-03-14' } }],
		],
		[
			'results and a draft',
			fullState,
			[
				{ key: 'data.resultsCount.other', vars: { count: 2, date: '2026-06-02' } },
				{ key: 'data.answersCount.other', vars: { count: 2 } },
			],
		],
		['one draft answer', setDraftAnswer(emptyAssessment(), 'p1-a', 1), [{ key: 'data.answersCount.one', vars: { count: 1 } }]],
	])('describes %s', (_name, state, phrases) => {
		expect(summarizeAssessment(state)).toEqual(phrases);
	});
});

describe('the statements file', () => {
	it('has 18 statements, three per pointer, with unique kebab-case ids', () => {
		expect(statements).toHaveLength(18);
		for (let pointer = 1; pointer <= 6; pointer++) expect(statements.filter((statement) => statement.pointer === pointer)).toHaveLength(3);
		expect(new Set(statements.map((statement) => statement.id)).size).toBe(18);
		for (const { id } of statements) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
	});

	it('has a balanced mix of reverse-scored statements: at least one for every two pointers, never a whole pointer', () => {
		const reverse = statements.filter((statement) => statement.reverse);
		expect(reverse.length).toBeGreaterThanOrEqual(3);
		expect(reverse.length).toBeLessThanOrEqual(9);
		for (let pair = 0; pair < 3; pair++) {
			expect(reverse.some((statement) => statement.pointer === pair * 2 + 1 || statement.pointer === pair * 2 + 2)).toBe(true);
		}
		for (let pointer = 1; pointer <= 6; pointer++) {
			expect(statements.some((statement) => statement.pointer === pointer && !statement.reverse)).toBe(true);
		}
	});

	it('speaks in the reader’s voice and never quotes the author or the executive', () => {
		for (const { text } of statements) {
			expect(text).toMatch(/\b(I|my|me)\b/);
			expect(text).not.toMatch(/["“”]|\b(she|her|author|executive)\b/i);
		}
	});

	it('passes the build check', () => {
		expect(checkStatements(statements, 6)).toEqual([]);
	});
});

describe('checkStatements', () => {
	const make = (pointers: number[]) => pointers.map((pointer, index) => ({ id: `s-${index}`, pointer, reverse: false }));

	it.each<[string, number[], string[]]>([
		['a sound set', [1, 1, 2, 2, 3, 3], []],
		['a pointer with no statements', [1, 1, 3, 3], ['pointer 2 has 0 statements; it needs at least 2']],
		['a pointer with one statement', [1, 1, 2, 3, 3], ['pointer 2 has 1 statements; it needs at least 2']],
		[
			'unequal counts',
			[1, 1, 1, 2, 2, 3, 3, 3],
			['pointer 2 has 2 statements but pointer 1 has 3; give every pointer the same number (is an id used twice?)'],
		],
		['a pointer beyond the course', [1, 1, 2, 2, 3, 3, 4], ['statement “s-6” names pointer 4, but the course has 3 lessons']],
	])('finds the problems of %s', (_name, pointers, problems) => {
		expect(checkStatements(make(pointers), 3)).toEqual(problems);
	});
});

describe('statement order', () => {
	const set = [
		{ id: 'p2-x', pointer: 2, reverse: false },
		{ id: 'p1-x', pointer: 1, reverse: false },
		{ id: 'p1-y', pointer: 1, reverse: true },
		{ id: 'p2-y', pointer: 2, reverse: true },
		{ id: 'p3-x', pointer: 3, reverse: false },
		{ id: 'p3-y', pointer: 3, reverse: false },
	];

	it('scores by pointer, keeping the file order within each pointer', () => {
		expect(scoringOrder(set).map((statement) => statement.id)).toEqual(['p1-x', 'p1-y', 'p2-x', 'p2-y', 'p3-x', 'p3-y']);
	});

	it('shows one statement from each pointer in turn', () => {
		expect(interleaveByPointer(set).map((statement) => statement.id)).toEqual(['p1-x', 'p2-x', 'p3-x', 'p1-y', 'p2-y', 'p3-y']);
	});

	it('identifies the set by its ids in scoring order', () => {
		expect(statementKey(scoringOrder(set))).toBe('p1-x,p1-y,p2-x,p2-y,p3-x,p3-y');
	});

	it('never puts two statements of the same pointer side by side in the course’s set', () => {
		const shown = interleaveByPointer(statements);
		expect(shown).toHaveLength(18);
		shown.slice(1).forEach((statement, index) => expect(statement.pointer).not.toBe(shown[index]!.pointer));
	});
});
