/**
 * Changes the goals checklist makes: the reader's own goals, edits,
 * ticking off, deleting and undoing. Pure reducers that return new states and
 * never mutate; invalid fields leave the state unchanged. Every real change
 * of a goal is dated and bumps its `revision`, which calendars read as the
 * event's SEQUENCE. Kept apart from ./goals.ts so lesson pages, which only
 * add suggested goals, do not load them.
 */
import { fit } from '../learner/shape';
import { addGoal, findGoal, goalShape, withFields, type Goal, type GoalFields, type GoalsState } from './goals';

/** A fresh id for the reader's own goal (`own-` and ten base-36 characters), unused in `state`. */
export function ownGoalId(state: GoalsState, random: () => number = Math.random): string {
	for (;;) {
		let suffix = '';
		while (suffix.length < 10) suffix += Math.floor(random() * 36).toString(36);
		const id = `own-${suffix}`;
		if (!findGoal(state, id)) return id;
	}
}

/** Adds the reader's own goal (source null) under a fresh id. */
export function addOwnGoal(state: GoalsState, fields: GoalFields, now: Date, random: () => number = Math.random): GoalsState {
	return addGoal(state, ownGoalId(state, random), null, fields, now);
}

const TRACKED = ['text', 'targetDate', 'notes', 'doneAt'] as const;

/** Applies `update` to one goal; a real change is dated `now` and bumps the revision. */
function change(state: GoalsState, id: string, update: (goal: Goal) => Goal, now: Date): GoalsState {
	let changed = false;
	const items = state.items.map((goal) => {
		if (goal.id !== id) return goal;
		const next = update(goal);
		if (TRACKED.every((key) => next[key] === goal[key])) return goal;
		changed = true;
		return { ...next, updatedAt: now.toISOString(), revision: goal.revision + 1 };
	});
	return changed ? { ...state, items } : state;
}

/** Replaces a goal's text, date and notes; an edit that changes nothing (or invalid fields) changes nothing. */
export function updateGoal(state: GoalsState, id: string, fields: GoalFields, now: Date): GoalsState {
	return change(state, id, (goal) => fit(goalShape, withFields(goal, fields)) ?? goal, now);
}

/** Ticks a goal off (recording `now`) or, with `done` false, opens it again (clearing the date). */
export function setGoalDone(state: GoalsState, id: string, done: boolean, now: Date): GoalsState {
	return change(
		state,
		id,
		(goal) => {
			const { doneAt, ...open } = goal;
			if (Boolean(doneAt) === done) return goal;
			return done ? { ...open, doneAt: now.toISOString() } : open;
		},
		now,
	);
}

/** What `removeGoal` took out, so it can be put back. */
export interface RemovedGoal {
	goal: Goal;
	/** Its position in the list. */
	index: number;
}

/** Removes a goal; `removed` is what an Undo needs (absent when there was no such goal). */
export function removeGoal(state: GoalsState, id: string): { state: GoalsState; removed?: RemovedGoal } {
	const index = state.items.findIndex((goal) => goal.id === id);
	if (index < 0) return { state };
	return { state: { ...state, items: state.items.filter((goal) => goal.id !== id) }, removed: { goal: state.items[index]!, index } };
}

/** Puts a removed goal back where it was (unless a goal with its id exists again). */
export function restoreGoal(state: GoalsState, removed: RemovedGoal): GoalsState {
	if (findGoal(state, removed.goal.id)) return state;
	const items = [...state.items];
	items.splice(Math.min(removed.index, items.length), 0, removed.goal);
	return { ...state, items };
}
