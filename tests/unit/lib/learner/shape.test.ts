import { describe, expect, expectTypeOf, it } from 'vitest';
import { fit, integer, is, line, list, object, oneOf, optional, record, rule, slug, type Infer } from '../../../../src/lib/learner/shape';

const person = object({ name: line(20), age: optional(integer(0, 150)), tags: list(oneOf(['a', 'b'])) });

describe('fit', () => {
	it('returns a clean copy of a value that fits, leaving out unknown fields', () => {
		const raw = { name: 'Ann', tags: ['a'], colour: 'red' };
		const read = fit(person, raw);
		expect(read).toEqual({ name: 'Ann', tags: ['a'] });
		expect(read, 'a copy, not the same object').not.toBe(raw);
	});

	it.each<[string, unknown]>([
		['a missing required field', { tags: [] }],
		['a field that does not fit', { name: ' Ann ', tags: [] }],
		['an optional field that is present but wrong', { name: 'Ann', age: 1.5, tags: [] }],
		['one list item that does not fit', { name: 'Ann', tags: ['a', 'c'] }],
		['a list that is not one', { name: 'Ann', tags: 'a' }],
		['not an object', ['Ann']],
		['null', null],
	])('refuses %s', (_name, raw) => {
		expect(fit(person, raw)).toBeUndefined();
	});

	it('refuses unknown fields in a closed object', () => {
		expect(fit(object({ id: slug() }, true), { id: 'a', extra: 1 })).toBeUndefined();
		expect(fit(object({ id: slug() }, true), { id: 'a' })).toEqual({ id: 'a' });
	});

	it('reads a map whose keys and values all fit, and refuses one with a bad key or value', () => {
		const map = record(slug(), integer(1, 5));
		expect(fit(map, { a: 1, 'b-c': 5 })).toEqual({ a: 1, 'b-c': 5 });
		expect(fit(map, { A: 1 })).toBeUndefined();
		expect(fit(map, { a: 6 })).toBeUndefined();
	});

	it('applies a rule to the clean value', () => {
		const range = rule(object({ min: integer(0, 9), max: integer(0, 9) }), (value) => value.min <= value.max, 'max');
		expect(fit(range, { min: 1, max: 2 })).toEqual({ min: 1, max: 2 });
		expect(fit(range, { min: 3, max: 2 })).toBeUndefined();
	});

	it('never throws, whatever it is given', () => {
		for (const raw of [undefined, 0, 'x', [], Object.create(null), { name: { toString: 1 } }]) expect(() => fit(person, raw)).not.toThrow();
	});
});

describe('Infer', () => {
	it('gives the type a shape describes, optional fields optional', () => {
		expectTypeOf<Infer<typeof person>>().toEqualTypeOf<{ name: string; tags: ('a' | 'b')[]; age?: number }>();
		expectTypeOf<Infer<ReturnType<typeof is<null>>>>().toEqualTypeOf<null>();
	});
});
