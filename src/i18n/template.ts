/**
 * What server-rendered and island strings share: the type of a set of
 * strings and the `{{placeholder}}` filler. No catalog is imported here, so
 * islands can use it without carrying any words.
 */

/** Strings by key, typed by exactly the keys they hold. */
export type Strings<K extends string> = Readonly<Record<K, string>>;

/** Fills `{{name}}` placeholders; a placeholder without a value stays visible, so the gap is easy to spot. */
export function fill(template: string, vars: Record<string, string | number>): string {
	return template.replace(/\{\{(\w+)\}\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}
