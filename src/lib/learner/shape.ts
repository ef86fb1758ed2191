/**
 * A small declarative way to describe stored data. Each stored part of the
 * learner model (./stored-part.ts) is described once with these shapes,
 * which are plain data, and everything else derives from that description:
 *
 * - the TypeScript types (`Infer<typeof shape>`);
 * - `fit`, the lenient reading that every page runs on stored data: a value
 *   that does not fit is dropped, objects keep only their known fields;
 * - `check` (./check.ts), the strict import check, loaded only when a file
 *   is imported: unknown fields are refused too, and every problem is
 *   recorded with its path.
 *
 * Why not zod or Valibot: both were measured in the real build, with the
 * progress and goals parts described in each (JS gzip at load, 2026-12).
 * Valibot's shared core alone was 1,580 B: lesson pages 11,455 B (budget
 * 10 KB), /goals/ 9,169 B (budget 8 KB). zod/mini pulled 15,443 B into every
 * page. These shapes, with their lenient reader and the hand-written readers
 * gone, left lesson pages at 9,813 B, /goals/ at 8,182 B and /assessment/ at
 * 11,096 B; the import check (./check.ts) loads 997 B instead of zod's
 * 26,945 B. The progress state every page loads (stores/persist.ts, this
 * engine and progress) is 3,556 B against 3,066 B with the hand-written
 * reader: the cost of describing each part once.
 */
import { isCleanLine, isIsoDateTime, isObject, isRealIsoDate, isSlug, type Json } from './values';

/** Where a value sits, from the top of what was checked: field names and list positions. */
export type Path = (string | number)[];

/** Why a value was refused. The data page words each as `data.import.issue.<code>` (src/i18n/en.json). */
export type IssueCode =
	'type' | 'missing' | 'unknown' | 'id' | 'dateTime' | 'date' | 'text' | 'choice' | 'number' | 'version' | 'repeat' | 'empty' | 'rule';

/**
 * A described value, as plain data read by `fit` and by ./check.ts. What it
 * describes follows from what it has: a `test` (a single value that passes
 * it, or, with `shape`, that shape with a rule across its fields), `fields`
 * (an object), or an `item` (a list of them, or with `key` a map).
 */
export interface Shape<T> {
	/** A value: does it fit? A rule: does the clean value of `shape` keep it? */
	readonly test?: (value: never) => boolean;
	/** Why a value is refused, or a rule broken. */
	readonly code?: IssueCode;
	/** An object's fields, by name. */
	readonly fields?: Fields;
	/** An object whose unknown fields make it invalid even when read leniently (it is kept whole or not at all). */
	readonly closed?: boolean;
	/** A list's or map's items. */
	readonly item?: Shape<unknown>;
	/** A map's keys. */
	readonly key?: Shape<string>;
	/** A list where no two items share an id. */
	readonly unique?: boolean;
	/** The shape a rule applies to. */
	readonly shape?: Shape<unknown>;
	/** The field a broken rule is reported at. */
	readonly at?: string;
	/** In an object: the field may be absent. */
	readonly optional?: boolean;
	/** Turns an older form of the data into the described one before a strict check. */
	readonly tidy?: (value: unknown) => unknown;
	/** Never set: carries the type the shape describes. */
	readonly type?: T;
}

/** The type a shape describes. */
export type Infer<S> = S extends Shape<infer T> ? T : never;

/** The fields of an object shape, by name. */
export type Fields = Record<string, Shape<unknown>>;

/** Marks a shape made by `optional`. */
export type Optional = { readonly optional: true };
/** `T` with its intersections merged, so editors show one object type. */
export type Flat<T> = { [K in keyof T]: T[K] } & {};

/** The object type `fields` describe: optional fields become optional properties. */
export type ObjectOf<F extends Fields> = Flat<
	{ -readonly [K in keyof F as F[K] extends Optional ? never : K]: Infer<F[K]> } & {
		-readonly [K in keyof F as F[K] extends Optional ? K : never]?: Infer<F[K]>;
	}
>;

/** A single value that fits when `test` says so; `code` says why it does not. */
export function is<T>(test: (value: unknown) => value is T, code: IssueCode): Shape<T> {
	return { test, code };
}

/** The same shape, as a field that may be absent. */
export function optional<S extends Shape<unknown>>(shape: S): S & Optional {
	return { ...shape, optional: true };
}

/**
 * An object with these fields. Unknown fields are left out when reading
 * storage, and refused by a strict check; a `closed` object refuses them in
 * both.
 */
export function object<F extends Fields>(fields: F, closed = false): Shape<ObjectOf<F>> {
	return { fields, closed };
}

/** A list whose every item fits `item`. */
export function list<T>(item: Shape<T>): Shape<T[]> {
	return { item };
}

/** An object used as a map: every key fits `key` and every value fits `item`. */
export function record<T>(key: Shape<string>, item: Shape<T>): Shape<Record<string, T>> {
	return { key, item };
}

/** `shape` with a rule across its fields (or items), reported at the field `at` when given. */
export function rule<T>(shape: Shape<T>, test: (value: T) => boolean, at?: string, code: IssueCode = 'rule'): Shape<T> {
	return { shape, test, at, code };
}

/**
 * The clean copy of `value` when it fits `shape` (objects keep only their
 * known fields, unless closed), else undefined. Never throws.
 */
export function fit<T>(shape: Shape<T>, value: unknown): T | undefined {
	const { fields } = shape;
	const test = shape.test as ((value: unknown) => boolean) | undefined;
	if (test) {
		const read = shape.shape ? fit(shape.shape, value) : value;
		return read !== undefined && test(read) ? (read as T) : undefined;
	}
	if (!fields) {
		let whole = true;
		const kept = each(shape, value, () => (whole = false));
		return whole ? (kept as T | undefined) : undefined;
	}
	if (!isObject(value) || (shape.closed && Object.keys(value).some((name) => !Object.hasOwn(fields!, name)))) return undefined;
	const out: Json = {};
	for (const name in fields) {
		const field = fields[name]!;
		if (value[name] === undefined && field.optional) continue;
		const read = fit(field, value[name]);
		if (read === undefined) return undefined;
		out[name] = read;
	}
	return out as T;
}

/**
 * The items of a list (or map) `value` that fit `shape.item` (in a map,
 * under a key that fits `shape.key`), as a new list (or map), or undefined
 * when `value` is not one at all. `miss` hears of every item left out, and
 * with its key (a list's position, as a string) and whether it was left out
 * as a repeat of an earlier item's id (`shape.unique`).
 */
export function each(
	shape: Shape<unknown>,
	value: unknown,
	miss: (raw: unknown, key: string, repeat: boolean) => void,
): unknown[] | Json | undefined {
	const many = !shape.key;
	if (many ? !Array.isArray(value) : !isObject(value)) return undefined;
	const kept: unknown[] | Json = many ? [] : {};
	const ids = new Set<unknown>();
	for (const [key, raw] of Object.entries(value as Json)) {
		const read = many || fit(shape.key!, key) !== undefined ? fit(shape.item!, raw) : undefined;
		const id = (read as { id?: unknown } | undefined)?.id;
		if (read === undefined || (shape.unique && ids.has(id))) miss(raw, key, read !== undefined);
		else {
			ids.add(id);
			if (many) (kept as unknown[]).push(read);
			else (kept as Json)[key] = read;
		}
	}
	return kept;
}

// ---------------------------------------------------------------- shapes the parts use

/** A lowercase kebab-case id of at most `max` characters. */
export const slug = (max?: number) => is((value): value is string => isSlug(value, max), 'id');
/** An ISO date-time with seconds and an offset, on a real day (`isIsoDateTime`). */
export const dateTime = /* @__PURE__ */ is(isIsoDateTime, 'dateTime');

/** Text as a trimmed field stores it: 1–`max` characters, none of `control` (by default: one line). */
export const line = (max: number, control?: RegExp) => is((value): value is string => isCleanLine(value, max, control), 'text');

/** A whole number from `min` to `max`. */
export const integer = (min: number, max: number) =>
	is((value): value is number => Number.isInteger(value) && (value as number) >= min && (value as number) <= max, 'number');

/** One of `values`. */
export const oneOf = <const T extends string>(values: readonly T[]) => is((value): value is T => values.includes(value as T), 'choice');

/** A calendar day that exists, `YYYY-MM-DD`. */
export const date = /* @__PURE__ */ is(isRealIsoDate, 'date');
