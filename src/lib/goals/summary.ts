/**
 * What the goals part holds, in a line for the "Your data" page: a phrase
 * of src/i18n/en.json (`data.goalsCount.*`) that the page words.
 */
import { counted, type Phrase } from '../learner/phrase';
import type { GoalsState } from './goals';

/** How many goals, done and open; nothing when there are none. */
export function summarizeGoals(state: GoalsState): Phrase[] {
	const total = state.items.length;
	const done = state.items.filter((goal) => goal.doneAt).length;
	return total ? [counted('data.goalsCount', total, { done, open: total - done })] : [];
}
