/**
 * <self-assessment> (SelfAssessment.astro renders its markup): scores, draws
 * and keeps the reader's self-assessment. It restores draft answers kept on
 * this device, saves each answer as it is given, and on submit lists what is
 * missing or saves the attempt and shows it: overall score, chart shapes and
 * values, table, advice, share link, past results. It also opens a shared
 * result (`#r=…`) or says why the link cannot be shown.
 *
 * Islands, one convention (every component in src/components follows it):
 * - An island is a custom element, `<tag-name>`, rendered by the component
 *   named for it (`<self-assessment>` by SelfAssessment.astro).
 * - Its class lives in `<tag-name>.ts` beside the component when it is
 *   loaded lazily or is longer than about 60 lines (this file); otherwise in
 *   the component's own `<script>`. The component's `<script>` imports the
 *   module (`import './self-assessment'`), or, for a lazy island, a loader
 *   imports it on first need (network/ToolPanel.astro, NewsletterForm.astro).
 * - A part split out of an island (a piece loaded later, or a seam of a long
 *   one) lives in `<tag-name>.<part>.ts` (goals-board.actions.ts,
 *   site-search.dialog.ts, network-manager.contact-form.ts); helpers several
 *   islands share are named for what they are (network/tool-kit.ts).
 * - Strings: the component renders `data-strings={islandStrings('<tag-name>')}`
 *   and the island reads `readStrings<'<tag-name>'>(this)`; the keys are
 *   listed once, in src/i18n/islands.ts. A lazy island whose words should not
 *   ride in every page imports its own catalog instead (search.en.json).
 */
import { $assessment, answerStatement, keepSharedAttempt, saveAttempt, startOver } from '../../stores/assessment';
import { latestAttempts, type Answers, type Attempt } from '../../lib/assessment/assessment';
import {
	compareProfiles,
	formatChange,
	roomToGrow,
	scoreAnswers,
	strongestPointer,
	unanswered,
	type ScoredStatement,
} from '../../lib/assessment/scoring';
import { decodeShare, encodeShare, shareCodeFrom, shareFragment } from '../../lib/assessment/share-link';
import { radarPoints, type RadarFrame } from '../../lib/assessment/radar';
import { readStrings, say, type Strings } from '../../i18n/island';
import type { IslandKey } from '../../i18n/islands';

type Mode = 'form' | 'results' | 'shared';
const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });

/** Scores, draws and keeps the reader's self-assessment. */
class SelfAssessment extends HTMLElement {
	#s = {} as Strings<IslandKey<'self-assessment'>>;
	#statements: ScoredStatement[] = [];
	#mode: Mode = 'form';
	/** Index (newest first) of the attempt on show. */
	#viewing = 0;
	#shared?: Answers;
	#frame!: RadarFrame;

	connectedCallback() {
		this.#s = readStrings<'self-assessment'>(this);
		this.#frame = JSON.parse(this.#q('svg[data-frame]').dataset.frame!);
		this.#statements = (JSON.parse(this.dataset.statements!) as [string, number, number][]).map(([id, pointer, reverse]) => ({
			id,
			pointer,
			reverse: reverse === 1,
		}));
		const form = this.#q<HTMLFormElement>('form');
		for (const [id, value] of Object.entries($assessment.get().draft)) {
			const radio = form.querySelector<HTMLInputElement>(`input[name="${id}"][value="${value}"]`);
			if (radio) radio.checked = true;
		}
		form.addEventListener('change', (event) => {
			const radio = event.target as HTMLInputElement;
			answerStatement(radio.name, Number(radio.value));
			this.#invalid(radio.closest('fieldset')!, false);
			this.#q('.cleared').textContent = '';
			this.#progress();
		});
		form.addEventListener('submit', (event) => {
			event.preventDefault();
			this.#submit();
		});
		this.#q('.error-summary').addEventListener('click', (event) => {
			const link = (event.target as HTMLElement).closest('a');
			if (!link) return;
			event.preventDefault();
			const fieldset = this.#q(link.hash);
			fieldset.querySelector('legend')!.scrollIntoView({ block: 'center' });
			fieldset.querySelector('input')!.focus({ preventScroll: true });
		});
		this.addEventListener('click', (event) => {
			const control = (event.target as HTMLElement).closest<HTMLElement>('[data-action]');
			if (control) this.#act(control.dataset.action!, control);
		});
		window.addEventListener('hashchange', () => shareCodeFrom(location.hash) !== undefined && this.#open());
		this.#q('.progress').hidden = false;
		this.#q('.submit').hidden = false;
		this.#q('.needs-js').hidden = true;
		this.#progress();
		this.#open();
	}

	#q<T extends HTMLElement = HTMLElement>(selector: string): T {
		return this.querySelector<T>(selector)!;
	}

	/** Marks a statement as needing an answer, or not; the error is described only while it shows. */
	#invalid(fieldset: HTMLElement, invalid: boolean) {
		fieldset.classList.toggle('invalid', invalid);
		this.#q(`#${fieldset.id}-error`).hidden = !invalid;
		if (invalid) fieldset.setAttribute('aria-describedby', `${fieldset.id}-error`);
		else fieldset.removeAttribute('aria-describedby');
	}

	/** Shows a shared result, the reader's latest result, or the form. */
	#open() {
		const code = shareCodeFrom(location.hash);
		const errorBox = this.#q('.link-error');
		errorBox.hidden = true;
		this.#shared = undefined;
		if (code !== undefined) {
			const decoded = decodeShare(code, this.#statements.length, this.dataset.key!);
			if (decoded.ok) {
				this.#shared = Object.fromEntries(this.#statements.map((statement, index) => [statement.id, decoded.answers[index]!]));
				this.#show('shared');
				return;
			}
			this.#q('.reason').textContent = this.#s[`assessment.linkError.${decoded.error}`];
			errorBox.hidden = false;
			errorBox.focus();
		}
		const { attempts, draft } = $assessment.get();
		this.#show(attempts.length && !Object.keys(draft).length ? 'results' : 'form', false);
	}

	#show(mode: Mode, focus = true) {
		this.#mode = mode;
		const attempts = latestAttempts($assessment.get());
		this.#q('.questions').hidden = mode !== 'form';
		this.#q('[data-action="back"]').hidden = !attempts.length;
		this.#q('.results').hidden = mode === 'form';
		this.#q('.history').hidden = mode !== 'results';
		if (mode === 'shared') this.#render(this.#shared!);
		if (mode === 'results') {
			this.#viewing = Math.min(this.#viewing, attempts.length - 1);
			const attempt = attempts[this.#viewing];
			if (attempt) this.#render(attempt.answers, attempt, attempts[this.#viewing + 1]);
			this.#history(attempts);
		}
		if (focus) this.#q(mode === 'form' ? '#form-title' : '#results-title').focus();
	}

	#act(action: string, control: HTMLElement) {
		const s = this.#s;
		if (action === 'retake') this.#show('form');
		if (action === 'back') this.#show('results');
		if (action === 'print') window.print();
		if (action === 'view') {
			this.#viewing = Number(control.closest<HTMLElement>('[data-index]')!.dataset.index);
			this.#show('results');
		}
		if (action === 'clear') {
			startOver();
			this.#q<HTMLFormElement>('form').reset();
			this.#progress();
			this.#q('.cleared').textContent = s['assessment.cleared'];
		}
		if (action === 'keep' && this.#shared) {
			keepSharedAttempt(this.#shared);
			this.#q('.shared-note .status').textContent = s['assessment.sharedSaved'];
			// The button goes (it is done); focus moves on to the next step rather than to the page.
			this.#q('.shared-note a').focus();
			control.hidden = true;
		}
		if (action === 'copy') {
			const input = this.#q<HTMLInputElement>('#share-url');
			const status = this.#q('.share-link .status');
			// A missing or refused clipboard becomes a rejection: the reader is told to copy by hand.
			Promise.resolve()
				.then(() => navigator.clipboard.writeText(input.value))
				.then(
					() => (status.textContent = s['assessment.copied']),
					() => {
						status.textContent = s['assessment.copyFailed'];
						input.select();
					},
				);
		}
	}

	#progress() {
		const answered = this.#statements.length - unanswered(this.#statements, $assessment.get().draft).length;
		const text = say(this.#s, 'assessment.progress', { answered, total: this.#statements.length });
		for (const count of this.querySelectorAll('.count')) count.textContent = text;
		this.#q('.bar span').style.width = `${(100 * answered) / this.#statements.length}%`;
	}

	#submit() {
		const answers = $assessment.get().draft;
		const missing = unanswered(this.#statements, answers);
		const summary = this.#q('.error-summary');
		if (missing.length) {
			// Built only when needed (it would repeat all 18 statements in every page load's HTML).
			const items = [...this.querySelectorAll<HTMLFieldSetElement>('.statements fieldset')].flatMap((fieldset, index) => {
				const id = fieldset.id.slice('s-'.length);
				if (!missing.includes(id)) return [];
				const item = document.createElement('li');
				const link = item.appendChild(document.createElement('a'));
				link.href = `#${fieldset.id}`;
				link.textContent = say(this.#s, 'assessment.errorItem', { n: index + 1, text: fieldset.querySelector('.text')!.textContent! });
				return [item];
			});
			summary.querySelector('ul')!.replaceChildren(...items);
			for (const id of missing) this.#invalid(this.#q(`#s-${id}`), true);
			summary.hidden = false;
			summary.focus();
			return;
		}
		summary.hidden = true;
		saveAttempt(answers);
		this.#q<HTMLFormElement>('form').reset();
		this.#progress();
		this.#viewing = 0;
		this.#show('results');
	}

	/** Draws one result: chart, table, advice and share link; `previous` adds the comparison. */
	#render(answers: Answers, attempt?: Attempt, previous?: Attempt) {
		const s = this.#s;
		const shared = this.#mode === 'shared';
		const profile = scoreAnswers(this.#statements, answers);
		const comparison = compareProfiles(profile, previous && scoreAnswers(this.#statements, previous.answers));
		const compared = Boolean(previous);
		this.#q('#results-title').textContent = s[shared ? 'assessment.sharedTitle' : 'assessment.resultsTitle'];
		this.#q('.shared-note').hidden = !shared;
		this.#q('.own').hidden = shared;
		this.#q('[data-action="keep"]').hidden = false;
		this.#q('.shared-note .status').textContent = '';
		this.#q('.taken').textContent = attempt
			? say(s, 'assessment.takenOn', { date: when(attempt.takenAt) }) +
				(previous ? ` ${say(s, 'assessment.comparedWith', { date: when(previous.takenAt) })}` : '')
			: '';
		const { overall } = comparison;
		this.#q('.overall').textContent =
			say(s, 'assessment.overall', { score: overall.score ?? 0 }) +
			(overall.change === null ? '' : ` (${say(s, 'assessment.overallChange', { change: formatChange(overall.change) })})`);

		// Chart: the shapes and the values by the axis labels (the table below holds the same figures).
		this.#q('.shape.latest').setAttribute(
			'points',
			radarPoints(
				this.#frame,
				comparison.pointers.map((row) => row.score),
			),
		);
		this.#q('.shape.previous').setAttribute(
			'points',
			compared
				? radarPoints(
						this.#frame,
						comparison.pointers.map((row) => row.previous),
					)
				: '',
		);
		this.#q('.previous-key').hidden = !compared;
		const values = this.querySelectorAll('.label .value');
		comparison.pointers.forEach((row, index) => {
			const was = compared && row.previous !== null ? ` (${say(s, 'assessment.chartWas', { score: row.previous })})` : '';
			values[index]!.textContent = `${row.score ?? ''}${was}`;
		});

		// Table, including the overall row.
		for (const row of [...comparison.pointers, { pointer: 'overall', ...overall }]) {
			const tr = this.#q(`tr[data-pointer="${row.pointer}"]`);
			tr.querySelector('.score')!.textContent = String(row.score ?? '');
			tr.querySelector('.previous')!.textContent = String(row.previous ?? '');
			tr.querySelector('.change')!.textContent = formatChange(row.change);
		}
		for (const cell of this.querySelectorAll<HTMLElement>('.then')) cell.hidden = !compared;

		// Advice: the strongest pointer and the two with most room to grow, each with its lesson and a goal.
		const strongest = strongestPointer(profile);
		this.#pick('.strongest', strongest === undefined ? [] : [strongest], comparison);
		this.#pick('.grow', roomToGrow(profile), comparison);

		// Share link: only for a complete set of answers.
		const complete = unanswered(this.#statements, answers).length === 0;
		this.#q('.share-link').hidden = !complete;
		this.#q('.share-link .status').textContent = '';
		if (complete) {
			const code = encodeShare(
				this.#statements.map((statement) => answers[statement.id]!),
				this.dataset.key!,
			);
			this.#q<HTMLInputElement>('#share-url').value = `${location.origin}${location.pathname}${shareFragment(code)}`;
		}
	}

	#pick(list: string, chosen: number[], comparison: ReturnType<typeof compareProfiles>) {
		const ul = this.#q(`.picks${list}`);
		for (const li of ul.querySelectorAll<HTMLElement>('li')) li.hidden = true;
		for (const pointer of chosen) {
			const li = ul.querySelector<HTMLElement>(`li[data-pointer="${pointer}"]`)!;
			const score = comparison.pointers.find((row) => row.pointer === pointer)?.score ?? 0;
			li.querySelector('.pick-score')!.textContent = ` · ${say(this.#s, 'assessment.scoreOf', { score })}`;
			li.hidden = false;
			ul.append(li);
		}
	}

	#history(attempts: Attempt[]) {
		const s = this.#s;
		const item = this.#q<HTMLTemplateElement>('.history template').content.firstElementChild!;
		this.#q('.history ol').replaceChildren(
			...attempts.map((attempt, index) => {
				const li = item.cloneNode(true) as HTMLElement;
				const date = when(attempt.takenAt);
				const current = index === this.#viewing;
				li.dataset.index = String(index);
				li.querySelector('.when')!.textContent = say(s, 'assessment.historyItem', {
					date,
					score: scoreAnswers(this.#statements, attempt.answers).overall ?? 0,
				});
				li.querySelector('.visually-hidden')!.textContent = ` ${say(s, 'assessment.viewHidden', { date })}`;
				// The attempt on show says so; every other one has a button to show it.
				li.querySelector(current ? 'button' : '.shown')!.remove();
				if (current) li.setAttribute('aria-current', 'true');
				return li;
			}),
		);
	}
}
customElements.define('self-assessment', SelfAssessment);
