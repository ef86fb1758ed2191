/**
 * Lesson 3, "the laws of probability can work for you": if each new
 * relationship has a chance p of offering formidable value, reaching n people
 * gives a chance 1 − (1 − p)^n that at least one does. Inputs are clamped to
 * the ranges the tool offers, so a typed 900 or −3 still gives a true answer
 * about the nearest value the tool can show.
 */
import { quarterOf } from '../calendar/dates';
import type { Contact } from './network';

/** The chance per relationship the tool lets the reader choose: 1% to 50%. */
export const P_RANGE = { min: 0.01, max: 0.5 } as const;
/** How many people reached: 0 to 100. */
export const N_RANGE = { min: 0, max: 100 } as const;

/** `value` kept within [min, max]; anything that is not a number becomes `min`. */
export function clamp(value: number, min: number, max: number): number {
	if (Number.isNaN(value)) return min;
	return Math.min(max, Math.max(min, value));
}

/** A chance per relationship within `P_RANGE`. */
export function clampP(p: number): number {
	return clamp(p, P_RANGE.min, P_RANGE.max);
}

/** A whole number of people within `N_RANGE`. */
export function clampN(n: number): number {
	return Math.round(clamp(n, N_RANGE.min, N_RANGE.max));
}

/** P(at least one of n relationships offers formidable value) = 1 − (1 − p)^n, with p and n clamped. */
export function chanceOfAtLeastOne(p: number, n: number): number {
	return 1 - (1 - clampP(p)) ** clampN(n);
}

/** The chance for every n from 0 to `N_RANGE.max`, for drawing the curve. */
export function probabilityCurve(p: number): { n: number; chance: number }[] {
	return Array.from({ length: N_RANGE.max + 1 }, (_, n) => ({ n, chance: chanceOfAtLeastOne(p, n) }));
}

/** The fewest people to reach for at least a `target` chance (e.g. better than even); undefined beyond `N_RANGE`. */
export function peopleNeeded(p: number, target: number): number | undefined {
	return probabilityCurve(p).find((point) => point.chance >= target)?.n;
}

/** True when the reader made the first move (reached out, or initiated however it started). */
export function isOutreach(contact: Contact): boolean {
	return contact.started === 'reached-out' || contact.initiatedBy === 'me';
}

/** How many people the reader reached out to in the calendar quarter holding `now` (by when they were recorded). */
export function outreachThisQuarter(contacts: readonly Contact[], now: Date): number {
	const { start, end } = quarterOf(now);
	return contacts.filter((contact) => {
		const created = new Date(contact.createdAt);
		return isOutreach(contact) && created >= start && created < end;
	}).length;
}

/** Where the curve is drawn inside its SVG (user units). */
export interface PlotBox {
	left: number;
	right: number;
	top: number;
	bottom: number;
}

/** The chart's plot area: room on the left for percentages, below for the people axis. */
export const PLOT: PlotBox = { left: 40, right: 310, top: 10, bottom: 150 };

/** The point of the plot for n people and a chance (0 to 1). */
export function plotPoint(n: number, chance: number, box: PlotBox = PLOT): { x: number; y: number } {
	const x = box.left + (clampN(n) / N_RANGE.max) * (box.right - box.left);
	const y = box.bottom - clamp(chance, 0, 1) * (box.bottom - box.top);
	return { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 };
}

/**
 * The SVG path of the curve over n = 0…100 at chance p, through every
 * `step`-th point (a coarser step makes a shorter path, as for the static
 * page, where the tool then redraws it point by point).
 */
export function curvePath(p: number, box: PlotBox = PLOT, step = 1): string {
	return probabilityCurve(p)
		.filter(({ n }) => n % step === 0 || n === N_RANGE.max)
		.map(({ n, chance }, index) => {
			const { x, y } = plotPoint(n, chance, box);
			return `${index ? 'L' : 'M'}${x} ${y}`;
		})
		.join('');
}
