/**
 * The learner's state: what they completed, where they were, what they wrote.
 * It lives only on the reader's device. This module is pure (no DOM, no
 * storage) so every rule is unit-tested:
 *
 * - one versioned shape (`ProgressState`), with `migrate` lifting older
 *   versions step by step to `CURRENT_VERSION`;
 * - `sanitize` reads anything (hand-edited or corrupted storage) and keeps
 *   every valid part, reporting what it dropped, so a page never breaks;
 * - reducers (`toggleComplete`, `recordVisit`, `saveReflection`) return new
 *   states and never mutate.
 *
 * Strict validation of imported files is zod's job (learner-schema.ts, loaded
 * only on the data page); this sanitizer is hand-written because zod's
 * smallest build alone would exceed the 3 KB budget for state code on every page.
 */
import { CURRENT_VERSION, isIsoDateTime, isObject, versionOf, decodeWith, type Json } from '../learner/stored-part';

// Re-exported: the rest of the model (and its tests) read them from here too.
export { CURRENT_VERSION, decodeWith, isIsoDateTime, isObject, partData, versionOf, type Json } from '../learner/stored-part';

/** Identifies exported files as ours. */
export const EXPORT_APP = 'strategic-network-course';
/** Longest reflection answer kept (characters). */
export const MAX_REFLECTION_LENGTH = 10_000;

export interface LessonProgress {
	/** ISO date-time when the reader marked the lesson complete. */
	completedAt: string;
}

export interface LastVisit {
	/** Slug of the lesson last read. */
	lesson: string;
	/** Id of the last heading the reader scrolled past, if any. */
	position?: string;
	/** ISO date-time of the visit. */
	at: string;
}

export interface Reflection {
	text: string;
	updatedAt: string;
}

/** The progress part of the learner model (its other parts live in their own modules). */
export interface ProgressState {
	version: typeof CURRENT_VERSION;
	/** Completed lessons by slug. */
	lessons: Record<string, LessonProgress>;
	lastVisit?: LastVisit;
	/** Reflection answers by prompt id. */
	reflections: Record<string, Reflection>;
}

export interface SanitizeResult {
	state: ProgressState;
	/** Human-readable names of the parts that were invalid and dropped. */
	dropped: string[];
}

/** A version step: takes data of version N and returns data of version N + 1. */
export type Migration = (data: Json) => Json;

/**
 * Steps between versions: `MIGRATIONS[n]` lifts version n to n + 1.
 * Version 2 added goals, the network map and assessment attempts to the model;
 * they are stored under their own keys, and version-1 data simply has none,
 * so the step only has to fill them in empty for whole-model data (exports).
 */
export const MIGRATIONS: Record<number, Migration> = {
	1: (data) => ({ ...data }),
};

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A fresh state for a first-time reader. */
export function emptyState(): ProgressState {
	return { version: CURRENT_VERSION, lessons: {}, reflections: {} };
}

/**
 * Lifts data from its version to `CURRENT_VERSION`. Throws for a version newer
 * than this code knows (an export from a later release) or a missing step.
 */
export function migrate(data: Json, migrations: Record<number, Migration> = MIGRATIONS, target = CURRENT_VERSION): Json {
	let version = versionOf(data);
	if (version === undefined) throw new Error('The data has no valid version number.');
	if (version > target) throw new Error(`The data is from a newer version (${version}) of the course than this one (${target}).`);
	let current = data;
	while (version < target) {
		const step = migrations[version];
		if (!step) throw new Error(`No migration from version ${version}.`);
		current = { ...step(current), version: version + 1 };
		version += 1;
	}
	return current;
}

function sanitizeLessons(raw: unknown, dropped: string[]): Record<string, LessonProgress> {
	const lessons: Record<string, LessonProgress> = {};
	if (raw === undefined) return lessons;
	if (!isObject(raw)) {
		dropped.push('lesson progress');
		return lessons;
	}
	for (const [slug, value] of Object.entries(raw)) {
		if (SLUG.test(slug) && isObject(value) && isIsoDateTime(value.completedAt)) {
			lessons[slug] = { completedAt: value.completedAt };
		} else dropped.push(`progress for lesson “${slug.slice(0, 40)}”`);
	}
	return lessons;
}

function sanitizeReflections(raw: unknown, dropped: string[]): Record<string, Reflection> {
	const reflections: Record<string, Reflection> = {};
	if (raw === undefined) return reflections;
	if (!isObject(raw)) {
		dropped.push('reflection answers');
		return reflections;
	}
	for (const [id, value] of Object.entries(raw)) {
		const valid =
			SLUG.test(id) &&
			isObject(value) &&
			typeof value.text === 'string' &&
			value.text.length <= MAX_REFLECTION_LENGTH &&
			isIsoDateTime(value.updatedAt);
		if (valid) reflections[id] = { text: value.text as string, updatedAt: value.updatedAt as string };
		else dropped.push(`reflection answer “${id.slice(0, 40)}”`);
	}
	return reflections;
}

function sanitizeLastVisit(raw: unknown, dropped: string[]): LastVisit | undefined {
	if (raw === undefined) return undefined;
	const valid =
		isObject(raw) &&
		typeof raw.lesson === 'string' &&
		SLUG.test(raw.lesson) &&
		isIsoDateTime(raw.at) &&
		(raw.position === undefined || (typeof raw.position === 'string' && SLUG.test(raw.position)));
	if (!valid) {
		dropped.push('the last lesson visited');
		return undefined;
	}
	const visit: LastVisit = { lesson: raw.lesson as string, at: raw.at as string };
	if (raw.position !== undefined) visit.position = raw.position as string;
	return visit;
}

/**
 * Reads stored data of any quality: migrates older versions, keeps every valid
 * part and lists what it dropped. Never throws.
 */
export function sanitize(raw: unknown): SanitizeResult {
	const dropped: string[] = [];
	if (raw === undefined || raw === null) return { state: emptyState(), dropped };
	let data: Json;
	try {
		if (!isObject(raw)) throw new Error('not an object');
		data = migrate(raw);
	} catch {
		return { state: emptyState(), dropped: ['all saved progress (unreadable)'] };
	}
	const state: ProgressState = {
		version: CURRENT_VERSION,
		lessons: sanitizeLessons(data.lessons, dropped),
		reflections: sanitizeReflections(data.reflections, dropped),
	};
	const lastVisit = sanitizeLastVisit(data.lastVisit, dropped);
	if (lastVisit) state.lastVisit = lastVisit;
	return { state, dropped };
}

/** Parses a stored JSON string; malformed JSON counts as one dropped part. */
export function decode(json: string | undefined | null): SanitizeResult {
	return decodeWith(json, sanitize, emptyState, 'all saved progress');
}

/** Marks a lesson complete (dated `now`) or, when it already is, not complete. */
export function toggleComplete(state: ProgressState, slug: string, now: Date): ProgressState {
	const lessons = { ...state.lessons };
	if (lessons[slug]) delete lessons[slug];
	else lessons[slug] = { completedAt: now.toISOString() };
	return { ...state, lessons };
}

/** Records that the reader is reading `slug`, at the heading `position` if known. */
export function recordVisit(state: ProgressState, slug: string, position: string | undefined, now: Date): ProgressState {
	const lastVisit: LastVisit = { lesson: slug, at: now.toISOString() };
	if (position && SLUG.test(position)) lastVisit.position = position;
	return { ...state, lastVisit };
}

/** Saves (or, for blank text, removes) the answer to one reflection prompt. */
export function saveReflection(state: ProgressState, id: string, text: string, now: Date): ProgressState {
	const reflections = { ...state.reflections };
	if (text.trim() === '') delete reflections[id];
	else reflections[id] = { text: text.slice(0, MAX_REFLECTION_LENGTH), updatedAt: now.toISOString() };
	return { ...state, reflections };
}

/** How many of `slugs` are complete. */
export function completedCount(state: ProgressState, slugs: readonly string[]): number {
	return slugs.filter((slug) => state.lessons[slug]).length;
}

export interface ContinueTarget {
	kind: 'start' | 'continue' | 'review';
	/** Index into the course's lesson list. */
	index: number;
	/** Heading id to resume at, when the reader was last inside this lesson. */
	position?: string;
}

/**
 * Where the home page's main action leads: a first-time reader starts at
 * lesson 1; a returning reader continues the lesson last visited if it is
 * unfinished, else the first unfinished one; when all are done, review.
 */
export function continueTarget(state: ProgressState, slugs: readonly string[]): ContinueTarget {
	const started =
		Object.keys(state.lessons).some((slug) => slugs.includes(slug)) || Boolean(state.lastVisit && slugs.includes(state.lastVisit.lesson));
	if (!started) return { kind: 'start', index: 0 };
	if (completedCount(state, slugs) === slugs.length) return { kind: 'review', index: 0 };
	const last = state.lastVisit;
	const lastIndex = last ? slugs.indexOf(last.lesson) : -1;
	if (last && lastIndex >= 0 && !state.lessons[last.lesson]) {
		return last.position ? { kind: 'continue', index: lastIndex, position: last.position } : { kind: 'continue', index: lastIndex };
	}
	return { kind: 'continue', index: slugs.findIndex((slug) => !state.lessons[slug]) };
}
