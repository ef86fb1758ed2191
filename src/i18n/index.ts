/**
 * One tiny translation helper: strings live in en.json with dot keys and
 * `{{var}}` placeholders, so wording changes never touch component code.
 */
import strings from './en.json';
import { fill } from '../lib/template';

export type StringKey = keyof typeof strings;

/** Returns the string for `key` with each `{{name}}` replaced by `vars[name]`. */
export function t(key: StringKey, vars: Record<string, string | number> = {}): string {
	return fill(strings[key], vars);
}
