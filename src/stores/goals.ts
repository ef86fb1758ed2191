/**
 * The goals part of the learner model: the `$goals` store and the action
 * every goal island needs, adding a suggested goal. The checklist's own
 * actions (own goals, edits, done, delete, undo) are in ./goal-checklist.ts,
 * so lesson pages load only this small module (the "Add to my goals"
 * control's budget is 2 KB). Those two modules are the only writers of
 * `$goals`; they call the pure reducers of src/lib/goals (imported as `goals`).
 */
import * as goals from '../lib/goals/goals';
import { STORAGE_KEY, persistedPart } from './persist';

/** localStorage key of this part. */
export const GOALS_KEY = `${STORAGE_KEY}:goals`;

/** The reader's goals data; change it only through the actions here and in ./goal-checklist.ts. */
export const $goals = persistedPart(GOALS_KEY, goals.goalsPart);

/** Adds a suggested goal (from a lesson or the self-assessment) unless the reader already has it. */
export function addSuggestedGoal(id: string, text: string, source: string): void {
	$goals.set(goals.addGoal($goals.get(), id, source, { text }, new Date()));
}
