/**
 * How a stored part of the learner model (progress, goals, network,
 * assessment) is defined: one description of its fields, from which its
 * type, its empty value, the lenient reader of stored data and the strict
 * import check all derive. Each part lives in localStorage under its own
 * key, so a page loads only the parts (and the descriptions) it uses.
 *
 * Reading storage never throws and loses no valid item: an item that does
 * not fit its description is dropped and named for the repair notice; a part
 * that cannot be read at all (not JSON, no version, a newer version) starts
 * empty and is named as a whole.
 */
import { each, fit, is, list, object, record, type Flat, type ObjectOf, type Optional, type Shape } from './shape';
import { isObject, type Json } from './values';

/** Bump when the shape of any part changes, and add a migration step (the part's `migrations`, and `MODEL_MIGRATIONS` in ./model.ts). */
export const CURRENT_VERSION = 2;
/** The version every part is read and written at. */
export type Version = typeof CURRENT_VERSION;

/** A version step: takes data of version N and returns data of version N + 1. */
export type Migration = (data: Json) => Json;

/**
 * Lifts data from its version to `target` through `steps`: `steps[n]` lifts
 * version n to n + 1, and a version with no step left the data as it was
 * (every part shares `CURRENT_VERSION`, and most do not change at each
 * bump). Undefined for data without a usable version, or of a version newer
 * than `target` (an export from a later release).
 */
export function migrate(data: unknown, steps: Record<number, Migration>, target: number = CURRENT_VERSION): Json | undefined {
	let version = isObject(data) && Number.isInteger(data.version) ? (data.version as number) : 0;
	if (version < 1 || version > target) return undefined;
	let current = data as Json;
	for (; version < target; version++) current = { ...(steps[version]?.(current) ?? current), version: version + 1 };
	return current;
}

/** What a lenient read gives: the part, and the names of what it dropped (for the repair notice). */
export interface Read<T> {
	state: T;
	/** Human-readable names of what was invalid and dropped. */
	dropped: string[];
}

/** A top-level field of a part: a shape, with the names the lenient reader gives what it drops. */
export interface PartField<T> extends Shape<T> {
	readonly names: ItemNames;
}

/** How the repair notice names what a field dropped. */
export interface ItemNames {
	/** The whole field: a single value that does not fit, or a list (or map) that is not one at all. */
	all: string;
	/** One item of a list (or map) that does not fit, with its key (a list's position, from 0, as a string). */
	item?(raw: unknown, key: string): string;
	/** A later item repeating an earlier one's id (default: as `item`). */
	copy?(raw: unknown, key: string): string;
}

/** Options of a list field. */
export interface ListOptions {
	/** Ids are unique: a later item with an id seen before is dropped. */
	uniqueIds?: boolean;
	/** An imported file may lack the field (it then reads as an empty list). */
	optional?: boolean;
}

/** A list field, read item by item: invalid items are dropped and named, the others kept in order. */
export function listOf<T>(item: Shape<T>, names: ItemNames, options: ListOptions = {}): PartField<T[]> {
	return { ...list(item), unique: options.uniqueIds, optional: options.optional, names };
}

/** A map field (an object keyed by ids), read entry by entry: invalid entries are dropped and named by their key. */
export function recordOf<T>(key: Shape<string>, item: Shape<T>, names: ItemNames): PartField<Record<string, T>> {
	return { ...record(key, item), names };
}

/** A single optional field, kept whole or dropped whole (named `name`). */
export function valueOf<T>(shape: Shape<T>, name: string): PartField<T> & Optional {
	return { ...shape, optional: true, names: { all: name } };
}

/** The fields of a part, by name. */
export type PartFields = Record<string, PartField<unknown>>;
/** The stored type of a part with these fields. */
export type PartState<F extends PartFields> = Flat<{ version: Version } & ObjectOf<F>>;

/**
 * A stored part: as a shape, the strict import check of data of the current
 * version (./check.ts); its own methods read stored data leniently.
 */
export interface StoredPart<T> extends Shape<T> {
	/** Names the whole part in the repair notice when it cannot be read at all. */
	readonly label: string;
	/** The part with nothing in it. */
	empty(): T;
	/** Reads stored data of any quality: keeps every valid item and names what it dropped. Never throws. */
	read(raw: unknown): Read<T>;
	/** The same for the stored JSON text; text that is not JSON counts as an unreadable part. */
	decode(json: string | null | undefined): Read<T>;
}

/** The stored type of a part. */
export type StateOf<P> = P extends StoredPart<infer T> ? T : never;

/** What else a part may need. */
export interface PartOptions {
	/** Steps lifting this part from older versions (see `migrate`). */
	migrations?: Record<number, Migration>;
	/** Turns an older form of current-version data into the described one before the strict check (the lenient read ignores what it does not know). */
	tidy?(data: unknown): unknown;
}

/** The value of a list or map field in a new part; single values start absent. */
function emptyOf(field: PartField<unknown>): unknown {
	return field.item && (field.key ? {} : []);
}

/**
 * Reads one field of stored data leniently: a list or map item by item (in
 * `dropped`, a name for each item left out), any other value whole.
 */
function keep(field: PartField<unknown>, raw: unknown, dropped: string[]): unknown {
	if (field.item) {
		const kept = each(field, raw, (value, index, repeat) =>
			dropped.push(((repeat && field.names.copy) || field.names.item!)(value, index)),
		);
		if (kept) return kept;
	} else {
		const read = fit(field, raw);
		if (read !== undefined) return read;
	}
	if (raw !== undefined) dropped.push(field.names.all);
	return emptyOf(field);
}

/** Defines a stored part from its fields; `label` names it in the repair notice when none of it can be read. */
export function definePart<F extends PartFields>(label: string, fields: F, options: PartOptions = {}): StoredPart<PartState<F>> {
	type T = PartState<F>;
	const empty = (): T => {
		const state: Json = { version: CURRENT_VERSION };
		for (const name in fields) if (emptyOf(fields[name]!)) state[name] = emptyOf(fields[name]!);
		return state as T;
	};
	const unreadable = (): Read<T> => ({ state: empty(), dropped: [`${label} (unreadable)`] });
	const read = (raw: unknown): Read<T> => {
		if (raw === undefined || raw === null) return { state: empty(), dropped: [] };
		let data: Json | undefined;
		try {
			data = migrate(raw, options.migrations ?? {});
		} catch {
			// A step failed on damaged data: the part cannot be read.
		}
		if (!data) return unreadable();
		const state: Json = { version: CURRENT_VERSION };
		const dropped: string[] = [];
		for (const name in fields) {
			const kept = keep(fields[name]!, data[name], dropped);
			if (kept !== undefined) state[name] = kept;
		}
		return { state: state as T, dropped };
	};
	return {
		...object({ version: is((value): value is Version => value === CURRENT_VERSION, 'version'), ...fields }),
		tidy: options.tidy,
		label,
		empty,
		read,
		decode(json) {
			let raw: unknown;
			try {
				raw = json ? JSON.parse(json) : undefined;
			} catch {
				return unreadable();
			}
			return read(raw);
		},
	} as StoredPart<T>;
}
