/**
 * Views of the reader's goals for the goals page: filters (all, open, done,
 * overdue) with their counts, progress, and grouping by lesson in course
 * order. Pure; "today" is always a parameter so overdue is testable.
 */
import { ASSESSMENT_SOURCE, type Goal } from './goals';

/** The filters the goals page offers. */
export const GOAL_FILTERS = ['all', 'open', 'done', 'overdue'] as const;
export type GoalFilter = (typeof GOAL_FILTERS)[number];

/** A day in the reader's own time zone, written YYYY-MM-DD. */
export function localIsoDate(date: Date): string {
	// Shifting by the zone offset makes the UTC fields read as local ones.
	return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** True for an open goal whose target date is before `today` (YYYY-MM-DD). */
export function isOverdue(goal: Goal, today: string): boolean {
	return !goal.doneAt && goal.targetDate !== undefined && goal.targetDate < today;
}

/** True when `goal` belongs in the list `filter` shows. */
export function matchesFilter(goal: Goal, filter: GoalFilter, today: string): boolean {
	if (filter === 'open') return !goal.doneAt;
	if (filter === 'done') return Boolean(goal.doneAt);
	if (filter === 'overdue') return isOverdue(goal, today);
	return true;
}

/** The goals `filter` shows, in their order. */
export function filterGoals(goals: readonly Goal[], filter: GoalFilter, today: string): Goal[] {
	return goals.filter((goal) => matchesFilter(goal, filter, today));
}

/** How many goals each filter shows. */
export function filterCounts(goals: readonly Goal[], today: string): Record<GoalFilter, number> {
	return Object.fromEntries(GOAL_FILTERS.map((filter) => [filter, filterGoals(goals, filter, today).length])) as Record<GoalFilter, number>;
}

/** Done out of total. */
export interface Progress {
	done: number;
	total: number;
}

/** How many of `goals` are done. */
export function progressOf(goals: readonly Goal[]): Progress {
	return { done: goals.filter((goal) => goal.doneAt).length, total: goals.length };
}

/** Group key of the reader's own goals (source null). Not a possible slug, so no lesson can clash. */
export const OWN_GROUP = ':own';
/** Group key of goals whose source this course no longer has (a lesson renamed or removed). */
export const OTHER_GROUP = ':other';

/**
 * The groups of the goals page, in order: each lesson in course order, the
 * self-assessment, goals from sources this course no longer has, then the
 * reader's own goals last.
 */
export function groupOrder(lessonSlugs: readonly string[]): string[] {
	return [...lessonSlugs, ASSESSMENT_SOURCE, OTHER_GROUP, OWN_GROUP];
}

/** The group a goal is shown in, given the page's groups (`groupOrder`). */
export function groupKey(goal: Goal, order: readonly string[]): string {
	if (goal.source === null) return OWN_GROUP;
	return order.includes(goal.source) ? goal.source : OTHER_GROUP;
}

/** The goals of one group, with its progress (which counts all of them, whatever the filter). */
export interface GoalGroup extends Progress {
	key: string;
	goals: Goal[];
}

/** Every group of `order` (empty ones included), each with its goals in the order they were added. */
export function groupGoals(goals: readonly Goal[], order: readonly string[]): GoalGroup[] {
	return order.map((key) => {
		const members = goals.filter((goal) => groupKey(goal, order) === key);
		return { key, goals: members, ...progressOf(members) };
	});
}
