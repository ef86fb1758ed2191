/**
 * Interface strings: JSON catalogs with dot keys and `{{var}}` placeholders,
 * so wording changes never touch component code. `t()` reads them on the
 * server; islands get theirs through `data-strings` (src/i18n/islands.ts,
 * read with src/i18n/island.ts). Keys are checked by TypeScript.
 *
 * en.json holds most of them. An island that loads on demand (the search
 * dialog, the newsletter form's in-place sending, the network tools' field
 * errors) imports its own catalog, so its words travel in its lazily loaded
 * code instead of in every page's HTML. `t()` sees them all; tests/unit/i18n/index.test.ts checks no key is
 * defined twice.
 */
import core from './en.json';
import networkErrors from './network-errors.en.json';
import newsletterForm from './newsletter-form.en.json';
import search from './search.en.json';
import { fill, type Strings } from './template';

/** Every catalog, in the order `t()` reads them. */
export const catalogs = { core, networkErrors, newsletterForm, search } as const;
const strings = { ...core, ...networkErrors, ...newsletterForm, ...search };

/** A key of any catalog. */
export type StringKey = keyof typeof strings;

/** Returns the string for `key` with each `{{name}}` replaced by `vars[name]`. */
export function t(key: StringKey, vars: Record<string, string | number> = {}): string {
	return fill(strings[key], vars);
}

/** True when `key` is in a catalog: for keys built from data (`assessment.axis.${order}`), checked before use. */
export function isStringKey(key: string): key is StringKey {
	return Object.hasOwn(strings, key);
}

/** The strings for `keys`, typed by them (what an island is handed). */
export function pick<K extends StringKey>(...keys: readonly K[]): Strings<K> {
	return Object.fromEntries(keys.map((key) => [key, strings[key]])) as Record<K, string>;
}

/** Every key that starts with `prefix` (a family such as `network.benefit.`), typed as that family. */
export function keysStartingWith<P extends string>(prefix: P): Extract<StringKey, `${P}${string}`>[] {
	return (Object.keys(strings) as StringKey[]).filter((key): key is Extract<StringKey, `${P}${string}`> => key.startsWith(prefix));
}
