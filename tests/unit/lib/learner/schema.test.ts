import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { MAX_IMPORT_LENGTH, parseImportFile, progressSchema } from '../../../../src/lib/learner/schema';
import { emptyModel, toExportFile, type LearnerModel } from '../../../../src/lib/learner/model';
import {
	CURRENT_VERSION,
	EXPORT_APP,
	MAX_REFLECTION_LENGTH,
	emptyState,
	recordVisit,
	sanitize,
	saveReflection,
	toggleComplete,
	type ProgressState,
} from '../../../../src/lib/progress/progress';

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
		expect(result.ok, result.ok ? '' : result.message).toBe(true);
	});

	it('keeps every lesson, reflection and the last visit, lifted to the current version', () => {
		expect(result.ok && result.model.progress).toEqual({ ...stored, version: CURRENT_VERSION });
	});

	it('starts the parts version 1 did not have empty', () => {
		const { progress: _progress, ...rest } = emptyModel();
		const { progress: _imported, ...others } = result.ok ? result.model : emptyModel();
		expect(others).toEqual(rest);
	});

	it('holds what sanitize reads from the same data in storage', () => {
		expect(result.ok && result.model.progress).toEqual(sanitize(JSON.parse(fixture('learner-progress-v1.json'))).state);
	});
});

describe('parseImportFile: files it rejects', () => {
	it.each<[string, string, RegExp]>([
		['an empty file', '', /not valid JSON/],
		['text that is not JSON', 'My notes about networking', /not valid JSON/],
		['truncated JSON', exported(fullState).slice(0, 60), /not valid JSON/],
		['a JSON array', JSON.stringify([toExportFile(modelWith(fullState), now)]), /not a data export from this course/],
		['JSON null', 'null', /not a data export from this course/],
		['a bare state without the wrapper', JSON.stringify(fullState), /not a data export from this course/],
		[
			'a file without the app marker',
			JSON.stringify({ exportedAt: when, version: CURRENT_VERSION, data: modelWith(fullState) }),
			/not a data export from this course/,
		],
		['a file from another app', file(modelWith(fullState), { app: 'some-other-course' }), /not a data export from this course/],
		['a file without an export date', file(modelWith(fullState), { exportedAt: undefined }), /not a data export from this course/],
		['a file whose version is a string', file(modelWith(fullState), { version: '1' }), /not a data export from this course/],
		['a file whose version is zero', file(modelWith(fullState), { version: 0 }), /not a data export from this course/],
		['a file whose data is an array', file([modelWith(fullState)]), /not a data export from this course/],
		['a file whose data is missing', file(undefined), /not a data export from this course/],
	])('rejects %s', (_name, text, message) => {
		const result = parseImportFile(text);
		expect(result.ok, 'the file should be rejected').toBe(false);
		expect(!result.ok && result.message).toMatch(message);
	});

	it('rejects a file from a newer version, saying so and naming both versions', () => {
		const result = parseImportFile(file(modelWith(fullState), { version: CURRENT_VERSION + 1 }));
		expect(result).toEqual({
			ok: false,
			message: `This file comes from a newer version of the course (data version ${CURRENT_VERSION + 1}; this site reads up to ${CURRENT_VERSION}). Nothing was changed.`,
		});
	});

	it('rejects a file far larger than any real export, before parsing it', () => {
		const result = parseImportFile(' '.repeat(MAX_IMPORT_LENGTH + 1));
		expect(result).toEqual({ ok: false, message: 'This file is too large to be a course data export.' });
	});

	it.each<[string, Record<string, unknown>, string]>([
		[
			'a completion date that is not a date',
			{ lessons: { 'seek-linkages': { completedAt: 'last Tuesday' } } },
			'lessons.seek-linkages.completedAt',
		],
		[
			'an impossible calendar date',
			{ lessons: { 'seek-linkages': { completedAt: '2026-02-30T10:00:00Z' } } },
			'lessons.seek-linkages.completedAt',
		],
		['an unknown key in a lesson', { lessons: { 'seek-linkages': { completedAt: when, score: 10 } } }, 'lessons.seek-linkages'],
		['an unknown key in the state', { goals: {} }, 'goals'],
		['a lesson id that is not a slug', { lessons: { 'Seek Linkages': { completedAt: when } } }, 'lessons'],
		['lessons of the wrong type', { lessons: ['seek-linkages'] }, 'lessons'],
		[
			'a reflection text of the wrong type',
			{ reflections: { 'group-cause': { text: 42, updatedAt: when } } },
			'reflections.group-cause.text',
		],
		[
			'a reflection that is too long',
			{ reflections: { 'group-cause': { text: 'x'.repeat(MAX_REFLECTION_LENGTH + 1), updatedAt: when } } },
			'reflections.group-cause.text',
		],
		['a last visit without a date', { lastVisit: { lesson: 'seek-linkages' } }, 'lastVisit.at'],
		[
			'a last visit to a position that is not an id',
			{ lastVisit: { lesson: 'seek-linkages', position: 'Top!', at: when } },
			'lastVisit.position',
		],
		['missing reflections', { reflections: undefined }, 'reflections'],
	])('rejects damaged data (%s) with a message naming the field', (_name, change, field) => {
		const progress = { ...structuredClone(fullState), ...change };
		const result = parseImportFile(fileWithProgress(progress));
		expect(result.ok, 'damaged data should be rejected').toBe(false);
		const message = result.ok ? '' : result.message;
		expect(message).toMatch(/^This file is damaged or has been edited \(.+\)\. Nothing was changed\.$/);
		expect(message, 'the message should point at the damaged field').toContain(field);
	});

	it('lists at most three problems, so the message stays readable', () => {
		const lessons = Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((slug) => [slug, { completedAt: 'never' }]));
		const result = parseImportFile(fileWithProgress({ ...fullState, lessons }));
		const message = result.ok ? '' : result.message;
		expect(message.match(/completedAt/g), 'three problems named, not five').toHaveLength(3);
	});
});

/**
 * Stored data is read by the hand-written `sanitize` (every page) and imported
 * files by the zod schema (data page). A reader's data must mean the same to
 * both: what the strict schema accepts, the sanitizer keeps whole, and what
 * the sanitizer keeps whole can be exported and imported again.
 */
describe('sanitize and the import schema agree', () => {
	const samples: [string, unknown][] = [
		['an empty state', emptyState()],
		['a full state', fullState],
		[
			'a state with an offset date',
			{ version: CURRENT_VERSION, lessons: { 'seek-linkages': { completedAt: '2026-03-14T10:26:53-05:00' } }, reflections: {} },
		],
		[
			'a date without seconds',
			{ version: CURRENT_VERSION, lessons: { 'seek-linkages': { completedAt: '2026-03-14T10:26Z' } }, reflections: {} },
		],
		['February 30th', { version: CURRENT_VERSION, lessons: { 'seek-linkages': { completedAt: '2026-02-30T10:00:00Z' } }, reflections: {} }],
		[
			'February 29th in a common year',
			{ version: CURRENT_VERSION, lessons: {}, reflections: { 'group-cause': { text: 'Yes', updatedAt: '2025-02-29T10:00:00Z' } } },
		],
		[
			'hour 24',
			{ version: CURRENT_VERSION, lessons: {}, lastVisit: { lesson: 'seek-linkages', at: '2026-03-14T24:00:00Z' }, reflections: {} },
		],
		[
			'nine fractional digits',
			{ version: CURRENT_VERSION, lessons: { 'seek-linkages': { completedAt: '2026-03-14T10:26:53.123456789Z' } }, reflections: {} },
		],
		['a bad slug', { version: CURRENT_VERSION, lessons: { 'Seek-Linkages': { completedAt: when } }, reflections: {} }],
		[
			'a long reflection',
			{
				version: CURRENT_VERSION,
				lessons: {},
				reflections: { 'group-cause': { text: 'x'.repeat(MAX_REFLECTION_LENGTH + 1), updatedAt: when } },
			},
		],
		['an unknown key', { ...fullState, goals: {} }],
		['missing lessons', { version: CURRENT_VERSION, reflections: {} }],
	];

	it.each(samples)('%s: a state the schema accepts loses nothing in sanitize', (_name, sample) => {
		const imported = parseImportFile(fileWithProgress(sample));
		if (!imported.ok) return; // The schema is stricter; the next test covers the reverse.
		expect(sanitize(sample).dropped).toEqual([]);
		expect(sanitize(sample).state).toEqual(imported.model.progress);
	});

	it.each(samples)('%s: a state sanitize keeps whole can be exported and imported again', (_name, sample) => {
		const { state, dropped } = sanitize(structuredClone(sample));
		if (dropped.length) return; // Dropped parts never reach an export.
		const reimported = parseImportFile(exported(state));
		expect(reimported, 'the reader could download this data but not import it back').toEqual({ ok: true, model: modelWith(state) });
	});

	it('the progress schema accepts exactly the current version', () => {
		expect(progressSchema.safeParse(emptyState()).success).toBe(true);
		expect(progressSchema.safeParse({ ...emptyState(), version: CURRENT_VERSION + 1 }).success).toBe(false);
	});
});
