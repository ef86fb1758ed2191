import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n';
import strings from '../../src/i18n/en.json';

describe('t', () => {
	it('returns a string without placeholders as written', () => {
		expect(t('search.open')).toBe('Search');
	});

	it.each([
		['fills numbers', 'lesson.eyebrow', { n: 3, total: 6 }, 'Lesson 3 of 6'],
		['fills strings', 'search.none', { query: 'xylophone' }, 'No results for “xylophone”. Try fewer or different words.'],
		['fills the same kind of value in several places', 'search.count.other', { count: 4, query: 'goal' }, '4 results for “goal”.'],
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

	it('has no empty strings', () => {
		const empty = Object.entries(strings).filter(([, value]) => value.trim() === '');
		expect(empty, `empty strings: ${empty.map(([key]) => key).join(', ')}`).toEqual([]);
	});
});
