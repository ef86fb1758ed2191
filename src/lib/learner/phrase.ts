/**
 * Words as data. Pure code returns a `Phrase` (a key of the string catalogs
 * in src/i18n and the values of its `{{placeholders}}`); the component that
 * shows it formats it with `t()` or the strings it was given. So wording
 * stays in the catalogs, and tests assert what was said, not how.
 */
import type { StringKey } from '../../i18n';

/** Values of a phrase's placeholders. */
export type PhraseVars = Record<string, string | number>;

/** Something to say: a catalog key and its placeholder values. */
export interface Phrase {
	key: StringKey;
	vars: PhraseVars;
}

/** Catalog keys `base` such that both `base.one` and `base.other` exist: a count's two forms. */
export type CountKey = {
	[K in StringKey]: K extends `${infer Base}.other` ? (`${Base}.one` extends StringKey ? Base : never) : never;
}[StringKey];

/** The phrase for `count` things: `<base>.one` for exactly one, `<base>.other` otherwise, with `count` among its values. */
export function counted(base: CountKey, count: number, vars: PhraseVars = {}): Phrase {
	return { key: `${base}.${count === 1 ? 'one' : 'other'}` as StringKey, vars: { ...vars, count } };
}
