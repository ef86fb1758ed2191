/**
 * DOM helpers shared by the network tools (the six lesson islands and the
 * /network page): a tool's parts, form values, inline errors, the sector
 * field and the reader's own sector. The forms themselves are server-rendered
 * (so they take their space before any script runs); these helpers only wire
 * them. Loaded with the first tool that scrolls into view, never at page load.
 *
 * Each helper asks for exactly the strings it uses (a `Strings<…>` type); a
 * tool's own strings (src/i18n/islands.ts) must include them, or its call
 * fails the type check. Field errors are the exception: their words come
 * with this module (network-errors.en.json), loaded when a tool is, instead
 * of riding in every lesson page's HTML.
 */
import { say, type Strings } from '../../i18n/island';
import errorMessages from '../../i18n/network-errors.en.json';
import { LIMITS, SECTORS, type Benefit, type Contact } from '../../lib/network/network';
import { OTHER, checkSector, type Checked, type FieldError, type FieldErrors } from '../../lib/network/validation';
import { $network, setOwnSector } from '../../stores/network';

/** Shared with the pages that render a tool's first result (ProbabilityTool.astro). */
export { percent } from './format';

/** What a form's status line says when fields are in error (nothing was saved). */
export const ERROR_SUMMARY = errorMessages['network.error.summary'];
/** A field can replace the plain "required" message with a more specific one (`data-required`, TextField.astro). */
type RequiredOverride = `network.error.${'name' | 'referrer' | 'contact'}`;

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
type Child = Node | string | false | null | undefined;

/** The element matching `selector` in a tool; a tool whose markup lacks it fails at once, saying which part. */
export function part<T extends Element = HTMLElement>(root: HTMLElement, selector: string): T {
	const found = root.querySelector<T>(selector);
	if (!found) throw new Error(`<${root.localName}> has no ${selector}`);
	return found;
}

/** The parts of a tool with a form, as ToolPanel.astro renders them: the form, its status line, the result and the list. */
export function toolParts(root: HTMLElement) {
	return {
		form: part<HTMLFormElement>(root, 'form.tool-form'),
		status: part(root, '.tool-status'),
		result: part(root, '.tool-result'),
		list: part(root, '[data-list]'),
	};
}

let sectorNames: Record<string, string> | undefined;

/**
 * The listed sectors' names, as the page's sector lists show them
 * (SectorField.astro): read from the first list once, rather than sent again
 * as strings.
 */
export function sectorLabels(): Record<string, string> {
	if (!sectorNames) {
		const list = document.querySelector<HTMLSelectElement>('select[data-sector]');
		const options = [...(list?.options ?? [])].filter((option) => option.value && option.value !== OTHER);
		sectorNames = Object.fromEntries(options.map((option) => [option.value, option.text]));
	}
	return sectorNames;
}

/** Creates an element with attributes (`class`, `aria-*`, `data-*`, properties) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	attributes: Record<string, string | number | boolean> = {},
	...children: Child[]
): HTMLElementTagNameMap[K] {
	const element = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) {
		if (name in element && !name.includes('-')) (element as unknown as Record<string, unknown>)[name] = value;
		else element.setAttribute(name, String(value));
	}
	element.append(...(children.filter((child) => child !== false && child !== null && child !== undefined) as (Node | string)[]));
	return element;
}

/** The sector as the reader reads it: a listed sector's label, or the sector as typed. */
export function sectorName(strings: Strings<'network.notRecorded'>, sector: string | undefined): string {
	if (!sector) return strings['network.notRecorded'];
	return sectorLabels()[sector] ?? sector;
}

/** The benefit's words, verbatim from the post. */
export function benefitName(strings: Strings<`network.benefit.${Benefit}`>, benefit: Benefit): string {
	return strings[`network.benefit.${benefit}`];
}

/** A calendar day (`YYYY-MM-DD`) in the reader's own format. */
export function showDate(day: string): string {
	const [year, month, date] = day.split('-').map(Number) as [number, number, number];
	return new Date(year, month - 1, date).toLocaleDateString(undefined, { dateStyle: 'medium' });
}

/** The form control called `name`. */
export function control(form: HTMLFormElement, name: string): Control {
	return form.elements.namedItem(name) as Control;
}

/**
 * The value of field `name`: the checked radio's value, or the text. A date
 * field whose content is incomplete or impossible reports `'invalid'` (the
 * browser then gives an empty value but flags `badInput`).
 */
export function value(form: HTMLFormElement, name: string): string {
	const item = form.elements.namedItem(name);
	if (item instanceof RadioNodeList) return item.value;
	const field = item as Control;
	return field instanceof HTMLInputElement && field.validity.badInput ? 'invalid' : field.value;
}

/** The values of the ticked checkboxes called `name`. */
export function ticked(form: HTMLFormElement, name: string): string[] {
	return [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((box) => box.value);
}

/** The element showing field `name`'s error: `#<control id>-error`, or the one in its fieldset for radios. */
function errorElement(form: HTMLFormElement, name: string): { field?: Element; message?: HTMLElement } {
	const item = form.elements.namedItem(name);
	const field =
		item instanceof RadioNodeList
			? ((item[0] as HTMLElement | undefined)?.closest('fieldset') ?? undefined)
			: ((item as Element | null) ?? undefined);
	const message = field ? (form.querySelector<HTMLElement>(`#${field.id}-error`) ?? undefined) : undefined;
	return { field, message };
}

/** Removes every inline error from a form. */
export function clearErrors(form: HTMLFormElement): void {
	for (const field of form.querySelectorAll('[aria-invalid]')) field.removeAttribute('aria-invalid');
	for (const message of form.querySelectorAll<HTMLElement>('.error')) {
		message.textContent = '';
		message.hidden = true;
	}
}

/** The message for one error code on `field`, with its limits filled in. */
function message(code: FieldError, field: Element | undefined): string {
	const input = field as HTMLInputElement | undefined;
	const override = `network.error.${input?.dataset.required}`;
	if (code === 'required' && override in errorMessages) return errorMessages[override as RequiredOverride];
	return say(errorMessages, `network.error.${code}`, {
		max: input?.dataset.max ?? input?.max ?? LIMITS.name,
		min: input?.min ?? 0,
		length: input?.value?.trim().length ?? 0,
	});
}

/**
 * Shows each error next to its field (and marks the field invalid), then
 * focuses the first one. Returns true when there were errors.
 */
export function showErrors(form: HTMLFormElement, errors: FieldErrors): boolean {
	clearErrors(form);
	let first: HTMLElement | undefined;
	for (const [name, code] of Object.entries(errors)) {
		const { field, message: box } = errorElement(form, name);
		if (!field) continue;
		if (box) {
			box.textContent = message(code, field);
			box.hidden = false;
		}
		if (field.localName !== 'fieldset') field.setAttribute('aria-invalid', 'true');
		first ??= (field.localName === 'fieldset' ? field.querySelector('input') : field) as HTMLElement;
	}
	first?.focus();
	return first !== undefined;
}

/** Reveals the "type the sector" input while "Other" is chosen, in every sector field under `root`. */
export function wireSectorFields(root: HTMLElement): void {
	for (const select of root.querySelectorAll<HTMLSelectElement>('select[data-sector]')) {
		const other = select.parentElement!.querySelector<HTMLElement>('.other')!;
		const sync = () => (other.hidden = select.value !== OTHER);
		select.addEventListener('change', sync);
		sync();
	}
}

/** Reads sector field `name` (its list and its typed "other" input). */
export function readSector(form: HTMLFormElement, name: string): Checked<string | undefined> {
	return checkSector(value(form, name), value(form, `${name}Other`), sectorLabels());
}

/** Puts a stored sector back into sector field `name`. */
export function setSector(form: HTMLFormElement, name: string, sector: string | undefined): void {
	const select = control(form, name) as HTMLSelectElement;
	const listed = !sector || (SECTORS as readonly string[]).includes(sector);
	select.value = listed ? (sector ?? '') : OTHER;
	control(form, `${name}Other`).value = listed ? '' : sector!;
	select.dispatchEvent(new Event('change'));
}

/** Fills a contact list (`<select>`) with the contacts, keeping the choice when it still exists. */
export function fillContactSelect(select: HTMLSelectElement, contacts: readonly Contact[], placeholder?: string): void {
	const chosen = select.value;
	const options = contacts.map((contact) => h('option', { value: contact.id }, contact.name));
	select.replaceChildren(...(placeholder ? [h('option', { value: '' }, placeholder)] : []), ...options);
	if (contacts.some((contact) => contact.id === chosen)) select.value = chosen;
}

/**
 * The "your own sector" question inside a tool (OwnSector.astro): asked while
 * it is unknown, then shown as a line with a link to change it.
 */
export function wireOwnSector(
	root: HTMLElement,
	strings: Strings<'network.notRecorded' | 'network.own.saved'>,
	onSaved: (message: string) => void,
): void {
	const box = root.querySelector<HTMLElement>('[data-own]');
	if (!box) return;
	const form = box.querySelector('form')!;
	const current = box.querySelector<HTMLElement>('.own-current')!;
	$network.subscribe((state) => {
		form.hidden = Boolean(state.ownSector);
		current.hidden = !state.ownSector;
		current.querySelector('strong')!.textContent = sectorName(strings, state.ownSector);
	});
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		const sector = readSector(form, 'own');
		const errors: FieldErrors = sector.error ? { ownOther: sector.error } : sector.value ? {} : { own: 'required' };
		if (showErrors(form, errors)) return;
		setOwnSector(sector.value!);
		onSaved(say(strings, 'network.own.saved', { sector: sectorName(strings, sector.value) }));
		current.querySelector('a')?.focus();
	});
}

/**
 * The question a form asks before saving a name the network already has
 * (“Ann is already in your network. Add anyway?”), in the form's `.ask` box.
 * `ask(draft, message)` shows it and holds the draft; a button in the box
 * calls `onAnswer` with its `data-action` and the draft; `close()` withdraws
 * the question, as typing in the form does.
 */
export function duplicateQuestion<T>(form: HTMLFormElement, status: Element, onAnswer: (action: string, draft: T) => void) {
	const box = form.querySelector<HTMLElement>('.ask')!;
	let pending: T | undefined;
	const close = () => {
		pending = undefined;
		box.hidden = true;
	};
	box.addEventListener('click', (event) => {
		const action = (event.target as HTMLElement).closest('button')?.dataset.action;
		if (action && pending !== undefined) onAnswer(action, pending);
	});
	form.addEventListener('input', close);
	return {
		ask(draft: T, message: string) {
			pending = draft;
			box.querySelector('p')!.textContent = message;
			box.hidden = false;
			status.textContent = '';
			box.querySelector('button')!.focus();
		},
		close,
	};
}

/**
 * Turns a server-rendered tool on: its controls were disabled until now. Its
 * result becomes a live region only after the first render, so a tool loading
 * as the reader scrolls does not interrupt them; changes they make are announced.
 */
export function ready(root: HTMLElement): void {
	wireSectorFields(root);
	for (const fieldset of root.querySelectorAll<HTMLFieldSetElement>('fieldset[data-until-ready]')) fieldset.disabled = false;
	for (const result of root.querySelectorAll('[data-result]')) result.setAttribute('aria-live', 'polite');
}
