import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION } from '../../../../src/lib/learner/stored-part';
import {
	MAX_REFLECTION_LENGTH,
	completedCount,
	progressPart,
	recordVisit,
	saveReflection,
	toggleComplete,
	type ProgressState,
} from '../../../../src/lib/progress/progress';
import { continueTarget, type ContinueTarget } from '../../../../src/lib/progress/continue';

const sanitize = (raw: unknown) => progressPart.read(raw);
const decode = (json: string | null | undefined) => progressPart.decode(json);
const emptyState = () => progressPart.empty();

/** The course's six lesson slugs, in order. */
const slugs = [
	'accept-invitations',
	'focus-on-benefits',
	'seek-linkages',
	'take-the-leap',
	'join-a-diverse-group',
	'take-a-bold-lead',
] as const;

const when = '2026-03-14T09:26:53.589Z';
const later = '2026-03-15T10:00:00.000Z';
const now = new Date(later);

/** Progress as version 1 of the site stored it in localStorage (read from a fixture, so it never changes). */
const versionOneProgress = (): Record<string, unknown> =>
	JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../fixtures/learner-progress-v1.json'), 'utf8'));

/** A state built from parts, on top of an empty one. */
const stateWith = (parts: Partial<ProgressState> = {}): ProgressState => ({ ...emptyState(), ...parts });

/** Completed-lesson records for the given slugs. */
const done = (...names: string[]) => Object.fromEntries(names.map((name) => [name, { completedAt: when }]));

/** A full, valid state as storage would hold it. */
const validState: ProgressState = {
	version: CURRENT_VERSION,
	lessons: done('accept-invitations', 'seek-linkages'),
	lastVisit: { lesson: 'take-the-leap', position: 'from-the-post', at: when },
	reflections: { 'invitations-filters': { text: 'Only ones that help both sides.', updatedAt: when } },
};

describe('emptyState', () => {
	it('holds the current version and nothing else', () => {
		expect(emptyState()).toEqual({ version: CURRENT_VERSION, lessons: {}, reflections: {} });
	});

	it('returns a new object each time, so no caller can change another’s', () => {
		expect(emptyState()).not.toBe(emptyState());
	});
});

describe('progressPart.read', () => {
	it('keeps a fully valid state unchanged and drops nothing', () => {
		expect(sanitize(structuredClone(validState))).toEqual({ state: validState, dropped: [] });
	});

	it('keeps a valid state without the optional last visit', () => {
		const { lastVisit: _omitted, ...rest } = validState;
		expect(sanitize(rest)).toEqual({ state: rest, dropped: [] });
	});

	it('keeps a last visit without a position', () => {
		const state = stateWith({ lastVisit: { lesson: 'seek-linkages', at: when } });
		expect(sanitize(state)).toEqual({ state, dropped: [] });
	});

	it.each<[string, unknown]>([
		['undefined', undefined],
		['null', null],
	])('treats %s (nothing stored) as a first visit, with no notice', (_name, raw) => {
		expect(sanitize(raw)).toEqual({ state: emptyState(), dropped: [] });
	});

	it.each<[string, unknown]>([
		['a string', 'lessons'],
		['a number', 42],
		['a boolean', true],
		['an array', [validState]],
		['an empty array', []],
		['an object without a version', { lessons: done('seek-linkages'), reflections: {} }],
		['a version that is a string', { ...validState, version: '1' }],
		['version 0', { ...validState, version: 0 }],
		['a fractional version', { ...validState, version: 1.5 }],
		['a version newer than this code', { ...validState, version: CURRENT_VERSION + 1 }],
	])('starts afresh from %s and reports everything as unreadable', (_name, raw) => {
		expect(sanitize(raw)).toEqual({ state: emptyState(), dropped: ['all saved progress (unreadable)'] });
	});

	it.each<[string, Record<string, unknown>, Partial<ProgressState>, string[]]>([
		[
			'a lesson whose completion date is not a date',
			{ lessons: { ...done('seek-linkages'), 'take-the-leap': { completedAt: 'yesterday' } } },
			{ lessons: done('seek-linkages') },
			['progress for lesson “take-the-leap”'],
		],
		[
			'a lesson whose completion date is an impossible instant',
			{ lessons: { ...done('seek-linkages'), 'take-the-leap': { completedAt: '2026-13-45T99:00:00Z' } } },
			{ lessons: done('seek-linkages') },
			['progress for lesson “take-the-leap”'],
		],
		[
			'a lesson whose completion date is a timestamp number',
			{ lessons: { 'take-the-leap': { completedAt: 1_700_000_000_000 } } },
			{},
			['progress for lesson “take-the-leap”'],
		],
		[
			'a lesson recorded as true instead of an object',
			{ lessons: { ...done('seek-linkages'), 'take-the-leap': true } },
			{ lessons: done('seek-linkages') },
			['progress for lesson “take-the-leap”'],
		],
		[
			'a lesson keyed by something that is not a slug',
			{ lessons: { ...done('seek-linkages'), 'Take The Leap!': { completedAt: when } } },
			{ lessons: done('seek-linkages') },
			['progress for lesson “Take The Leap!”'],
		],
		[
			'lessons that are an array',
			{ lessons: ['seek-linkages'], reflections: validState.reflections },
			{ reflections: validState.reflections },
			['lesson progress'],
		],
		[
			'reflections that are a string',
			{ lessons: done('seek-linkages'), reflections: 'my answers' },
			{ lessons: done('seek-linkages') },
			['reflection answers'],
		],
		[
			'a reflection whose text is a number',
			{ reflections: { ...validState.reflections, 'linkages-giving-up': { text: 42, updatedAt: when } } },
			{ reflections: validState.reflections },
			['reflection answer “linkages-giving-up”'],
		],
		[
			'a reflection longer than the limit',
			{
				reflections: { ...validState.reflections, 'linkages-giving-up': { text: 'x'.repeat(MAX_REFLECTION_LENGTH + 1), updatedAt: when } },
			},
			{ reflections: validState.reflections },
			['reflection answer “linkages-giving-up”'],
		],
		[
			'a reflection with a bad date',
			{ reflections: { ...validState.reflections, 'linkages-giving-up': { text: 'Keep going.', updatedAt: '14/03/2026' } } },
			{ reflections: validState.reflections },
			['reflection answer “linkages-giving-up”'],
		],
		[
			'a last visit to a lesson id that is not a slug',
			{ lessons: done('seek-linkages'), lastVisit: { lesson: '../etc/passwd', at: when } },
			{ lessons: done('seek-linkages') },
			['the last lesson visited'],
		],
		[
			'a last visit with a position that is not an id',
			{ lastVisit: { lesson: 'seek-linkages', position: '<script>', at: when } },
			{},
			['the last lesson visited'],
		],
		['a last visit without a date', { lastVisit: { lesson: 'seek-linkages' } }, {}, ['the last lesson visited']],
		['a last visit that is a string', { lastVisit: 'seek-linkages' }, {}, ['the last lesson visited']],
		[
			'one bad part of each kind',
			{
				lessons: { ...done('seek-linkages'), 'take-the-leap': {} },
				reflections: { ...validState.reflections, 'group-cause': null },
				lastVisit: { lesson: 'seek-linkages', at: 'soon' },
			},
			{ lessons: done('seek-linkages'), reflections: validState.reflections },
			['progress for lesson “take-the-leap”', 'reflection answer “group-cause”', 'the last lesson visited'],
		],
	])('drops %s, keeps the rest and names what it dropped', (_name, parts, kept, dropped) => {
		expect(sanitize({ version: CURRENT_VERSION, ...parts })).toEqual({ state: stateWith(kept), dropped });
	});

	it('shortens very long invalid keys when naming them', () => {
		const key = `Bad Key ${'x'.repeat(200)}`;
		const { dropped } = sanitize({ version: CURRENT_VERSION, lessons: { [key]: { completedAt: when } } });
		expect(dropped, 'the name should quote only the first 40 characters').toEqual([`progress for lesson “${key.slice(0, 40)}”`]);
	});

	it('ignores unknown keys, at the top and inside entries, without reporting them', () => {
		const raw = {
			...structuredClone(validState),
			goals: { 'bold-initiate-three': { due: '2026-04-01' } },
			lessons: { 'seek-linkages': { completedAt: when, score: 3 } },
		};
		expect(sanitize(raw)).toEqual({
			state: { ...validState, lessons: done('seek-linkages') },
			dropped: [],
		});
	});

	it('treats missing lessons and reflections as empty, without a notice', () => {
		expect(sanitize({ version: CURRENT_VERSION })).toEqual({ state: emptyState(), dropped: [] });
	});

	it('keeps a reflection of exactly the maximum length', () => {
		const text = 'x'.repeat(MAX_REFLECTION_LENGTH);
		const raw = stateWith({ reflections: { 'group-cause': { text, updatedAt: when } } });
		expect(sanitize(raw).dropped).toEqual([]);
	});

	it.each([
		['UTC with milliseconds', '2026-03-14T09:26:53.589Z'],
		['UTC without milliseconds', '2026-03-14T09:26:53Z'],
		['a positive offset', '2026-03-14T10:26:53+01:00'],
		['a negative offset', '2026-03-14T04:26:53-05:00'],
	])('accepts a completion date in %s', (_name, completedAt) => {
		expect(sanitize({ version: CURRENT_VERSION, lessons: { 'seek-linkages': { completedAt } } }).dropped).toEqual([]);
	});

	it.each([
		['a date without a time', '2026-03-14'],
		['a space instead of T', '2026-03-14 09:26:53Z'],
		['no time zone', '2026-03-14T09:26:53'],
		['an offset without a colon', '2026-03-14T09:26:53+0100'],
		['an empty string', ''],
		['a month 13', '2026-13-01T00:00:00Z'],
	])('rejects a completion date with %s', (_name, completedAt) => {
		expect(sanitize({ version: CURRENT_VERSION, lessons: { 'seek-linkages': { completedAt } } }).dropped).toEqual([
			'progress for lesson “seek-linkages”',
		]);
	});

	it('does not change the object it was given', () => {
		const raw = { version: CURRENT_VERSION, lessons: { 'seek-linkages': { completedAt: when }, bad: 1 }, reflections: {} };
		const copy = structuredClone(raw);
		sanitize(raw);
		expect(raw).toEqual(copy);
	});
});

describe('progressPart.decode', () => {
	it('reads a valid stored JSON string', () => {
		expect(decode(JSON.stringify(validState))).toEqual({ state: validState, dropped: [] });
	});

	it.each<[string, string | null | undefined]>([
		['undefined', undefined],
		['null', null],
		['an empty string', ''],
	])('treats %s as nothing stored', (_name, json) => {
		expect(decode(json)).toEqual({ state: emptyState(), dropped: [] });
	});

	it.each([
		['truncated JSON', '{"version":1,"lessons":{"seek-link'],
		['a bare word', 'undefined'],
		['single-quoted JSON', "{'version':1}"],
		['JSON with a trailing comma', '{"version":1,"lessons":{},}'],
	])('starts afresh from %s and reports it as unreadable', (_name, json) => {
		expect(decode(json)).toEqual({ state: emptyState(), dropped: ['all saved progress (unreadable)'] });
	});

	it('salvages the valid parts of well-formed JSON with invalid entries', () => {
		const json = JSON.stringify({
			version: CURRENT_VERSION,
			lessons: { ...done('seek-linkages'), 'take-the-leap': 'yes' },
			reflections: {},
		});
		expect(decode(json)).toEqual({
			state: stateWith({ lessons: done('seek-linkages') }),
			dropped: ['progress for lesson “take-the-leap”'],
		});
	});

	it('reads JSON null as nothing stored', () => {
		expect(decode('null')).toEqual({ state: emptyState(), dropped: [] });
	});
});

describe('progress stored by version 1 of the site', () => {
	it('is read at the current version, whole', () => {
		const stored = versionOneProgress();
		const { version: _version, ...content } = stored;
		expect(sanitize(stored)).toEqual({ state: { ...content, version: CURRENT_VERSION }, dropped: [] });
	});
});

describe('toggleComplete', () => {
	it('marks an unfinished lesson complete, dated now', () => {
		expect(toggleComplete(emptyState(), 'seek-linkages', now).lessons).toEqual({ 'seek-linkages': { completedAt: later } });
	});

	it('marks a completed lesson not complete again', () => {
		expect(toggleComplete(stateWith({ lessons: done('seek-linkages') }), 'seek-linkages', now).lessons).toEqual({});
	});

	it('returns to the starting state when toggled twice', () => {
		const start = stateWith({ lessons: done('accept-invitations') });
		const twice = toggleComplete(toggleComplete(start, 'seek-linkages', now), 'seek-linkages', now);
		expect(twice).toEqual(start);
	});

	it('leaves other lessons, reflections and the last visit alone', () => {
		const next = toggleComplete(validState, 'take-the-leap', now);
		expect(next).toEqual({ ...validState, lessons: { ...validState.lessons, 'take-the-leap': { completedAt: later } } });
	});

	it('never changes the state it was given', () => {
		const state = structuredClone(validState);
		toggleComplete(state, 'take-the-leap', now);
		toggleComplete(state, 'seek-linkages', now);
		expect(state).toEqual(validState);
	});

	it('produces a state that sanitize keeps whole', () => {
		expect(sanitize(toggleComplete(validState, 'take-the-leap', now)).dropped).toEqual([]);
	});
});

describe('recordVisit', () => {
	it.each<[string, string | undefined, ProgressState['lastVisit']]>([
		['records the lesson and its position', 'from-the-post', { lesson: 'seek-linkages', position: 'from-the-post', at: later }],
		['records the lesson alone when there is no position', undefined, { lesson: 'seek-linkages', at: later }],
		['ignores an empty position', '', { lesson: 'seek-linkages', at: later }],
		['ignores a position that is not a heading id', 'From The Post!', { lesson: 'seek-linkages', at: later }],
		['ignores a position with a hash', '#from-the-post', { lesson: 'seek-linkages', at: later }],
	])('%s', (_name, position, lastVisit) => {
		expect(recordVisit(emptyState(), 'seek-linkages', position, now).lastVisit).toEqual(lastVisit);
	});

	it('replaces the previous visit and keeps everything else', () => {
		const next = recordVisit(validState, 'join-a-diverse-group', undefined, now);
		expect(next).toEqual({ ...validState, lastVisit: { lesson: 'join-a-diverse-group', at: later } });
		expect(validState.lastVisit?.lesson, 'the given state is unchanged').toBe('take-the-leap');
	});
});

describe('saveReflection', () => {
	it('saves an answer dated now', () => {
		expect(saveReflection(emptyState(), 'group-cause', 'Climate.', now).reflections).toEqual({
			'group-cause': { text: 'Climate.', updatedAt: later },
		});
	});

	it('replaces an earlier answer to the same prompt', () => {
		const next = saveReflection(validState, 'invitations-filters', 'Changed my mind.', now);
		expect(next.reflections['invitations-filters']).toEqual({ text: 'Changed my mind.', updatedAt: later });
	});

	it('keeps the text exactly as typed, spaces and line breaks included', () => {
		const text = '  First line\n\n  second line  ';
		expect(saveReflection(emptyState(), 'group-cause', text, now).reflections['group-cause']?.text).toBe(text);
	});

	it.each([
		['empty', ''],
		['only spaces', '   '],
		['only line breaks and tabs', '\n\t\n'],
	])('removes the answer when the text is %s', (_name, text) => {
		const next = saveReflection(validState, 'invitations-filters', text, now);
		expect(next.reflections).toEqual({});
	});

	it('cuts an over-long answer to the maximum length', () => {
		const text = 'a'.repeat(MAX_REFLECTION_LENGTH + 50);
		const saved = saveReflection(emptyState(), 'group-cause', text, now).reflections['group-cause']!;
		expect(saved.text).toHaveLength(MAX_REFLECTION_LENGTH);
		expect(sanitize(stateWith({ reflections: { 'group-cause': saved } })).dropped, 'the cut answer should survive the next read').toEqual(
			[],
		);
	});

	it('never changes the state it was given', () => {
		const state = structuredClone(validState);
		saveReflection(state, 'invitations-filters', '', now);
		saveReflection(state, 'group-cause', 'New', now);
		expect(state).toEqual(validState);
	});
});

describe('completedCount', () => {
	it.each<[string, Record<string, { completedAt: string }>, number]>([
		['counts nothing for a new reader', {}, 0],
		['counts the completed course lessons', done('accept-invitations', 'take-the-leap'), 2],
		['counts all six', done(...slugs), 6],
		['ignores completed slugs that are not in the course', done('seek-linkages', 'retired-lesson'), 1],
	])('%s', (_name, lessons, count) => {
		expect(completedCount(stateWith({ lessons }), slugs)).toBe(count);
	});
});

describe('continueTarget', () => {
	const visit = (lesson: string, position?: string) => ({ lesson, at: when, ...(position ? { position } : {}) });

	it.each<[string, Partial<ProgressState>, ContinueTarget]>([
		['sends a first-time reader to the start of lesson 1', {}, { kind: 'start', index: 0 }],
		['sends a reader who only visited a lesson back to that lesson', { lastVisit: visit('seek-linkages') }, { kind: 'continue', index: 2 }],
		[
			'resumes the unfinished lesson last visited, at its position',
			{ lessons: done('accept-invitations'), lastVisit: visit('take-the-leap', 'from-the-post') },
			{ kind: 'continue', index: 3, position: 'from-the-post' },
		],
		[
			'resumes the unfinished lesson last visited, from its top when there is no position',
			{ lessons: done('accept-invitations'), lastVisit: visit('take-the-leap') },
			{ kind: 'continue', index: 3 },
		],
		[
			'moves on to the first unfinished lesson when the one last visited is complete',
			{ lessons: done('accept-invitations', 'seek-linkages'), lastVisit: visit('seek-linkages', 'in-practice') },
			{ kind: 'continue', index: 1 },
		],
		[
			'goes to the first unfinished lesson when there is no last visit',
			{ lessons: done('accept-invitations', 'focus-on-benefits') },
			{ kind: 'continue', index: 2 },
		],
		[
			'finds a gap left early in the course',
			{ lessons: done('accept-invitations', 'seek-linkages', 'take-the-leap', 'join-a-diverse-group', 'take-a-bold-lead') },
			{ kind: 'continue', index: 1 },
		],
		[
			'offers a review when all six are complete',
			{ lessons: done(...slugs), lastVisit: visit('seek-linkages', 'in-practice') },
			{ kind: 'review', index: 0 },
		],
		[
			'ignores a last visit to a lesson no longer in the course, for a new reader',
			{ lastVisit: visit('retired-lesson', 'intro') },
			{ kind: 'start', index: 0 },
		],
		[
			'ignores a last visit to a lesson no longer in the course, for a returning reader',
			{ lessons: done('accept-invitations'), lastVisit: visit('retired-lesson', 'intro') },
			{ kind: 'continue', index: 1 },
		],
		[
			'treats completions of lessons no longer in the course as not started',
			{ lessons: done('retired-lesson') },
			{ kind: 'start', index: 0 },
		],
	])('%s', (_name, parts, target) => {
		expect(continueTarget(stateWith(parts), slugs)).toEqual(target);
	});
});
