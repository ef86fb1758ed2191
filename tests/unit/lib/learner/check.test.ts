import { describe, expect, it } from 'vitest';
import { check, type Issue } from '../../../../src/lib/learner/check';
import { dateTime, integer, line, list, object, optional, record, rule, slug } from '../../../../src/lib/learner/shape';

const when = '2026-03-14T09:26:53Z';
const item = rule(object({ id: slug(), at: dateTime, size: optional(integer(1, 9)) }), (value) => value.size !== 2, 'size');
const shape = object({ title: line(20), items: { ...list(item), unique: true }, tags: record(slug(), integer(0, 1)) });

/** The issues of checking `value`, as `path: code` strings. */
function problems(value: unknown): string[] {
	const issues: Issue[] = [];
	check(shape, value, issues);
	return issues.map(({ path, code }) => `${path.join('.')}: ${code}`);
}

describe('check (the strict import check)', () => {
	it('accepts data that fits exactly, returning a clean copy', () => {
		const data = { title: 'Mine', items: [{ id: 'a', at: when, size: 3 }], tags: { x: 1 } };
		const issues: Issue[] = [];
		expect(check(shape, structuredClone(data), issues)).toEqual(data);
		expect(issues).toEqual([]);
	});

	it('refuses unknown fields, which the lenient reader would leave out', () => {
		expect(problems({ title: 'Mine', items: [{ id: 'a', at: when, colour: 'red' }], tags: {}, extra: 1 })).toEqual([
			'extra: unknown',
			'items.0.colour: unknown',
		]);
	});

	it('records every problem with its path and code', () => {
		expect(problems({ items: [{ id: 'A', at: 'soon' }, 'junk'], tags: { 'Not Slug': 1, y: 2 } })).toEqual([
			'title: missing',
			'items.0.id: id',
			'items.0.at: dateTime',
			'items.1: type',
			'tags.Not Slug: id',
			'tags.y: number',
		]);
	});

	it('reports a broken rule at its field, and a repeated id at the list', () => {
		expect(problems({ title: 'Mine', items: [{ id: 'a', at: when, size: 2 }], tags: {} })).toEqual(['items.0.size: rule']);
		expect(
			problems({
				title: 'Mine',
				items: [
					{ id: 'a', at: when },
					{ id: 'a', at: when },
				],
				tags: {},
			}),
		).toEqual(['items: repeat']);
	});

	it('reports a value of the wrong type where it is', () => {
		expect(problems([])).toEqual([': type']);
		expect(problems({ title: 'Mine', items: {}, tags: [] })).toEqual(['items: type', 'tags: type']);
	});
});
