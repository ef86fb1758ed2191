import { describe, expect, it } from 'vitest';
import {
	ASSESSMENT_SOURCE,
	MAX_GOAL_NOTES,
	MAX_GOAL_TEXT,
	addGoal,
	goalLabel,
	goalsPart,
	isGoalNotes,
	isGoalText,
	type Goal,
	type GoalsState,
} from '../../../../src/lib/goals/goals';
import { summarizeGoals } from '../../../../src/lib/goals/summary';
import { CURRENT_VERSION } from '../../../../src/lib/learner/stored-part';
import { EXPORT_APP, emptyModel, toExportFile } from '../../../../src/lib/learner/model';
import { parseImportFile } from '../../../../src/lib/learner/schema';

const emptyGoals = () => goalsPart.empty();
const sanitizeGoals = (raw: unknown) => goalsPart.read(raw);

const when = '2026-03-14T09:26:53.589Z';
const now = new Date(when);

/** A goal with every field, as the site stores it. */
const full: Goal = {
	id: 'own-k3j9x2a1b4',
	text: 'Have coffee with someone from the hospital board',
	source: null,
	targetDate: '2026-04-30',
	notes: 'Ask Priya for an introduction.\nBring the one-page summary.',
	createdAt: when,
	updatedAt: '2026-03-15T08:00:00.000Z',
	doneAt: '2026-03-20T17:45:00.000Z',
	revision: 3,
};
/** A suggested goal with only the required fields. */
const minimal: Goal = {
	id: 'invitations-accept-next-two',
	text: 'Within the next month, accept the next two meeting requests you receive.',
	source: 'accept-invitations',
	createdAt: when,
	updatedAt: when,
	revision: 0,
};

const stateOf = (...items: Goal[]): GoalsState => ({ version: CURRENT_VERSION, items });

describe('goal predicates', () => {
	it.each([
		['a short goal', 'Call Sam', true],
		['exactly 200 characters', 'x'.repeat(MAX_GOAL_TEXT), true],
		['non-ASCII text', 'Café with Renée – 東京 office 🎯', true],
		['empty text', '', false],
		['only spaces', '   ', false],
		['untrimmed text', ' Call Sam', false],
		['201 characters', 'x'.repeat(MAX_GOAL_TEXT + 1), false],
		['a line break', 'Call\nSam', false],
		['a tab', 'Call\tSam', false],
		['a C1 control character', 'Call\u0085Sam', false],
		['a number', 42, false],
	])('isGoalText accepts %s: %s', (_name, value, expected) => {
		expect(isGoalText(value)).toBe(expected);
	});

	it.each([
		['one line', 'Ask Priya', true],
		['several lines', 'First line\nSecond line', true],
		['exactly 1000 characters', 'n'.repeat(MAX_GOAL_NOTES), true],
		['1001 characters', 'n'.repeat(MAX_GOAL_NOTES + 1), false],
		['a carriage return', 'First\r\nSecond', false],
		['a tab', 'First\tSecond', false],
		['empty notes', '', false],
		['untrimmed notes', 'Ask Priya\n', false],
	])('isGoalNotes accepts %s: %s', (_name, value, expected) => {
		expect(isGoalNotes(value)).toBe(expected);
	});
});

describe('addGoal', () => {
	it('adds a suggested goal at the end, dated now, at revision 0', () => {
		const state = addGoal(stateOf(full), minimal.id, minimal.source, { text: minimal.text }, now);
		expect(state.items).toEqual([full, { ...minimal, createdAt: when, updatedAt: when }]);
	});

	it('keeps the target date and notes of the fields given', () => {
		const state = addGoal(
			emptyGoals(),
			'own-abc',
			null,
			{ text: 'Call Sam', targetDate: '2026-05-01', notes: 'Before the board meeting' },
			now,
		);
		expect(state.items[0]).toEqual({
			id: 'own-abc',
			text: 'Call Sam',
			source: null,
			targetDate: '2026-05-01',
			notes: 'Before the board meeting',
			createdAt: when,
			updatedAt: when,
			revision: 0,
		});
	});

	it('does not add a goal the reader already has (same id)', () => {
		const state = stateOf(minimal);
		expect(addGoal(state, minimal.id, minimal.source, { text: 'Another text' }, now)).toBe(state);
	});

	it.each([
		['empty text', 'own-a', null, { text: '' }],
		['text over 200 characters', 'own-a', null, { text: 'x'.repeat(201) }],
		['an impossible date', 'own-a', null, { text: 'Call Sam', targetDate: '2026-02-30' }],
		['notes over 1000 characters', 'own-a', null, { text: 'Call Sam', notes: 'n'.repeat(1001) }],
		['an id that is not kebab-case', 'Own A', null, { text: 'Call Sam' }],
		['a source that is not a slug', 'own-a', 'Lesson 1', { text: 'Call Sam' }],
	])('never adds invalid data: %s', (_name, id, source, fields) => {
		const state = emptyGoals();
		expect(addGoal(state, id, source, fields, now)).toBe(state);
	});

	it('does not change the state it was given', () => {
		const state = stateOf(full);
		addGoal(state, 'own-new', null, { text: 'New' }, now);
		expect(state.items).toEqual([full]);
	});
});

describe('goalsPart.read', () => {
	it.each([
		['nothing stored', undefined],
		['null', null],
	])('reads %s as no goals, dropping nothing', (_name, raw) => {
		expect(sanitizeGoals(raw)).toEqual({ state: emptyGoals(), dropped: [] });
	});

	it.each([
		['a string', 'goals'],
		['an array', [full]],
		['an object without a version', { items: [full] }],
		['a newer version', { version: CURRENT_VERSION + 1, items: [full] }],
	])('drops everything, saying so, for %s', (_name, raw) => {
		expect(sanitizeGoals(raw)).toEqual({ state: emptyGoals(), dropped: ['all goals (unreadable)'] });
	});

	it('keeps valid goals exactly, in order', () => {
		expect(sanitizeGoals(stateOf(full, minimal))).toEqual({ state: stateOf(full, minimal), dropped: [] });
	});

	it('reads a missing list as no goals and a list that is not an array as dropped', () => {
		expect(sanitizeGoals({ version: CURRENT_VERSION })).toEqual({ state: emptyGoals(), dropped: [] });
		expect(sanitizeGoals({ version: CURRENT_VERSION, items: {} })).toEqual({ state: emptyGoals(), dropped: ['the list of goals'] });
	});

	it.each<[string, Record<string, unknown>]>([
		['text missing', { text: undefined }],
		['text too long', { text: 'y'.repeat(201) }],
		['an impossible target date', { targetDate: '2026-02-30' }],
		['a target date with a time', { targetDate: '2026-04-30T10:00:00Z' }],
		['notes too long', { notes: 'n'.repeat(1001) }],
		['notes of the wrong type', { notes: 42 }],
		['a negative revision', { revision: -1 }],
		['a fractional revision', { revision: 1.5 }],
		['a revision as text', { revision: '3' }],
		['createdAt not a date-time', { createdAt: 'yesterday' }],
		['updatedAt missing', { updatedAt: undefined }],
		['doneAt without seconds', { doneAt: '2026-03-20T17:45Z' }],
		['an id with capitals', { id: 'Own-ABC' }],
		['an id over 80 characters', { id: `own-${'a'.repeat(80)}` }],
		['a source that is not a slug', { source: 'Lesson 1' }],
		['a source missing (neither slug nor null)', { source: undefined }],
	])('drops a goal with %s and names it, keeping the others', (_name, change) => {
		const broken = { ...full, ...change };
		const { state, dropped } = sanitizeGoals({ version: CURRENT_VERSION, items: [minimal, broken] });
		expect(state.items).toEqual([minimal]);
		expect(dropped).toEqual([goalLabel(broken)]);
		expect(dropped[0]).toMatch(/^goal “/);
	});

	it('names a dropped goal by its text, cut to 40 characters, or its id, or says it had no text', () => {
		expect(goalLabel({ text: 'Call Sam', revision: -1 })).toBe('goal “Call Sam”');
		expect(goalLabel({ text: 'x'.repeat(60) })).toBe(`goal “${'x'.repeat(40)}”`);
		expect(goalLabel({ id: 'own-abc' })).toBe('goal “own-abc”');
		expect(goalLabel(42)).toBe('a goal without text');
	});

	it('drops non-objects in the list', () => {
		const { state, dropped } = sanitizeGoals({ version: CURRENT_VERSION, items: [full, 'goal', null] });
		expect(state.items).toEqual([full]);
		expect(dropped).toEqual(['a goal without text', 'a goal without text']);
	});

	it('keeps the first of two goals with the same id and names the second copy', () => {
		const copy = { ...full, text: 'Same id, other text' };
		const { state, dropped } = sanitizeGoals(stateOf(full, copy));
		expect(state.items).toEqual([full]);
		expect(dropped).toEqual(['goal “Same id, other text” (a second copy)']);
	});

	it('leaves out fields it does not know but keeps the goal', () => {
		const { state, dropped } = sanitizeGoals({ version: CURRENT_VERSION, items: [{ ...minimal, colour: 'red' }] });
		expect(state.items).toEqual([minimal]);
		expect(dropped).toEqual([]);
	});

	it('never throws, whatever it is given', () => {
		const oddities = [
			0,
			true,
			[],
			{ version: 'two' },
			{ version: 2, items: [[], 1, { id: {} }, { text: { toString: 1 } }] },
			Object.create(null),
		];
		for (const raw of oddities) expect(() => sanitizeGoals(raw)).not.toThrow();
	});
});

describe('summarizeGoals', () => {
	it.each([
		['no goals', emptyGoals(), []],
		['one open goal', stateOf(minimal), [{ key: 'data.goalsCount.one', vars: { count: 1, done: 0, open: 1 } }]],
		['a done and an open goal', stateOf(full, minimal), [{ key: 'data.goalsCount.other', vars: { count: 2, done: 1, open: 1 } }]],
	])('describes %s', (_name, state, phrases) => {
		expect(summarizeGoals(state)).toEqual(phrases);
	});
});

describe('goals in the learner-data export', () => {
	const model = { ...emptyModel(), goals: stateOf(full, minimal, { ...minimal, id: 'assessment-first', source: ASSESSMENT_SOURCE }) };

	it('round-trip through an export file exactly', () => {
		const text = JSON.stringify(toExportFile(model, now), null, 2);
		expect(parseImportFile(text)).toEqual({ ok: true, model });
	});

	it.each<[string, Record<string, unknown>, string]>([
		['an impossible target date', { targetDate: '2026-02-30' }, 'goals.items.1.targetDate: data.import.issue.date'],
		['untrimmed text', { text: ' Call Sam' }, 'goals.items.1.text: data.import.issue.text'],
		['a fractional revision', { revision: 1.5 }, 'goals.items.1.revision: data.import.issue.number'],
		['an unknown field, which storage would leave out', { colour: 'red' }, 'goals.items.1.colour: data.import.issue.unknown'],
		['the id of the goal before it', { id: full.id }, 'goals.items: data.import.issue.repeat'],
	])('make an import fail as a whole when one goal has %s, naming where', (_name, change, problem) => {
		const corrupt = { ...model, goals: { version: CURRENT_VERSION, items: [full, { ...minimal, ...change }] } };
		const result = parseImportFile(JSON.stringify({ app: EXPORT_APP, exportedAt: when, version: CURRENT_VERSION, data: corrupt }));
		expect(result.ok ? [] : result.problems.map(({ path, key }) => `${path}: ${key}`)).toEqual([problem]);
	});

	it('make an import fail as a whole when one goal is corrupt', () => {
		const corrupt = { ...model, goals: { version: CURRENT_VERSION, items: [full, { ...minimal, targetDate: '2026-02-30' }] } };
		const result = parseImportFile(JSON.stringify({ app: EXPORT_APP, exportedAt: when, version: CURRENT_VERSION, data: corrupt }));
		expect(result.ok ? [] : result.problems.map(({ path }) => path)).toEqual(['goals.items.1.targetDate']);
	});

	it('start empty when a version-1 export (progress only) is imported', () => {
		const v1 = { app: EXPORT_APP, exportedAt: when, version: 1, data: { version: 1, lessons: {}, reflections: {} } };
		const result = parseImportFile(JSON.stringify(v1));
		expect(result.ok && result.model.goals).toEqual(emptyGoals());
	});
});
