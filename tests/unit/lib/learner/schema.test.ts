import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { MAX_IMPORT_LENGTH, parseImportFile, type ImportResult } from '../../../../src/lib/learner/schema';
import { EXPORT_APP, emptyModel, toExportFile, type LearnerModel } from '../../../../src/lib/learner/model';
import { CURRENT_VERSION } from '../../../../src/lib/learner/stored-part';
import {
	MAX_REFLECTION_LENGTH,
	progressPart,
	recordVisit,
	saveReflection,
	toggleComplete,
	type ProgressState,
} from '../../../../src/lib/progress/progress';

const emptyState = () => progressPart.empty();

/** Why a file was refused: the catalog key of its message, and each problem as `path: key`. */
function refusal(result: ImportResult): { key: string; problems: string[] } {
	if (result.ok) return { key: 'accepted', problems: [] };
	return { key: result.error.key, problems: result.problems.map((problem) => `${problem.path}: ${problem.key}`) };
}

const when = '2026-03-14T09:26:53.589Z';
const now = new Date(when);

/** A state with something of every kind, built by the reducers as the site builds it. */
const fullState: ProgressState = saveReflection(
	recordVisit(
		toggleComplete(toggleComplete(emptyState(), 'accept-invitations', now), 'seek-linkages', now),
		'take-the-leap',
		'from-the-post',
		now,
	),
	'invitations-filters',
	'Only ones that help both sides.\nAnd that I can afford.',
	now,
);

/** The whole model with this progress and every other part empty. */
const modelWith = (progress: ProgressState): LearnerModel => ({ ...emptyModel(), progress });

/** The text of an export file holding this progress, as the data page downloads it. */
const exported = (state: ProgressState) => JSON.stringify(toExportFile(modelWith(state), now), null, 2);

/** The text of a file with the given top-level fields and (whole-model) data. */
const file = (data: unknown, fields: Record<string, unknown> = {}) =>
	JSON.stringify({ app: EXPORT_APP, exportedAt: when, version: CURRENT_VERSION, data, ...fields });

/** The text of a file whose progress part is `progress`, the other parts empty. */
const fileWithProgress = (progress: unknown, fields: Record<string, unknown> = {}) => file({ ...emptyModel(), progress }, fields);

/** A fixture file from the tests/fixtures folder, as text. */
const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../../../fixtures', name), 'utf8');

describe('parseImportFile: files the site exported', () => {
	it.each<[string, ProgressState]>([
		['an empty state', emptyState()],
		['a state with lessons, a visit and a reflection', fullState],
		['a visit without a position', recordVisit(emptyState(), 'seek-linkages', undefined, now)],
		['a reflection of the maximum length', saveReflection(emptyState(), 'group-cause', 'x'.repeat(MAX_REFLECTION_LENGTH), now)],
		[
			'all six lessons complete',
			['accept-invitations', 'focus-on-benefits', 'seek-linkages', 'take-the-leap', 'join-a-diverse-group', 'take-a-bold-lead'].reduce(
				(state, slug) => toggleComplete(state, slug, now),
				emptyState(),
			),
		],
	])('round-trips %s exactly', (_name, state) => {
		expect(parseImportFile(exported(state))).toEqual({ ok: true, model: modelWith(state) });
	});

	it('accepts a file saved without pretty-printing', () => {
		expect(parseImportFile(JSON.stringify(toExportFile(modelWith(fullState), now)))).toEqual({ ok: true, model: modelWith(fullState) });
	});

	it('accepts a file with a trailing newline, as editors save it', () => {
		expect(parseImportFile(`${exported(fullState)}\n`)).toEqual({ ok: true, model: modelWith(fullState) });
	});

	it('accepts dates with a time-zone offset', () => {
		const progress = {
			version: CURRENT_VERSION,
			lessons: { 'seek-linkages': { completedAt: '2026-03-14T10:26:53+01:00' } },
			reflections: {},
		};
		expect(parseImportFile(fileWithProgress(progress))).toEqual({ ok: true, model: modelWith(progress as ProgressState) });
	});

	it('wraps the model with the app marker, the data version and the export date', () => {
		expect(toExportFile(modelWith(fullState), now)).toEqual({
			app: EXPORT_APP,
			exportedAt: when,
			version: CURRENT_VERSION,
			data: modelWith(fullState),
		});
	});
});

describe('parseImportFile: a file exported by version 1 of the site', () => {
	const result = parseImportFile(fixture('learner-export-v1.json'));
	const stored = JSON.parse(fixture('learner-export-v1.json')).data;

	it('is accepted', () => {
		expect(refusal(result)).toEqual({ key: 'accepted', problems: [] });
	});

	it('keeps every lesson, reflection and the last visit, lifted to the current version', () => {
		expect(result.ok && result.model.progress).toEqual({ ...stored, version: CURRENT_VERSION });
	});

	it('starts the parts version 1 did not have empty', () => {
		const { progress: _progress, ...rest } = emptyModel();
		const { progress: _imported, ...others } = result.ok ? result.model : emptyModel();
		expect(others).toEqual(rest);
	});

	it('holds what the progress reader reads from the same data in storage', () => {
		expect(result.ok && result.model.progress).toEqual(progressPart.read(JSON.parse(fixture('learner-progress-v1.json'))).state);
	});
});

describe('parseImportFile: files it rejects', () => {
	it.each<[string, string, string]>([
		['an empty file', '', 'data.import.notJson'],
		['text that is not JSON', 'My notes about networking', 'data.import.notJson'],
		['truncated JSON', exported(fullState).slice(0, 60), 'data.import.notJson'],
		['a JSON array', JSON.stringify([toExportFile(modelWith(fullState), now)]), 'data.import.notExport'],
		['JSON null', 'null', 'data.import.notExport'],
		['a bare state without the wrapper', JSON.stringify(fullState), 'data.import.notExport'],
		[
			'a file without the app marker',
			JSON.stringify({ exportedAt: when, version: CURRENT_VERSION, data: modelWith(fullState) }),
			'data.import.notExport',
		],
		['a file from another app', file(modelWith(fullState), { app: 'some-other-course' }), 'data.import.notExport'],
		['a file without an export date', file(modelWith(fullState), { exportedAt: undefined }), 'data.import.notExport'],
		['a file whose version is a string', file(modelWith(fullState), { version: '1' }), 'data.import.notExport'],
		['a file whose version is zero', file(modelWith(fullState), { version: 0 }), 'data.import.notExport'],
		['a file whose data is an array', file([modelWith(fullState)]), 'data.import.notExport'],
		['a file whose data is missing', file(undefined), 'data.import.notExport'],
	])('rejects %s, saying why', (_name, text, key) => {
		expect(refusal(parseImportFile(text))).toEqual({ key, problems: [] });
	});

	it('rejects a file from a newer version, naming both versions', () => {
		const result = parseImportFile(file(modelWith(fullState), { version: CURRENT_VERSION + 1 }));
		expect(result).toEqual({
			ok: false,
			error: { key: 'data.import.newer', vars: { version: CURRENT_VERSION + 1, current: CURRENT_VERSION } },
			problems: [],
		});
	});

	it('rejects a file far larger than any real export, before parsing it', () => {
		expect(refusal(parseImportFile(' '.repeat(MAX_IMPORT_LENGTH + 1)))).toEqual({ key: 'data.import.tooLarge', problems: [] });
	});

	it.each<[string, Record<string, unknown>, string]>([
		[
			'a completion date that is not a date',
			{ lessons: { 'seek-linkages': { completedAt: 'last Tuesday' } } },
			'progress.lessons.seek-linkages.completedAt: data.import.issue.dateTime',
		],
		[
			'an impossible calendar date',
			{ lessons: { 'seek-linkages': { completedAt: '2026-02-30T10:00:00Z' } } },
			'progress.lessons.seek-linkages.completedAt: data.import.issue.dateTime',
		],
		[
			'an unknown key in a lesson',
			{ lessons: { 'seek-linkages': { completedAt: when, score: 10 } } },
			'progress.lessons.seek-linkages.score: data.import.issue.unknown',
		],
		['an unknown key in the state', { goals: {} }, 'progress.goals: data.import.issue.unknown'],
		[
			'a lesson id that is not a slug',
			{ lessons: { 'Seek Linkages': { completedAt: when } } },
			'progress.lessons.Seek Linkages: data.import.issue.id',
		],
		['lessons of the wrong type', { lessons: ['seek-linkages'] }, 'progress.lessons: data.import.issue.type'],
		[
			'a reflection text of the wrong type',
			{ reflections: { 'group-cause': { text: 42, updatedAt: when } } },
			'progress.reflections.group-cause.text: data.import.issue.text',
		],
		[
			'a reflection that is too long',
			{ reflections: { 'group-cause': { text: 'x'.repeat(MAX_REFLECTION_LENGTH + 1), updatedAt: when } } },
			'progress.reflections.group-cause.text: data.import.issue.text',
		],
		['a last visit without a date', { lastVisit: { lesson: 'seek-linkages' } }, 'progress.lastVisit.at: data.import.issue.missing'],
		[
			'a last visit to a position that is not an id',
			{ lastVisit: { lesson: 'seek-linkages', position: 'Top!', at: when } },
			'progress.lastVisit.position: data.import.issue.id',
		],
		['missing reflections', { reflections: undefined }, 'progress.reflections: data.import.issue.missing'],
		['another version of the part', { version: 1 }, 'progress.version: data.import.issue.version'],
	])('rejects damaged data (%s), naming the field and the problem', (_name, change, problem) => {
		const progress = { ...structuredClone(fullState), ...change };
		expect(refusal(parseImportFile(fileWithProgress(progress)))).toEqual({ key: 'data.import.damaged', problems: [problem] });
	});

	it('lists at most three problems, so the message stays readable', () => {
		const lessons = Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((slug) => [slug, { completedAt: 'never' }]));
		const result = refusal(parseImportFile(fileWithProgress({ ...fullState, lessons })));
		expect(result.problems, 'three problems named, not five').toEqual([
			'progress.lessons.a.completedAt: data.import.issue.dateTime',
			'progress.lessons.b.completedAt: data.import.issue.dateTime',
			'progress.lessons.c.completedAt: data.import.issue.dateTime',
		]);
	});

	it('rejects a file missing a whole part', () => {
		const { goals: _goals, ...rest } = modelWith(fullState);
		expect(refusal(parseImportFile(file(rest)))).toEqual({ key: 'data.import.damaged', problems: ['goals: data.import.issue.missing'] });
	});
});

describe('parseImportFile: what an import holds', () => {
	it('is exactly what the next page load reads back from storage', () => {
		const result = parseImportFile(exported(fullState));
		expect(result.ok && progressPart.read(JSON.parse(JSON.stringify(result.model.progress)))).toEqual({ state: fullState, dropped: [] });
	});
});
