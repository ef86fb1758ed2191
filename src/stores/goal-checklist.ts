/**
 * The goals checklist's actions on `$goals` (./goals.ts): add the reader's
 * own goal, edit, tick off, delete and undo. Each calls a pure reducer of
 * src/lib/goals/changes.ts (imported as `goals`). Only the /goals page loads
 * this module.
 */
import * as goals from '../lib/goals/changes';
import type { Goal, GoalFields } from '../lib/goals/goals';
import { $goals } from './goals';

/** Adds the reader's own goal from validated fields (see validateGoalInput) and returns it. */
export function addOwnGoal(fields: GoalFields): Goal | undefined {
	const before = $goals.get();
	const after = goals.addOwnGoal(before, fields, new Date());
	$goals.set(after);
	return after === before ? undefined : after.items[after.items.length - 1];
}

/** Saves an edit of a goal's text, date and notes (validated fields). */
export function editGoal(id: string, fields: GoalFields): void {
	$goals.set(goals.updateGoal($goals.get(), id, fields, new Date()));
}

/** Ticks a goal off (recording when) or opens it again. */
export function setGoalDone(id: string, done: boolean): void {
	$goals.set(goals.setGoalDone($goals.get(), id, done, new Date()));
}

/** Deletes a goal; the result is what `undoDelete` needs. */
export function deleteGoal(id: string): goals.RemovedGoal | undefined {
	const { state, removed } = goals.removeGoal($goals.get(), id);
	$goals.set(state);
	return removed;
}

/** Puts a deleted goal back where it was. */
export function undoDelete(removed: goals.RemovedGoal): void {
	$goals.set(goals.restoreGoal($goals.get(), removed));
}
