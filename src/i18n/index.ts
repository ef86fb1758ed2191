/**
 * One tiny translation helper: strings live in JSON catalogs with dot keys
 * and `{{var}}` placeholders, so wording changes never touch component code.
 *
 * en.json holds most of them. An island that loads on demand (the search
 * dialog, the newsletter form's in-place sending) imports its own catalog,
 * so its words travel in its lazily loaded code instead of in every page's
 * HTML. `t()` sees them all; tests/unit/i18n.test.ts checks no key is
 * defined twice.
 */
import core from './en.json';
import newsletterForm from './newsletter-form.en.json';
import search from './search.en.json';
import { fill } from './template';

/** Every catalog, in the order `t()` reads them. */
export const catalogs = { core, newsletterForm, search } as const;
const strings = { ...core, ...newsletterForm, ...search };

export type StringKey = keyof typeof strings;

/** Returns the string for `key` with each `{{name}}` replaced by `vars[name]`. */
export function t(key: StringKey, vars: Record<string, string | number> = {}): string {
	return fill(strings[key], vars);
}
