/**
 * Geometry of the self-assessment's radar chart: one axis per pointer,
 * starting at the top and going clockwise, values 0–100 from the centre out.
 * Pure, so the page draws the frame at build time and the island draws the
 * shapes with the same numbers.
 */

export interface RadarFrame {
	cx: number;
	cy: number;
	/** Length of an axis (the distance of a 100 from the centre). */
	radius: number;
}

export interface Point {
	x: number;
	y: number;
}

/** One decimal place is finer than a pixel at any size the chart is shown. */
function round(value: number): number {
	return Math.round(value * 10) / 10;
}

/** The point at `value` (0–100, clamped) on axis `index` of `count`, `extra` units beyond it. */
export function radarPoint(frame: RadarFrame, index: number, count: number, value: number, extra = 0): Point {
	const angle = -Math.PI / 2 + (2 * Math.PI * index) / count;
	const distance = (frame.radius * Math.min(100, Math.max(0, value))) / 100 + extra;
	return { x: round(frame.cx + distance * Math.cos(angle)), y: round(frame.cy + distance * Math.sin(angle)) };
}

/** An SVG `points` list for one value per axis (a missing value sits at the centre). */
export function radarPoints(frame: RadarFrame, values: readonly (number | null)[]): string {
	return values
		.map((value, index) => {
			const point = radarPoint(frame, index, values.length, value ?? 0);
			return `${point.x},${point.y}`;
		})
		.join(' ');
}

/** How an axis label lines up with its point: labels on the right start there, on the left end there. */
export function labelAnchor(index: number, count: number): 'start' | 'middle' | 'end' {
	const x = Math.cos(-Math.PI / 2 + (2 * Math.PI * index) / count);
	if (Math.abs(x) < 0.01) return 'middle';
	return x > 0 ? 'start' : 'end';
}

/** Splits a label into lines of at most `width` characters, breaking between words. */
export function wrapLabel(text: string, width: number): string[] {
	const lines: string[] = [];
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const last = lines[lines.length - 1];
		if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
		else lines.push(word);
	}
	return lines;
}
