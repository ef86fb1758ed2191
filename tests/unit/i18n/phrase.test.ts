import { describe, expect, it } from 'vitest';
import { sayPhrase } from '../../../src/i18n/phrase';

const strings = { 'data.goalsCount.other': '{{count}} goals', 'network.summary.ownSectorOnly': 'your sector' };

describe('sayPhrase', () => {
	it('says a phrase in the words the island was handed, with its values', () => {
		expect(sayPhrase(strings, { key: 'data.goalsCount.other', vars: { count: 3 } })).toBe('3 goals');
		expect(sayPhrase(strings, { key: 'network.summary.ownSectorOnly', vars: {} })).toBe('your sector');
	});

	it('shows a key the island was not handed as itself, so the gap is visible', () => {
		expect(sayPhrase(strings, { key: 'data.resultsCount.one', vars: { count: 1 } })).toBe('data.resultsCount.one');
	});
});
