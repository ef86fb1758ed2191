/**
 * What the goals checklist does when the reader acts: tick off, edit inline,
 * delete and undo, add their own goal (with inline errors), download the
 * calendar and print. Loaded by ./goals-board.ts when the reader first
 * focuses or uses one of its controls, so the page itself loads only the
 * rendering. It sees the board only through `Board`: it reads its state and
 * changes it with `edit` and `say`.
 */
import { say, type Strings } from '../../i18n/island';
import type { IslandKey } from '../../i18n/islands';
import { validateGoalInput, type GoalErrors, type GoalInput } from '../../lib/goals/form';
import { localIsoDate, matchesFilter, progressOf, type GoalFilter } from '../../lib/goals/lists';
import type { RemovedGoal } from '../../lib/goals/changes';
import { $goals } from '../../stores/goals';
import { addOwnGoal, deleteGoal, editGoal, setGoalDone, undoDelete } from '../../stores/goal-checklist';

/** The goal being edited and its form, kept across renders so typing survives. */
export interface Editing {
	id: string;
	form: HTMLFormElement;
}

/** What the actions may see and do on the goals board (./goals-board.ts). */
export interface Board {
	readonly strings: Strings<IslandKey<'goals-board'>>;
	/** The filter on show. */
	readonly filter: GoalFilter;
	readonly editing?: Editing;
	/** Where the calendar's events link back to. */
	readonly goalsUrl: string;
	/** Shows `editing`'s form in place of its goal (or every goal as itself), and redraws. */
	edit(editing: Editing | undefined): void;
	/** Says what happened in the list's status line; `undo` shows the Undo button beside it. */
	say(message: string, undo?: boolean): void;
	/** The first element matching `selector` in `root` (the board by default). */
	find<T extends HTMLElement = HTMLElement>(selector: string, root?: ParentNode): T;
	/** A fresh copy of the board's template `name`. */
	clone<T extends HTMLElement = HTMLElement>(name: 'goal' | 'edit'): T;
}

/** The goal an Undo would bring back, per board. */
const removed = new WeakMap<Board, RemovedGoal>();

type Fields = Record<'text' | 'targetDate' | 'notes', HTMLInputElement>;
const FIELD_NAMES = ['text', 'targetDate', 'notes'] as const;

const goalText = (id: string) => $goals.get().items.find((goal) => goal.id === id)?.text ?? '';

/** Focuses a goal's control (its checkbox by default), or the list heading when the filter hides it. */
function focusGoal(board: Board, id: string, control = '') {
	(document.getElementById(`goal-${id}${control}`) ?? board.find('#list-title')).focus();
}

/** Handles one event GoalsBoard passed on: a click on a [data-action], a checkbox change, a submit or Escape. */
export function handle(board: Board, event: Event): void {
	const target = event.target as HTMLInputElement;
	const s = board.strings;
	if (event.type === 'submit') return submit(board, target as unknown as HTMLFormElement);
	if (event.type === 'keydown') return stopEditing(board);
	const id = target.closest<HTMLElement>('[data-id]')?.dataset.id ?? '';
	if (event.type === 'change') {
		setGoalDone(id, target.checked);
		const { done, total } = progressOf($goals.get().items);
		board.say(say(s, target.checked ? 'goals.markedDone' : 'goals.markedOpen', { text: goalText(id), done, total }));
		// Under the Open or Done filter the goal leaves the list: keep focus in the checklist.
		if (!document.getElementById(`goal-${id}`)) board.find('#list-title').focus();
		return;
	}
	switch (target.closest<HTMLElement>('[data-action]')!.dataset.action) {
		case 'edit':
			return startEditing(board, id);
		case 'cancel':
			return stopEditing(board);
		case 'delete': {
			const text = goalText(id);
			if (board.editing?.id === id) board.edit(undefined);
			const gone = deleteGoal(id);
			if (gone) removed.set(board, gone);
			else removed.delete(board);
			board.say(say(s, 'goals.deleted', { text }), true);
			return board.find('[data-action="undo"]').focus();
		}
		case 'undo': {
			const gone = removed.get(board);
			if (!gone) return;
			undoDelete(gone);
			board.say(say(s, 'goals.restored', { text: gone.goal.text }));
			focusGoal(board, gone.goal.id);
			removed.delete(board);
			return;
		}
		case 'calendar':
			return void downloadCalendar(board);
		case 'print':
			return window.print();
	}
}

function startEditing(board: Board, id: string) {
	const goal = $goals.get().items.find((item) => item.id === id);
	if (!goal) return;
	const form = board.clone<HTMLFormElement>('edit');
	// The template's ids start with "@": make them unique to this goal.
	for (const element of form.querySelectorAll('*')) {
		for (const name of ['id', 'for', 'aria-describedby']) {
			const value = element.getAttribute(name);
			if (value) element.setAttribute(name, value.replaceAll('@', `edit-${id}`));
		}
	}
	board.edit({ id, form });
	const fields = form.elements as unknown as Fields;
	fields.text.value = goal.text;
	fields.targetDate.value = goal.targetDate ?? '';
	fields.notes.value = goal.notes ?? '';
	fields.text.focus();
}

function stopEditing(board: Board) {
	const id = board.editing?.id ?? '';
	board.edit(undefined);
	focusGoal(board, id, '-edit');
}

function submit(board: Board, form: HTMLFormElement) {
	const fields = form.elements as unknown as Fields;
	const input: GoalInput = {
		text: fields.text.value,
		targetDate: fields.targetDate.value,
		notes: fields.notes.value,
		dateIncomplete: fields.targetDate.validity.badInput,
	};
	const result = validateGoalInput(input);
	const status = board.find('.form-status', form);
	const s = board.strings;
	showErrors(board, form, result.ok ? {} : result.errors, input);
	if (!result.ok) {
		status.textContent = s['goals.notSaved'];
		return;
	}
	if (form.dataset.form === 'edit') {
		const id = board.editing!.id;
		editGoal(id, result.fields);
		stopEditing(board);
		board.say(say(s, 'goals.saved', { text: goalText(id) }));
		return;
	}
	const goal = addOwnGoal(result.fields);
	form.reset();
	status.textContent = say(s, 'goals.added', { text: result.fields.text });
	// A new goal is open: show it even when the Done or Overdue filter is on.
	if (goal && !matchesFilter(goal, board.filter, localIsoDate(new Date()))) board.find('[value="all"]').click();
	fields.text.focus();
}

/** Shows each field's error next to it (aria-invalid, described by the message) and focuses the first. */
function showErrors(board: Board, form: HTMLFormElement, errors: GoalErrors, input: GoalInput) {
	let first: HTMLElement | undefined;
	for (const name of FIELD_NAMES) {
		const field = (form.elements as unknown as Fields)[name];
		const error = board.find(`[data-error="${name}"]`, form);
		const key = errors[name];
		error.hidden = !key;
		board.find('[data-error-text]', error).textContent = key ? say(board.strings, key, { length: input[name].trim().length }) : '';
		if (key) field.setAttribute('aria-invalid', 'true');
		else field.removeAttribute('aria-invalid');
		first ??= key ? field : undefined;
	}
	first?.focus();
}

/** Downloads the open goals with a target date as an .ics file, or says there are none. */
async function downloadCalendar(board: Board) {
	const s = board.strings;
	const status = board.find('.tool-status');
	try {
		const { calendarGoals, goalsCalendar } = await import('../../lib/calendar/ics');
		const goals = $goals.get().items;
		const count = calendarGoals(goals).length;
		if (!count) {
			status.textContent = s['goals.calendar.none'];
			return;
		}
		const text = goalsCalendar(goals, {
			now: new Date(),
			goalsUrl: board.goalsUrl,
			name: s['goals.calendar.name'],
			linkLabel: s['goals.calendar.link'],
		});
		const file = 'strategic-network-goals.ics';
		const link = Object.assign(document.createElement('a'), {
			href: URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' })),
			download: file,
		});
		document.body.append(link);
		link.click();
		link.remove();
		setTimeout(() => URL.revokeObjectURL(link.href), 1000);
		status.textContent = say(s, `goals.calendar.done.${count === 1 ? 'one' : 'other'}`, { file, count });
	} catch {
		status.textContent = s['goals.calendar.error'];
	}
}
