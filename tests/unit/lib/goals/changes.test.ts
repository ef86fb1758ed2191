import { describe, expect, it } from 'vitest';
import { addOwnGoal, ownGoalId, removeGoal, restoreGoal, setGoalDone, updateGoal } from '../../../../src/lib/goals/changes';
import { goalsPart, type Goal, type GoalsState } from '../../../../src/lib/goals/goals';
import { CURRENT_VERSION } from '../../../../src/lib/learner/stored-part';

const emptyGoals = () => goalsPart.empty();
const sanitizeGoals = (raw: unknown) => goalsPart.read(raw);

const created = new Date('2026-03-01T08:00:00.000Z');
const later = new Date('2026-03-14T09:26:53.589Z');

const goal = (id: string, changes: Partial<Goal> = {}): Goal => ({
	id,
	text: `Goal ${id}`,
	source: null,
	createdAt: created.toISOString(),
	updatedAt: created.toISOString(),
	revision: 0,
	...changes,
});
const stateOf = (...items: Goal[]): GoalsState => ({ version: CURRENT_VERSION, items });

/** A random source that returns the given numbers in turn. */
const sequence = (...values: number[]) => {
	let index = 0;
	return () => values[index++ % values.length]!;
};

describe('ownGoalId', () => {
	it('is own- and ten base-36 characters', () => {
		expect(ownGoalId(emptyGoals())).toMatch(/^own-[a-z0-9]{10}$/);
	});

	it('draws again when the id is taken', () => {
		const taken = stateOf(goal('own-0000000000'));
		expect(ownGoalId(taken, sequence(...Array(10).fill(0), ...Array(10).fill(35 / 36)))).toBe('own-zzzzzzzzzz');
	});

	it('makes ids the sanitizer accepts', () => {
		const state = addOwnGoal(emptyGoals(), { text: 'Call Sam' }, later);
		expect(sanitizeGoals(state)).toEqual({ state, dropped: [] });
	});
});

describe('addOwnGoal', () => {
	it('adds the reader’s goal with source null at the end', () => {
		const state = addOwnGoal(stateOf(goal('a')), { text: 'Call Sam', targetDate: '2026-04-01' }, later, sequence(0.5));
		expect(state.items[1]).toEqual({
			id: 'own-iiiiiiiiii',
			text: 'Call Sam',
			source: null,
			targetDate: '2026-04-01',
			createdAt: later.toISOString(),
			updatedAt: later.toISOString(),
			revision: 0,
		});
	});

	it('adds nothing for invalid fields', () => {
		const state = emptyGoals();
		expect(addOwnGoal(state, { text: '' }, later)).toBe(state);
	});
});

describe('updateGoal', () => {
	const original = stateOf(goal('a', { targetDate: '2026-04-01', notes: 'Old notes' }), goal('b'));

	it('replaces text, date and notes, dates the change and bumps the revision', () => {
		const state = updateGoal(original, 'a', { text: 'New text', targetDate: '2026-05-02', notes: 'New notes' }, later);
		expect(state.items[0]).toEqual({
			...original.items[0],
			text: 'New text',
			targetDate: '2026-05-02',
			notes: 'New notes',
			updatedAt: later.toISOString(),
			revision: 1,
		});
		expect(state.items[1]).toBe(original.items[1]);
	});

	it('removes the date and notes when the edit leaves them empty', () => {
		const [edited] = updateGoal(original, 'a', { text: 'Goal a' }, later).items;
		expect(edited).not.toHaveProperty('targetDate');
		expect(edited).not.toHaveProperty('notes');
		expect(edited!.revision).toBe(1);
	});

	it('changes nothing (no new revision) when the edit changes nothing', () => {
		expect(updateGoal(original, 'a', { text: 'Goal a', targetDate: '2026-04-01', notes: 'Old notes' }, later)).toBe(original);
	});

	it.each([
		['an unknown id', 'zzz', { text: 'New' }],
		['invalid text', 'a', { text: ' ' }],
		['an impossible date', 'a', { text: 'New', targetDate: '2026-02-31' }],
	])('changes nothing for %s', (_name, id, fields) => {
		expect(updateGoal(original, id, fields, later)).toBe(original);
	});
});

describe('setGoalDone', () => {
	const open = stateOf(goal('a'), goal('b'));

	it('records when a goal was done and bumps the revision', () => {
		const state = setGoalDone(open, 'a', true, later);
		expect(state.items[0]).toEqual({ ...open.items[0], doneAt: later.toISOString(), updatedAt: later.toISOString(), revision: 1 });
	});

	it('clears the date when the goal is opened again', () => {
		const done = setGoalDone(open, 'a', true, later);
		const reopened = setGoalDone(done, 'a', false, new Date('2026-03-15T10:00:00.000Z'));
		expect(reopened.items[0]).not.toHaveProperty('doneAt');
		expect(reopened.items[0]!.revision).toBe(2);
	});

	it('keeps the first done date when ticked twice', () => {
		const done = setGoalDone(open, 'a', true, later);
		expect(setGoalDone(done, 'a', true, new Date('2026-04-01T00:00:00.000Z'))).toBe(done);
	});

	it('changes nothing when opening an open goal', () => {
		expect(setGoalDone(open, 'a', false, later)).toBe(open);
	});
});

describe('removeGoal and restoreGoal', () => {
	const original = stateOf(goal('a'), goal('b'), goal('c'));

	it('removes a goal and says where it was', () => {
		const { state, removed } = removeGoal(original, 'b');
		expect(state.items.map((item) => item.id)).toEqual(['a', 'c']);
		expect(removed).toEqual({ goal: original.items[1], index: 1 });
	});

	it('removes nothing for an unknown id', () => {
		expect(removeGoal(original, 'zzz')).toEqual({ state: original });
	});

	it('puts a removed goal back in its place (undo)', () => {
		const { state, removed } = removeGoal(original, 'b');
		expect(restoreGoal(state, removed!)).toEqual(original);
	});

	it('puts it at the end when the list has since become shorter', () => {
		const { removed } = removeGoal(original, 'c');
		expect(restoreGoal(stateOf(goal('a')), removed!).items.map((item) => item.id)).toEqual(['a', 'c']);
	});

	it('does not restore a goal whose id is back already', () => {
		const { removed } = removeGoal(original, 'b');
		expect(restoreGoal(original, removed!)).toBe(original);
	});

	it('never changes the state it was given', () => {
		const frozen = structuredClone(original);
		removeGoal(original, 'a');
		setGoalDone(original, 'a', true, later);
		updateGoal(original, 'a', { text: 'x' }, later);
		expect(original).toEqual(frozen);
	});
});
