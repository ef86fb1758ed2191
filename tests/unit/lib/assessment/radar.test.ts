import { describe, expect, it } from 'vitest';
import { labelAnchor, radarPoint, radarPoints, wrapLabel } from '../../../../src/lib/assessment/radar';

const frame = { cx: 200, cy: 150, radius: 100 };

describe('radarPoint', () => {
	it.each([
		['a 100 on the first axis is straight up', 0, 100, { x: 200, y: 50 }],
		['a 0 is the centre', 0, 0, { x: 200, y: 150 }],
		['a 50 on the fourth of six axes is straight down, half way', 3, 50, { x: 200, y: 200 }],
		['the second of six axes points up and right', 1, 100, { x: 286.6, y: 100 }],
		['the sixth of six axes points up and left', 5, 100, { x: 113.4, y: 100 }],
		['values above 100 are clamped', 0, 150, { x: 200, y: 50 }],
		['values below 0 are clamped', 0, -20, { x: 200, y: 150 }],
	])('%s', (_name, index, value, expected) => {
		expect(radarPoint(frame, index, 6, value)).toEqual(expected);
	});

	it('places a label beyond the end of its axis', () => {
		expect(radarPoint(frame, 0, 6, 100, 20)).toEqual({ x: 200, y: 30 });
	});
});

describe('radarPoints', () => {
	it('lists one point per value, a missing value at the centre', () => {
		expect(radarPoints(frame, [100, null, 0, 100])).toBe('200,50 200,150 200,150 100,150');
	});
});

describe('labelAnchor', () => {
	it('centres labels at the top and bottom, starts them on the right and ends them on the left', () => {
		expect([0, 1, 2, 3, 4, 5].map((index) => labelAnchor(index, 6))).toEqual(['middle', 'start', 'start', 'middle', 'end', 'end']);
	});
});

describe('wrapLabel', () => {
	it.each<[string, number, string[]]>([
		['Accept invitations', 14, ['Accept', 'invitations']],
		['Join a diverse group', 14, ['Join a diverse', 'group']],
		['Seek linkages', 14, ['Seek linkages']],
		['  extra   spaces  ', 20, ['extra spaces']],
		['Unbreakablewordthatislong', 5, ['Unbreakablewordthatislong']],
	])('wraps "%s" at %i characters', (text, width, lines) => {
		expect(wrapLabel(text, width)).toEqual(lines);
	});
});
