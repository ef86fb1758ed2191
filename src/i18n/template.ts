/** Fills `{{name}}` placeholders; shared by server-rendered and island strings. */
export function fill(template: string, vars: Record<string, string | number>): string {
	return template.replace(/\{\{(\w+)\}\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}
