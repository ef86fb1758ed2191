/**
 * The newsletter form's in-place behaviour (fetch, field errors, result in
 * place). Loaded by NewsletterForm.astro only when a reader first reaches for
 * a form; the plain form works without it.
 */
import { parseEmailAddress } from '../../lib/newsletter/email-address';
import { parseFirstName } from '../../lib/newsletter/fields';
// Its words come with this lazily loaded code, not in every page's HTML (see src/i18n/islands.ts).
import strings from '../../i18n/newsletter-form.en.json';
import { say } from '../../i18n/island';

type Field = 'email' | 'first_name';
interface Answer {
	ok: boolean;
	message?: string;
	title?: string;
	fieldErrors?: Partial<Record<Field, string>>;
}

interface Stamp {
	/** Signed "form shown at" from the server; empty if it could not be fetched. */
	value: string;
	/** How long the server wants between the stamp and the post. */
	minMs: number;
	/** When it arrived, on this page's clock. */
	receivedAt: number;
}

/**
 * One stamp request per page, shared by every form on it, made only when a
 * reader starts using a form (no request for readers who just read): this
 * module loads then. `url` comes from the form's `data-stamp`.
 */
let stampRequest: Promise<Stamp> | undefined;
function formStamp(url: string | undefined): Promise<Stamp> {
	stampRequest ??= fetch(url ?? '', { headers: { accept: 'application/json' }, credentials: 'same-origin' })
		.then((response) => (response.ok ? response.json() : {}))
		.catch(() => ({}))
		.then((body: { stamp?: unknown; minMs?: unknown }) => ({
			value: typeof body.stamp === 'string' ? body.stamp : '',
			minMs: typeof body.minMs === 'number' && body.minMs > 0 ? Math.min(body.minMs, 10_000) : 0,
			receivedAt: performance.now(),
		}));
	return stampRequest;
}

/** Sends the form with fetch and shows the answer in place; the plain form keeps working without it. */
class NewsletterForm extends HTMLElement {
	#form!: HTMLFormElement;
	#busy = false;

	connectedCallback() {
		if (this.dataset.external !== undefined) return;
		const form = this.querySelector('form');
		if (!form) return;
		this.#form = form;
		// The island shows its own messages next to each field instead of the browser's bubbles.
		form.noValidate = true;
		// Loaded because a reader is starting to use a form: ask for the time stamp now.
		void formStamp(this.dataset.stamp);
		form.addEventListener('submit', (event) => {
			event.preventDefault();
			void this.#submit();
		});
		for (const field of ['email', 'first_name'] as const) {
			this.#input(field)?.addEventListener('input', () => {
				if (this.#input(field)?.getAttribute('aria-invalid') === 'true' && !this.#check(field)) this.#showError(field, undefined);
			});
		}
	}

	#input(field: Field): HTMLInputElement | null {
		return this.#form.querySelector<HTMLInputElement>(`[data-field="${field}"] input`);
	}

	/** The client-side message for a field, or undefined when it is fine (the server checks again). */
	#check(field: Field): string | undefined {
		const input = this.#input(field);
		if (!input) return undefined;
		if (field === 'email') {
			const result = parseEmailAddress(input.value);
			return result.ok ? undefined : strings[`newsletter.error.email.${result.problem}`];
		}
		const result = parseFirstName(input.value);
		return result.ok ? undefined : strings[`newsletter.error.firstName.${result.problem}`];
	}

	#showError(field: Field, message: string | undefined) {
		const input = this.#input(field);
		const box = this.#form.querySelector<HTMLElement>(`[data-error="${field}"]`);
		if (!input || !box) return;
		const text = box.querySelector('[data-error-text]');
		if (text) text.textContent = message ?? '';
		box.hidden = !message;
		const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== box.id);
		if (message) {
			ids.push(box.id);
			input.setAttribute('aria-invalid', 'true');
		} else {
			input.removeAttribute('aria-invalid');
		}
		if (ids.length) input.setAttribute('aria-describedby', ids.join(' '));
		else input.removeAttribute('aria-describedby');
	}

	#showMessage(message: string | undefined) {
		const box = this.#form.querySelector<HTMLElement>('[data-message]');
		if (!box) return;
		box.textContent = '';
		if (message) {
			const prefix = document.createElement('span');
			prefix.className = 'error-prefix';
			prefix.textContent = strings['newsletter.errorPrefix'];
			box.append(prefix, ` ${message}`);
		}
		box.hidden = !message;
	}

	#showErrors(errors: Partial<Record<Field, string>>): boolean {
		const fields = ['email', 'first_name'] as const;
		for (const field of fields) this.#showError(field, errors[field]);
		const first = fields.find((field) => errors[field]);
		if (first) this.#input(first)?.focus();
		return first !== undefined;
	}

	async #submit() {
		if (this.#busy) return;
		this.#showMessage(undefined);
		const errors: Partial<Record<Field, string>> = { email: this.#check('email'), first_name: this.#check('first_name') };
		if (this.#showErrors(errors)) return;
		const button = this.#form.querySelector<HTMLButtonElement>('button[type="submit"]');
		this.#busy = true;
		this.setAttribute('aria-busy', 'true');
		if (button) button.textContent = strings['newsletter.sending'];
		try {
			// The server ignores forms sent faster than a person types; a quick person waits a moment instead.
			const stamp = await formStamp(this.dataset.stamp);
			const stampField = this.#form.querySelector<HTMLInputElement>('[data-stamp]');
			if (stampField) stampField.value = stamp.value;
			const wait = stamp.value ? stamp.minMs + 150 - (performance.now() - stamp.receivedAt) : 0;
			if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
			const response = await fetch(this.dataset.endpoint ?? this.#form.action, {
				method: 'POST',
				body: new URLSearchParams(new FormData(this.#form) as unknown as Record<string, string>),
				headers: { accept: 'application/json' },
				credentials: 'same-origin',
			});
			const isJson = (response.headers.get('content-type') ?? '').includes('application/json');
			const answer: Answer = isJson
				? await response.json()
				: { ok: false, message: (await response.text()) || strings['newsletter.error.network'] };
			if (response.ok && answer.ok) {
				this.#succeed(answer, this.#input('email')?.value.trim() ?? '');
			} else if (!this.#showErrors(answer.fieldErrors ?? {})) {
				// No field to point at (rate limit, stale page…): say it above the fields.
				this.#showMessage(answer.message ?? strings['newsletter.error.network']);
			}
		} catch {
			this.#showMessage(strings['newsletter.error.network']);
		} finally {
			this.#busy = false;
			this.removeAttribute('aria-busy');
			if (button) button.textContent = strings['newsletter.submit'];
		}
	}

	/** Shows the result in place of the form, naming the address the reader typed so they can spot a typo. */
	#succeed(answer: Answer, email: string) {
		const success = this.querySelector<HTMLElement>('[data-success]');
		if (!success) return;
		const title = document.createElement('p');
		title.className = 'success-title';
		title.textContent = answer.title ?? strings['newsletter.success.title'];
		const body = document.createElement('p');
		body.textContent = email
			? say(strings, 'newsletter.success.bodyFor', { email })
			: (answer.message ?? strings['newsletter.success.body']);
		success.replaceChildren(title, body);
		this.#form.hidden = true;
		for (const element of this.querySelectorAll<HTMLElement>('.intro')) element.hidden = true;
		success.focus();
	}
}

customElements.define('newsletter-form', NewsletterForm);
