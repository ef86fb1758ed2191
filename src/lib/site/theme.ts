/**
 * Theme preference: `auto` follows the operating system; `light` and `dark`
 * are explicit choices remembered on this device under the `theme` key.
 */

export type ThemeChoice = 'auto' | 'light' | 'dark';

const KEY = 'theme';

/** Minimal Storage shape, so tests and private-mode failures are easy to model. */
export interface ThemeStorage {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
}

/** The saved choice, or `auto` when nothing valid is saved or storage is unavailable. */
export function readTheme(storage: ThemeStorage | undefined): ThemeChoice {
	try {
		const value = storage?.getItem(KEY);
		return value === 'light' || value === 'dark' ? value : 'auto';
	} catch {
		return 'auto';
	}
}

/** Applies `choice` to the root element and, when given storage, remembers it. */
export function applyTheme(choice: ThemeChoice, root: { dataset: DOMStringMap }, storage?: ThemeStorage): void {
	if (choice === 'auto') delete root.dataset.theme;
	else root.dataset.theme = choice;
	try {
		if (choice === 'auto') storage?.removeItem(KEY);
		else storage?.setItem(KEY, choice);
	} catch {
		// Storage blocked (private mode, quota): the theme still applies for this page.
	}
}
