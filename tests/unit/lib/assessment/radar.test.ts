import { describe, expect, it } from 'vitest';
import { labelAnchor, labelPlacement, radarPoint, radarPoints, wrapLabel } from '../../../../src/lib/assessment/radar';

const frame = { cx: 200, cy: 150, radius: 100 };

describe('radarPoint', () => {
	it.each([
		['a 100 on the first axis is straight up', 0, 100, { x: 200, y: 50 }],
		['a 0 is the center', 0, 0, { x: 200, y: 150 }],
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
	it('lists one point per value, a missing value at the center', () => {
		expect(radarPoints(frame, [100, null, 0, 100])).toBe('200,50 200,150 200,150 100,150');
	});
});

describe('labelAnchor', () => {
	it('centers labels at the top and bottom, starts them on the right and ends them on the left', () => {
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

describe('labelPlacement', () => {
	// The page's chart: center (210, 180), axes of 92, labels 14 beyond the end (106 from the center), lines 19 apart.
	const chart = { cx: 210, cy: 180, radius: 92 };
	const place = (index: number, lines: number) => labelPlacement(chart, index, 6, lines, 19, 14);

	it('ends the top label at the point: three lines rise 2 × 19 above y = 180 − 106 = 74', () => {
		expect(place(0, 3)).toEqual({ x: 210, y: 36, anchor: 'middle' });
	});

	it('starts the bottom label below the point: 180 + 106 = 286, plus 0.8 × 19', () => {
		expect(place(3, 3)).toEqual({ x: 210, y: 301.2, anchor: 'middle' });
	});

	it('centers a side label on its point: upper right at (301.8, 127), two lines: 127 − 19 / 2 + 0.35 × 19', () => {
		expect(place(1, 2)).toEqual({ x: 301.8, y: 124.2, anchor: 'start' });
	});

	it('centers a lower-left label the same way: (118.2, 233), three lines: 233 − 19 + 6.65', () => {
		expect(place(4, 3)).toEqual({ x: 118.2, y: 220.7, anchor: 'end' });
	});

	it('puts a one-line side label just below its point', () => {
		expect(place(5, 1)).toEqual({ x: 118.2, y: 133.7, anchor: 'end' });
	});
});
