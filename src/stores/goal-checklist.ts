/**
 * The goals checklist's actions on `$goals` (./goals.ts): add the reader's
 * own goal, edit, tick off, delete and undo. Each delegates to a pure reducer
 * in ../lib/goal-changes.ts. Only the /goals page loads this module.
 */
import {
	addOwnGoal as addOwnGoalIn,
	removeGoal,
	restoreGoal,
	setGoalDone as setGoalDoneIn,
	updateGoal,
	type RemovedGoal,
} from '../lib/goals/changes';
import type { Goal, GoalFields } from '../lib/goals/goals';
import { $goals } from './goals';

/** Adds the reader's own goal from validated fields (see validateGoalInput) and returns it. */
export function addOwnGoal(fields: GoalFields): Goal | undefined {
	const before = $goals.get();
	const after = addOwnGoalIn(before, fields, new Date());
	$goals.set(after);
	return after === before ? undefined : after.items[after.items.length - 1];
}

/** Saves an edit of a goal's text, date and notes (validated fields). */
export function editGoal(id: string, fields: GoalFields): void {
	$goals.set(updateGoal($goals.get(), id, fields, new Date()));
}

/** Ticks a goal off (recording when) or opens it again. */
export function setGoalDone(id: string, done: boolean): void {
	$goals.set(setGoalDoneIn($goals.get(), id, done, new Date()));
}

/** Deletes a goal; the result is what `undoDelete` needs. */
export function deleteGoal(id: string): RemovedGoal | undefined {
	const { state, removed } = removeGoal($goals.get(), id);
	$goals.set(state);
	return removed;
}

/** Puts a deleted goal back where it was. */
export function undoDelete(removed: RemovedGoal): void {
	$goals.set(restoreGoal($goals.get(), removed));
}
