/**
 * Geometry of the self-assessment's radar chart: one axis per pointer,
 * starting at the top and going clockwise, values 0–100 from the center out.
 * Pure, so the page draws the frame at build time and the island draws the
 * shapes with the same numbers.
 */

export interface RadarFrame {
	cx: number;
	cy: number;
	/** Length of an axis (the distance of a 100 from the center). */
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

/** An SVG `points` list for one value per axis (a missing value sits at the center). */
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

/** Where an axis label's text goes: its anchor, x, and the baseline of its first line. */
export interface LabelPlacement {
	x: number;
	/** Baseline of the first line; each further line sits one line height lower. */
	y: number;
	anchor: 'start' | 'middle' | 'end';
}

/**
 * Places the label of axis `index` of `count`, a block of `lines` lines
 * `lineHeight` apart, `gap` units beyond the axis end, so it never covers the
 * chart: the top label's block ends at that point (its last baseline there);
 * the bottom label's block starts just below it (first baseline 0.8 of a line
 * down, about the height of a capital); a side label's block is centered on it
 * vertically (0.35 of a line lowers a baseline to center the letters on it).
 */
export function labelPlacement(
	frame: RadarFrame,
	index: number,
	count: number,
	lines: number,
	lineHeight: number,
	gap: number,
): LabelPlacement {
	const at = radarPoint(frame, index, count, 100, gap);
	const anchor = labelAnchor(index, count);
	const above = at.y < frame.cy - 1;
	const below = at.y > frame.cy + 1;
	const block = (lines - 1) * lineHeight;
	let first: number;
	if (anchor === 'middle' && above) first = at.y - block;
	else if (anchor === 'middle' && below) first = at.y + lineHeight * 0.8;
	else first = at.y - block / 2 + lineHeight * 0.35;
	return { x: at.x, y: round(first), anchor };
}
