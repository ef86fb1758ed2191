/**
 * The /data/ page's island (DataManager.astro renders its markup): what the
 * course keeps on this device, in words, kept up to date; download it as one
 * JSON file; import such a file (checked by the strict schema, loaded only
 * then, and confirmed before anything is replaced); erase it all (confirmed).
 */
import { $storageScope, $storageStatus } from '../../stores/persist';
import { $assessment, $goals, $progress, $network, currentModel, eraseModel, replaceModel } from '../../stores/model';
import { toExportFile, type LearnerModel } from '../../lib/learner/model';
import { summarizeGoals } from '../../lib/goals/summary';
import { summarizeNetwork } from '../../lib/network/summary';
import { summarizeAssessment } from '../../lib/assessment/summary';
import type { Phrase } from '../../lib/learner/phrase';
import { readStrings, say, type Strings } from '../../i18n/island';
import { sayPhrase } from '../../i18n/phrase';
import type { IslandKey } from '../../i18n/islands';

/** Shows what is stored on this device, and downloads, imports or erases it. */
class DataManager extends HTMLElement {
	#strings = {} as Strings<IslandKey<'data-manager'>>;
	#pending?: LearnerModel;

	connectedCallback() {
		this.#strings = readStrings<'data-manager'>(this);
		const lessons = JSON.parse(this.dataset.lessons ?? '[]') as { slug: string; title: string }[];
		const field = (name: string) => this.querySelector<HTMLElement>(`[data-field="${name}"]`)!;
		const s = this.#strings;
		const phrases = (list: Phrase[], separator: string) => list.map((phrase) => sayPhrase(s, phrase)).join(separator) || s['data.none'];
		const render = () => {
			const learner = $progress.get();
			const done = lessons.filter((lesson) => learner.lessons[lesson.slug]);
			field('lessons').textContent = done.length ? done.map((lesson) => lesson.title).join('; ') : s['data.none'];
			const answers = Object.keys(learner.reflections).length;
			field('reflections').textContent = answers ? String(answers) : s['data.none'];
			const last = lessons.find((lesson) => lesson.slug === learner.lastVisit?.lesson);
			field('lastVisit').textContent = last ? last.title : s['data.none'];
			field('goals').textContent = phrases(summarizeGoals($goals.get()), ', ');
			field('network').textContent = phrases(summarizeNetwork($network.get()), ', ');
			field('assessment').textContent = phrases(summarizeAssessment($assessment.get()), '; ');
			field('storage').textContent =
				s[
					$storageStatus.get() !== 'unavailable'
						? 'data.storageOk'
						: $storageScope.get() === 'tab'
							? 'storage.unavailable'
							: 'storage.unavailablePage'
				];
		};
		for (const store of [$progress, $goals, $network, $assessment, $storageStatus, $storageScope]) store.listen(render);
		render();

		this.addEventListener('click', (event) => {
			const action = (event.target as HTMLElement).closest<HTMLElement>('[data-action]')?.dataset.action;
			if (action === 'download') this.#download();
			if (action === 'erase') this.#dialog('erase').showModal();
			if (action === 'erase-yes') {
				eraseModel();
				this.#close('erase', s['data.erased']);
			}
			if (action === 'import-yes' && this.#pending) {
				replaceModel(this.#pending);
				this.#close('import', s['data.imported']);
			}
			if (action === 'cancel') {
				const dialog = (event.target as HTMLElement).closest('dialog')!;
				dialog.close();
			}
		});
		// Closing the import dialog any other way (Escape, Cancel) means nothing changes.
		this.#dialog('import').addEventListener('close', () => {
			if (this.#pending) this.#report(s['data.importCancelled']);
			this.#pending = undefined;
			this.querySelector<HTMLInputElement>('#import-file')!.value = '';
		});
		this.querySelector<HTMLInputElement>('#import-file')!.addEventListener('change', (event) =>
			this.#import(event.target as HTMLInputElement),
		);
	}

	#dialog(name: string) {
		return this.querySelector<HTMLDialogElement>(`dialog[data-dialog="${name}"]`)!;
	}

	#close(name: string, message: string) {
		this.#pending = undefined;
		this.#dialog(name).close();
		this.#report(message);
	}

	#count(kind: 'lessons' | 'reflections', count: number): string {
		return say(this.#strings, `data.${kind}Count.${count === 1 ? 'one' : 'other'}`, { count });
	}

	#report(message: string) {
		this.querySelector('.result')!.textContent = message;
	}

	#download() {
		const now = new Date();
		const file = `strategic-network-course-${now.toISOString().slice(0, 10)}.json`;
		const blob = new Blob([JSON.stringify(toExportFile(currentModel(), now), null, 2)], { type: 'application/json' });
		const link = document.createElement('a');
		link.href = URL.createObjectURL(blob);
		link.download = file;
		document.body.append(link);
		link.click();
		link.remove();
		setTimeout(() => URL.revokeObjectURL(link.href), 1000);
		this.#report(say(this.#strings, 'data.downloaded', { file }));
	}

	async #import(input: HTMLInputElement) {
		const error = this.querySelector<HTMLElement>('#import-error')!;
		error.hidden = true;
		error.textContent = '';
		input.removeAttribute('aria-invalid');
		const file = input.files?.[0];
		if (!file) return;
		// The strict check loads only when a file is actually imported.
		const [{ parseImportFile }, text] = await Promise.all([import('../../lib/learner/schema'), file.text()]);
		const result = parseImportFile(text);
		if (!result.ok) {
			const s = this.#strings;
			const details = result.problems.map((problem) => `${problem.path}: ${sayPhrase(s, { key: problem.key, vars: {} })}`).join('; ');
			const message = sayPhrase(s, { key: result.error.key, vars: { ...result.error.vars, details } });
			error.textContent = say(s, 'data.importError', { message });
			error.hidden = false;
			input.setAttribute('aria-invalid', 'true');
			input.value = '';
			input.focus();
			return;
		}
		const current = $progress.get();
		this.#pending = result.model;
		this.querySelector('#import-confirm-text')!.textContent = say(this.#strings, 'data.importConfirm', {
			lessons: this.#count('lessons', Object.keys(result.model.progress.lessons).length),
			reflections: this.#count('reflections', Object.keys(result.model.progress.reflections).length),
			currentLessons: this.#count('lessons', Object.keys(current.lessons).length),
			currentReflections: this.#count('reflections', Object.keys(current.reflections).length),
		});
		this.#dialog('import').showModal();
	}
}
customElements.define('data-manager', DataManager);
