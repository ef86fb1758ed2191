import { describe, expect, it } from 'vitest';
import { applyTheme, readTheme, type ThemeChoice, type ThemeStorage } from '../../../../src/lib/site/theme';

/** An in-memory Storage, like localStorage. */
function memoryStorage(initial: Record<string, string> = {}): ThemeStorage & { values: Map<string, string> } {
	const values = new Map(Object.entries(initial));
	return {
		values,
		getItem: (key) => values.get(key) ?? null,
		setItem: (key, value) => void values.set(key, value),
		removeItem: (key) => void values.delete(key),
	};
}

/** Storage that throws on every call, as Safari's private mode and blocked cookies do. */
const throwingStorage: ThemeStorage = {
	getItem: () => {
		throw new DOMException('The operation is insecure.', 'SecurityError');
	},
	setItem: () => {
		throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
	},
	removeItem: () => {
		throw new DOMException('The operation is insecure.', 'SecurityError');
	},
};

/** A stand-in for document.documentElement. */
const root = (theme?: string) => ({ dataset: (theme ? { theme } : {}) as DOMStringMap });

describe('readTheme', () => {
	it.each<[string, Record<string, string>, ThemeChoice]>([
		['returns a saved dark choice', { theme: 'dark' }, 'dark'],
		['returns a saved light choice', { theme: 'light' }, 'light'],
		['falls back to auto when nothing is saved', {}, 'auto'],
		['falls back to auto for an unknown value', { theme: 'purple' }, 'auto'],
		['falls back to auto for a value in the wrong case', { theme: 'Dark' }, 'auto'],
	])('%s', (_name, saved, expected) => {
		expect(readTheme(memoryStorage(saved))).toBe(expected);
	});

	it('falls back to auto without storage', () => {
		expect(readTheme(undefined)).toBe('auto');
	});

	it('falls back to auto when storage throws', () => {
		expect(readTheme(throwingStorage)).toBe('auto');
	});
});

describe('applyTheme', () => {
	it.each<[ThemeChoice, string]>([
		['dark', 'dark'],
		['light', 'light'],
	])('sets data-theme to %s and remembers it', (choice, expected) => {
		const element = root();
		const storage = memoryStorage();
		applyTheme(choice, element, storage);
		expect(element.dataset.theme).toBe(expected);
		expect(storage.values.get('theme')).toBe(expected);
	});

	it('removes data-theme and the saved choice for auto', () => {
		const element = root('dark');
		const storage = memoryStorage({ theme: 'dark' });
		applyTheme('auto', element, storage);
		expect(element.dataset.theme).toBeUndefined();
		expect('theme' in element.dataset).toBe(false);
		expect(storage.values.has('theme')).toBe(false);
	});

	it('applies the theme without remembering it when no storage is given', () => {
		const element = root();
		applyTheme('dark', element);
		expect(element.dataset.theme).toBe('dark');
	});

	it.each<[ThemeChoice, string | undefined]>([
		['dark', 'dark'],
		['auto', undefined],
	])('still applies %s when storage throws', (choice, expected) => {
		const element = root('light');
		expect(() => applyTheme(choice, element, throwingStorage)).not.toThrow();
		expect(element.dataset.theme).toBe(expected);
	});

	it('round-trips through readTheme', () => {
		const storage = memoryStorage();
		applyTheme('light', root(), storage);
		expect(readTheme(storage)).toBe('light');
		applyTheme('auto', root(), storage);
		expect(readTheme(storage)).toBe('auto');
	});
});
