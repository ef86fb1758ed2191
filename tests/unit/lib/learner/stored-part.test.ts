import { describe, expect, it } from 'vitest';
import { dateTime, object, slug } from '../../../../src/lib/learner/shape';
import { CURRENT_VERSION, definePart, listOf, migrate, recordOf, valueOf, type Migration } from '../../../../src/lib/learner/stored-part';

const when = '2026-03-14T09:26:53.589Z';

/** A small part with one field of each kind: a list with unique ids, a map and a single value. */
const part = definePart('all test data', {
	items: listOf(
		object({ id: slug(), at: dateTime }),
		{ all: 'the items', item: (_raw, key) => `item #${Number(key) + 1}` },
		{ uniqueIds: true },
	),
	notes: recordOf(slug(), object({ at: dateTime }), { all: 'the notes', item: (_raw, key) => `note ${key}` }),
	pinned: valueOf(slug(), 'the pinned item'),
});

describe('definePart: the lenient reader', () => {
	it('starts empty: collections empty, single values absent', () => {
		expect(part.empty()).toEqual({ version: CURRENT_VERSION, items: [], notes: {} });
	});

	it('keeps valid data whole and drops nothing', () => {
		const data = { version: CURRENT_VERSION, items: [{ id: 'a', at: when }], notes: { n: { at: when } }, pinned: 'a' };
		expect(part.read(structuredClone(data))).toEqual({ state: data, dropped: [] });
	});

	it('drops each invalid item, names it, and keeps the others in order', () => {
		const raw = {
			version: CURRENT_VERSION,
			items: [
				{ id: 'a', at: when },
				{ id: 'B', at: when },
				{ id: 'c', at: when },
			],
			notes: { n: { at: 'soon' }, m: { at: when }, 'Not A Key': { at: when } },
			pinned: 'Not a slug',
		};
		expect(part.read(raw)).toEqual({
			state: {
				version: CURRENT_VERSION,
				items: [
					{ id: 'a', at: when },
					{ id: 'c', at: when },
				],
				notes: { m: { at: when } },
			},
			dropped: ['item #2', 'note n', 'note Not A Key', 'the pinned item'],
		});
	});

	it('keeps the first of two items with one id and names the copy', () => {
		const raw = {
			version: CURRENT_VERSION,
			items: [
				{ id: 'a', at: when },
				{ id: 'a', at: when },
			],
		};
		expect(part.read(raw)).toEqual({ state: { ...part.empty(), items: [{ id: 'a', at: when }] }, dropped: ['item #2'] });
	});

	it('names a collection of the wrong type as a whole, and reads missing fields as empty without a notice', () => {
		expect(part.read({ version: CURRENT_VERSION, items: {}, notes: [] })).toEqual({
			state: part.empty(),
			dropped: ['the items', 'the notes'],
		});
		expect(part.read({ version: CURRENT_VERSION })).toEqual({ state: part.empty(), dropped: [] });
	});

	it('leaves out unknown fields, at the top and inside items, without a notice', () => {
		const raw = { version: CURRENT_VERSION, items: [{ id: 'a', at: when, colour: 'red' }], extra: 1 };
		expect(part.read(raw)).toEqual({ state: { ...part.empty(), items: [{ id: 'a', at: when }] }, dropped: [] });
	});

	it.each<[string, unknown]>([
		['a string', 'items'],
		['an array', []],
		['no version', { items: [] }],
		['version 0', { version: 0 }],
		['a fractional version', { version: 1.5 }],
		['a newer version', { version: CURRENT_VERSION + 1, items: [] }],
	])('cannot read %s at all, and says so', (_name, raw) => {
		expect(part.read(raw)).toEqual({ state: part.empty(), dropped: ['all test data (unreadable)'] });
	});

	it('reads nothing stored as the empty part, with no notice', () => {
		expect(part.read(undefined)).toEqual({ state: part.empty(), dropped: [] });
		expect(part.read(null)).toEqual({ state: part.empty(), dropped: [] });
		expect(part.decode(null)).toEqual({ state: part.empty(), dropped: [] });
		expect(part.decode('')).toEqual({ state: part.empty(), dropped: [] });
	});

	it('decodes stored JSON, and names text that is not JSON as unreadable', () => {
		expect(part.decode(JSON.stringify({ version: CURRENT_VERSION, pinned: 'a' }))).toEqual({
			state: { ...part.empty(), pinned: 'a' },
			dropped: [],
		});
		expect(part.decode('{"version":2,')).toEqual({ state: part.empty(), dropped: ['all test data (unreadable)'] });
	});

	it('lifts older data through the part’s own steps before reading it', () => {
		const renamed = definePart(
			'renamed',
			{ pinned: valueOf(slug(), 'the pinned item') },
			{ migrations: { 1: (data) => ({ pinned: data.pin }) } },
		);
		expect(renamed.read({ version: 1, pin: 'a' })).toEqual({ state: { version: CURRENT_VERSION, pinned: 'a' }, dropped: [] });
	});

	it('cannot read data a step fails on, and says so instead of throwing', () => {
		const failing = definePart(
			'fragile',
			{},
			{
				migrations: {
					1: () => {
						throw new Error('damaged');
					},
				},
			},
		);
		expect(failing.read({ version: 1 })).toEqual({ state: { version: CURRENT_VERSION }, dropped: ['fragile (unreadable)'] });
	});

	it('never changes what it was given', () => {
		const raw = { version: CURRENT_VERSION, items: [{ id: 'a', at: when, colour: 'red' }, 'junk'] };
		const copy = structuredClone(raw);
		part.read(raw);
		expect(raw).toEqual(copy);
	});
});

describe('migrate', () => {
	/** Fake steps for a code base at version 3: each records that it ran. */
	const steps: Record<number, Migration> = {
		1: (data) => ({ ...data, steps: [...((data.steps as string[]) ?? []), '1→2'] }),
		2: (data) => ({ ...data, steps: [...((data.steps as string[]) ?? []), '2→3'], renamed: data.lessons, lessons: undefined }),
	};

	it('returns current-version data as it is', () => {
		expect(migrate({ version: CURRENT_VERSION, a: 1 }, steps, CURRENT_VERSION)).toEqual({ version: CURRENT_VERSION, a: 1 });
	});

	it('lifts version 1 through every step, in order, to the target version', () => {
		expect(migrate({ version: 1, lessons: { a: 1 } }, steps, 3)).toEqual({
			version: 3,
			steps: ['1→2', '2→3'],
			renamed: { a: 1 },
			lessons: undefined,
		});
	});

	it('starts from the data’s own version, skipping earlier steps', () => {
		expect(migrate({ version: 2, lessons: {} }, steps, 3)).toMatchObject({ version: 3, steps: ['2→3'] });
	});

	it('leaves the data as it was at a version with no step (the part did not change then)', () => {
		expect(migrate({ version: 1, a: 1 }, { 2: steps[2]! }, 3)).toMatchObject({ version: 3, a: 1, steps: ['2→3'] });
	});

	it('sets the version after each step, even when a step forgets to', () => {
		const seen: unknown[] = [];
		const forgetful: Record<number, Migration> = {
			1: (data) => (seen.push(data.version), { ...data }),
			2: (data) => (seen.push(data.version), { ...data }),
		};
		expect(migrate({ version: 1 }, forgetful, 3)).toEqual({ version: 3 });
		expect(seen, 'each step should see the version it lifts from').toEqual([1, 2]);
	});

	it('does not change the data it was given', () => {
		const data = { version: 1, lessons: {} };
		migrate(data, steps, 3);
		expect(data).toEqual({ version: 1, lessons: {} });
	});

	it.each<[string, unknown]>([
		['newer than the target', { version: 4 }],
		['missing', { lessons: {} }],
		['a string', { version: '1' }],
		['zero', { version: 0 }],
		['negative', { version: -1 }],
		['fractional', { version: 1.5 }],
		['not an object', [1]],
	])('gives nothing when the version is %s', (_name, data) => {
		expect(migrate(data, steps, 3)).toBeUndefined();
	});
});
