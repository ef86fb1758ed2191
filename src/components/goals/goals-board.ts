/**
 * The /goals/ page's island (GoalsBoard.astro renders its markup): renders
 * the checklist from the store and applies the filter. Everything that
 * changes goals (./goals-board.actions.ts) loads when the reader first
 * focuses or uses a control, which keeps the page's JavaScript small; it
 * sees this element only through the `Board` interface it declares.
 */
import { readStrings, say, type Strings } from '../../i18n/island';
import type { IslandKey } from '../../i18n/islands';
import { $goals } from '../../stores/goals';
import {
	filterCounts,
	groupGoals,
	isOverdue,
	localIsoDate,
	matchesFilter,
	progressOf,
	type GoalFilter,
	type Progress,
} from '../../lib/goals/lists';
import type { Goal } from '../../lib/goals/goals';
import type { Board, Editing } from './goals-board.actions';

/** A YYYY-MM-DD day (read as local midnight) or an ISO date-time, as the reader's locale writes the date. */
const formatDay = (value: string) =>
	new Date(value.length > 10 ? value : `${value}T00:00`).toLocaleDateString(undefined, { dateStyle: 'long' });

class GoalsBoard extends HTMLElement implements Board {
	// Public for the Board interface, which gives goals-board.actions.ts read-only views of them; only this class changes them.
	strings = {} as Strings<IslandKey<'goals-board'>>;
	filter: GoalFilter = 'all';
	editing?: Editing;
	goalsUrl = '';
	#actions?: Promise<typeof import('./goals-board.actions')>;

	connectedCallback() {
		this.strings = readStrings<'goals-board'>(this);
		this.goalsUrl = this.dataset.goalsUrl ?? '';
		for (const type of ['click', 'change', 'submit', 'keydown', 'focusin']) this.addEventListener(type, (event) => this.#handle(event));
		$goals.subscribe(() => this.#render());
		this.find('.board').hidden = false;
	}

	find<T extends HTMLElement = HTMLElement>(selector: string, root: ParentNode = this): T {
		return root.querySelector<T>(selector)!;
	}

	clone<T extends HTMLElement = HTMLElement>(name: 'goal' | 'edit'): T {
		return this.find<HTMLTemplateElement>(`[data-template="${name}"]`).content.firstElementChild!.cloneNode(true) as T;
	}

	say(message: string, undo = false) {
		this.find('.list-status .status').textContent = message;
		this.find('[data-action="undo"]').hidden = !undo;
	}

	edit(editing: Editing | undefined) {
		this.editing = editing;
		this.#render();
	}

	#handle(event: Event) {
		const target = event.target as HTMLInputElement;
		if (event.type === 'submit') event.preventDefault();
		if (target.name === 'goal-filter') {
			if (event.type !== 'change') return;
			this.filter = target.value as GoalFilter;
			this.say(say(this.strings, `goals.showing.${this.filter}`, { count: this.#render() }));
			return;
		}
		const act =
			event.type === 'submit' ||
			(event.type === 'click' && target.closest('[data-action]')) ||
			(event.type === 'change' && target.type === 'checkbox') ||
			(event.type === 'keydown' && (event as KeyboardEvent).key === 'Escape' && this.editing);
		// Focus anywhere in the checklist starts loading the actions before they are needed.
		this.#actions ??= event.type === 'focusin' || act ? import('./goals-board.actions') : undefined;
		if (act)
			this.#actions!.then(
				(actions) => actions.handle(this, event),
				() => this.say(this.strings['goals.loadError']),
			);
	}

	#progress(root: HTMLElement, { done, total }: Progress) {
		const bar = this.find<HTMLProgressElement>('progress', root);
		bar.max = total || 1;
		bar.value = done;
		this.find('.count', root).textContent = say(this.strings, 'goals.progress', { done, total });
	}

	/** Redraws counts, progress and the filtered groups, keeping focus on the same control; returns how many goals show. */
	#render(): number {
		const { items } = $goals.get();
		const today = localIsoDate(new Date());
		const focused = this.contains(document.activeElement) ? document.activeElement!.id : '';
		const counts = filterCounts(items, today);
		for (const filter in counts) this.find(`[data-count="${filter}"]`).textContent = String(counts[filter as GoalFilter]);
		this.#progress(this.find('.overall'), progressOf(items));
		const sections = [...this.querySelectorAll<HTMLElement>('.group')];
		let shown = 0;
		groupGoals(
			items,
			sections.map((section) => section.dataset.group!),
		).forEach((group, index) => {
			const section = sections[index];
			if (!section) return;
			const goals = group.goals.filter((goal) => matchesFilter(goal, this.filter, today));
			section.hidden = !goals.length;
			this.#progress(section, group);
			this.find('ul', section).replaceChildren(...goals.map((goal) => this.#item(goal, today)));
			shown += goals.length;
		});
		this.toggleAttribute('data-empty', !items.length);
		this.find('.none').hidden = !items.length || shown > 0;
		if (focused) document.getElementById(focused)?.focus();
		return shown;
	}

	#item(goal: Goal, today: string): HTMLElement {
		const item = this.clone('goal');
		const id = `goal-${goal.id}`;
		item.dataset.id = goal.id;
		if (this.editing?.id === goal.id) {
			item.replaceChildren(this.editing.form);
			return item;
		}
		const box = this.find<HTMLInputElement>('input', item);
		box.id = id;
		box.checked = Boolean(goal.doneAt);
		box.setAttribute('aria-describedby', `${id}-when`);
		item.classList.toggle('done', box.checked);
		Object.assign(this.find<HTMLLabelElement>('label', item), { htmlFor: id, textContent: goal.text });
		this.find('.when', item).id = `${id}-when`;
		this.find('.target', item).textContent = goal.targetDate ? say(this.strings, 'goals.target', { date: formatDay(goal.targetDate) }) : '';
		this.find('.overdue', item).hidden = !isOverdue(goal, today);
		this.find('.done-on', item).textContent = goal.doneAt ? say(this.strings, 'goals.doneOn', { date: formatDay(goal.doneAt) }) : '';
		this.find('.notes', item).textContent = goal.notes ?? '';
		for (const button of item.querySelectorAll('button')) {
			button.id = `${id}-${button.dataset.action}`;
			// "Edit: Call Sam": the visible word first, then which goal.
			button.setAttribute('aria-label', `${button.textContent}: ${goal.text}`);
		}
		return item;
	}
}
customElements.define('goals-board', GoalsBoard);
