import { describe, expect, it } from 'vitest';
import { ISLAND_STRINGS, islandStrings, type IslandTag } from '../../../src/i18n/islands';
import { readStrings, say } from '../../../src/i18n/island';

/** An element as readStrings sees it: only its data attributes. */
const element = (strings: string) => ({ dataset: { strings } }) as unknown as HTMLElement;

describe('islandStrings', () => {
	it.each(Object.keys(ISLAND_STRINGS) as IslandTag[])('hands <%s> exactly its listed keys, each with its words', (tag) => {
		const handed = JSON.parse(islandStrings(tag)) as Record<string, string>;
		expect(Object.keys(handed).sort()).toEqual([...new Set(ISLAND_STRINGS[tag])].sort());
		expect(Object.values(handed).every((text) => typeof text === 'string' && text.trim() !== '')).toBe(true);
	});
});

describe('readStrings and say', () => {
	it('read what the component rendered, and fill placeholders', () => {
		const strings = readStrings<'course-outline'>(element(islandStrings('course-outline')));
		expect(say(strings, 'progress.count', { done: 2, total: 6 })).toBe('2 of 6 complete');
		expect(strings['progress.outlineDone']).toBe(JSON.parse(islandStrings('course-outline'))['progress.outlineDone']);
	});

	it('read nothing from an element without data-strings, rather than failing', () => {
		expect(readStrings<'course-outline'>({ dataset: {} } as unknown as HTMLElement)).toEqual({});
	});
});
