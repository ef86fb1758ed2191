/**
 * One tiny translation helper: strings live in en.json with dot keys and
 * `{{var}}` placeholders, so wording changes never touch component code.
 */
import strings from './en.json';

export type StringKey = keyof typeof strings;

/** Returns the string for `key` with each `{{name}}` replaced by `vars[name]`. */
export function t(key: StringKey, vars: Record<string, string | number> = {}): string {
	return strings[key].replace(/\{\{(\w+)\}\}/g, (match, name: string) =>
		name in vars ? String(vars[name]) : match,
	);
}
