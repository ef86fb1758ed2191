import { describe, expect, it } from 'vitest';
import { catalogs, isStringKey, keysStartingWith, pick, t } from '../../../src/i18n';
import { britishSpellings } from '../../e2e/words';

describe('t', () => {
	it('returns a string without placeholders as written', () => {
		expect(t('search.open')).toBe('Search');
	});

	it.each([
		['fills numbers', 'lesson.eyebrow', { n: 3, total: 6 }, 'Lesson 3 of 6'],
		['fills strings', 'search.none', { query: 'xylophone' }, 'No results for “xylophone” — try fewer or different words'],
		['fills the same kind of value in several places', 'search.count.other', { count: 4, query: 'goal' }, '4 results for “goal”'],
		['fills zero, not an empty string', 'lesson.readingTime', { minutes: 0 }, '0 min read'],
	] as const)('%s', (_name, key, vars, expected) => {
		expect(t(key, vars)).toBe(expected);
	});

	it('leaves a placeholder visible when its value is missing, so the gap is easy to spot', () => {
		expect(t('lesson.eyebrow', { n: 2 })).toBe('Lesson 2 of {{total}}');
	});

	it('ignores values the string does not use', () => {
		expect(t('theme.dark', { unused: 'x' })).toBe('Dark');
	});

	it('does not treat replacement patterns in values specially', () => {
		expect(t('search.none', { query: '$& $1' })).toContain('“$& $1”');
	});

	it('has no empty strings in any catalog', () => {
		const all = Object.values(catalogs).flatMap((catalog) => Object.entries(catalog));
		const empty = all.filter(([, value]) => value.trim() === '');
		expect(empty, `empty strings: ${empty.map(([key]) => key).join(', ')}`).toEqual([]);
	});

	it('defines each key in one catalog only, so no island shows words the rest of the site has changed', () => {
		const seen = new Map<string, string[]>();
		for (const [name, catalog] of Object.entries(catalogs)) {
			for (const key of Object.keys(catalog)) seen.set(key, [...(seen.get(key) ?? []), name]);
		}
		const twice = [...seen].filter(([, names]) => names.length > 1).map(([key, names]) => `${key} (${names.join(', ')})`);
		expect(twice).toEqual([]);
	});

	it('reads the catalogs that islands load on demand', () => {
		expect(t('search.count.one', { query: 'goal' })).toBe('1 result for “goal”');
		expect(t('newsletter.submit')).toBe(catalogs.newsletterForm['newsletter.submit']);
	});

	it('never puts punctuation after a quoted value, which may end with its own (“…their level.”.)', () => {
		const all = Object.values(catalogs).flatMap((catalog) => Object.entries(catalog));
		const doubled = all.filter(([, value]) => /\{\{\w+\}\}[”’"'][.,;:!?]/.test(value)).map(([key]) => key);
		expect(doubled, 'end the sentence with the quote, or put the quote before other words').toEqual([]);
	});

	it('uses American spelling, as the post does', () => {
		const all = Object.values(catalogs).flatMap((catalog) => Object.entries(catalog));
		const british = all.flatMap(([key, value]) => britishSpellings(value).map((found) => `${key}: ${found}`));
		expect(british).toEqual([]);
	});
});

describe('pick', () => {
	it('returns exactly the strings asked for, from any catalog', () => {
		expect(pick('theme.dark', 'search.hint')).toEqual({ 'theme.dark': 'Dark', 'search.hint': 'Type at least two letters.' });
	});
});

describe('keysStartingWith', () => {
	it('lists a family of keys, in catalog order', () => {
		expect(keysStartingWith('theme.')).toEqual(['theme.label', 'theme.auto', 'theme.light', 'theme.dark']);
	});

	it('finds none for a prefix no key has', () => {
		expect(keysStartingWith('no-such-family.')).toEqual([]);
	});
});

describe('isStringKey', () => {
	it('tells keys built from data that exist from those that do not', () => {
		expect(isStringKey('assessment.axis.1')).toBe(true);
		expect(isStringKey('assessment.axis.7')).toBe(false);
		expect(isStringKey('toString')).toBe(false);
	});
});
