import { describe, expect, it } from 'vitest';
import { percent } from '../../../../src/components/network/format';

describe('percent', () => {
	it.each([
		[0.4, '40%'],
		[0, '0%'],
		[1, '100%'],
		[0.125, '13%'],
		[0.004, '0%'],
		[0.6513, '65%'],
	])('writes %f as %s', (value, text) => {
		expect(percent(value)).toBe(text);
	});
});
