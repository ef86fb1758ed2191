import { describe, expect, it } from 'vitest';
import {
	OTHER_GROUP,
	OWN_GROUP,
	filterCounts,
	filterGoals,
	groupGoals,
	groupKey,
	groupOrder,
	isOverdue,
	localIsoDate,
	progressOf,
	type GoalFilter,
} from '../../../../src/lib/goals/lists';
import type { Goal } from '../../../../src/lib/goals/goals';

const today = '2026-03-14';
const goal = (id: string, changes: Partial<Goal> = {}): Goal => ({
	id,
	text: `Goal ${id}`,
	source: null,
	createdAt: '2026-03-01T08:00:00.000Z',
	updatedAt: '2026-03-01T08:00:00.000Z',
	revision: 0,
	...changes,
});

const undated = goal('undated');
const past = goal('past', { targetDate: '2026-03-13' });
const dueToday = goal('due-today', { targetDate: today });
const future = goal('future', { targetDate: '2026-03-15' });
const donePast = goal('done-past', { targetDate: '2026-01-01', doneAt: '2026-03-02T10:00:00.000Z' });
const doneUndated = goal('done-undated', { doneAt: '2026-03-03T10:00:00.000Z' });
const all = [undated, past, dueToday, future, donePast, doneUndated];

describe('isOverdue', () => {
	it.each([
		['an open goal dated yesterday', past, true],
		['an open goal dated today', dueToday, false],
		['an open goal dated tomorrow', future, false],
		['an open goal without a date', undated, false],
		['a done goal dated in the past', donePast, false],
	])('is %s: %s', (_name, item, expected) => {
		expect(isOverdue(item, today)).toBe(expected);
	});

	it('compares whole days across years', () => {
		expect(isOverdue(goal('x', { targetDate: '2025-12-31' }), '2026-01-01')).toBe(true);
	});
});

describe('filters', () => {
	it.each<[GoalFilter, Goal[]]>([
		['all', all],
		['open', [undated, past, dueToday, future]],
		['done', [donePast, doneUndated]],
		['overdue', [past]],
	])('%s shows the right goals, in their order', (filter, expected) => {
		expect(filterGoals(all, filter, today)).toEqual(expected);
	});

	it('counts what each filter shows', () => {
		expect(filterCounts(all, today)).toEqual({ all: 6, open: 4, done: 2, overdue: 1 });
	});

	it('counts zero everywhere for no goals', () => {
		expect(filterCounts([], today)).toEqual({ all: 0, open: 0, done: 0, overdue: 0 });
	});

	it('takes today as a parameter: tomorrow the goal due today is overdue', () => {
		expect(filterGoals(all, 'overdue', '2026-03-15')).toEqual([past, dueToday]);
	});
});

describe('progressOf', () => {
	it.each([
		['no goals', [], { done: 0, total: 0 }],
		['some done', all, { done: 2, total: 6 }],
		['all done', [donePast, doneUndated], { done: 2, total: 2 }],
	])('counts %s', (_name, goals, expected) => {
		expect(progressOf(goals)).toEqual(expected);
	});
});

describe('grouping', () => {
	const lessons = ['accept-invitations', 'focus-on-benefits', 'seek-linkages'];
	const order = groupOrder(lessons);

	it('orders the groups: lessons in course order, self-assessment, other sources, own goals last', () => {
		expect(order).toEqual([...lessons, 'assessment', OTHER_GROUP, OWN_GROUP]);
	});

	it.each([
		['a lesson goal', goal('a', { source: 'seek-linkages' }), 'seek-linkages'],
		['a self-assessment goal', goal('a', { source: 'assessment' }), 'assessment'],
		['the reader’s own goal', goal('a', { source: null }), OWN_GROUP],
		['a goal from a lesson the course no longer has', goal('a', { source: 'old-lesson' }), OTHER_GROUP],
	])('puts %s in its group', (_name, item, key) => {
		expect(groupKey(item, order)).toBe(key);
	});

	it('groups goals by lesson in course order with progress per group, own goals last', () => {
		const own = goal('own', { source: null, doneAt: '2026-03-02T10:00:00.000Z' });
		const seek1 = goal('seek-1', { source: 'seek-linkages' });
		const accept = goal('accept', { source: 'accept-invitations', doneAt: '2026-03-02T10:00:00.000Z' });
		const seek2 = goal('seek-2', { source: 'seek-linkages', doneAt: '2026-03-02T10:00:00.000Z' });
		const assessment = goal('assess', { source: 'assessment' });
		const old = goal('old', { source: 'retired-lesson' });
		const groups = groupGoals([own, seek1, accept, seek2, assessment, old], order);
		expect(groups.map((group) => [group.key, group.goals.map((item) => item.id), group.done, group.total])).toEqual([
			['accept-invitations', ['accept'], 1, 1],
			['focus-on-benefits', [], 0, 0],
			['seek-linkages', ['seek-1', 'seek-2'], 1, 2],
			['assessment', ['assess'], 0, 1],
			[OTHER_GROUP, ['old'], 0, 1],
			[OWN_GROUP, ['own'], 1, 1],
		]);
	});

	it('puts every goal in exactly one group', () => {
		const goals = [goal('a', { source: 'seek-linkages' }), goal('b', { source: 'gone' }), goal('c')];
		expect(groupGoals(goals, order).flatMap((group) => group.goals)).toHaveLength(goals.length);
	});
});

describe('localIsoDate', () => {
	it('writes the local day, not the UTC one', () => {
		const lateEvening = new Date(2026, 2, 14, 23, 59);
		expect(localIsoDate(lateEvening)).toBe('2026-03-14');
		expect(localIsoDate(new Date(2026, 0, 1, 0, 0))).toBe('2026-01-01');
	});
});
