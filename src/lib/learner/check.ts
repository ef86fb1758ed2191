/**
 * The strict check of a described value (./shape.ts), for imported files:
 * unknown fields are refused, every item must fit, ids in a unique list
 * must differ, and every problem is recorded with its path, so the reader
 * learns where a file is damaged. Loaded only when a file is imported; the
 * lenient `fit` every page runs reads the same descriptions.
 */
import type { IssueCode, Path, Shape } from './shape';
import { isObject, type Json } from './values';

/** One problem the strict check found. */
export interface Issue {
	path: Path;
	code: IssueCode;
}

/** The clean copy of `value` when it fits `shape` strictly, else undefined, with every problem recorded in `issues`. */
export function check<T>(shape: Shape<T>, raw: unknown, issues: Issue[], path: Path = []): T | undefined {
	const value = shape.tidy ? shape.tidy(raw) : raw;
	const fail = (code: IssueCode, at: Path = path): undefined => {
		issues.push({ path: at, code });
		return undefined;
	};
	const { item, fields } = shape;
	const test = shape.test as ((value: unknown) => boolean) | undefined;
	if (test) {
		const read = shape.shape ? check(shape.shape, value, issues, path) : value;
		if (shape.shape && read === undefined) return undefined; // its problems are recorded already
		return test(read) ? (read as T) : fail(shape.code!, shape.at ? [...path, shape.at] : path);
	}
	if (item && !shape.key) {
		if (!Array.isArray(value)) return fail('type');
		const out = value.map((entry, index) => check(item, entry, issues, [...path, index]));
		if (out.includes(undefined)) return undefined;
		const ids = out.map((entry) => (entry as { id?: unknown }).id);
		return shape.unique && new Set(ids).size < ids.length ? fail('repeat') : (out as T);
	}
	if (!isObject(value)) return fail('type');
	const out: Json = {};
	let ok = true;
	const keep = (name: string, read: unknown) => {
		if (read === undefined) ok = false;
		else out[name] = read;
	};
	if (item) {
		for (const [name, entry] of Object.entries(value)) {
			const at = [...path, name];
			keep(name, check(shape.key!, name, issues, at) === undefined ? undefined : check(item, entry, issues, at));
		}
		return ok ? (out as T) : undefined;
	}
	for (const name of Object.keys(value)) if (!Object.hasOwn(fields!, name)) keep(name, fail('unknown', [...path, name]));
	for (const name in fields) {
		const field = fields[name]!;
		if (value[name] !== undefined) keep(name, check(field, value[name], issues, [...path, name]));
		else if (!field.optional) keep(name, fail('missing', [...path, name]));
	}
	return ok ? (out as T) : undefined;
}
