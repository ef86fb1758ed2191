/**
 * The learner store shared by every island on every page. State persists in
 * localStorage under one key; other tabs follow through `storage` events
 * (handled by @nanostores/persistent). Only the actions below change it.
 *
 * Storage can fail: blocked (privacy settings), absent, or full. The engine
 * below then keeps data in memory for this page and `$storageStatus` says so,
 * so islands can tell the reader their progress will not be kept.
 */
import { atom, computed } from 'nanostores';
import { persistentAtom, setPersistentEngine, windowPersistentEvents } from '@nanostores/persistent';
import {
	decode,
	emptyState,
	recordVisit as recordVisitIn,
	saveReflection as saveReflectionIn,
	toggleComplete as toggleCompleteIn,
	type LearnerState,
} from '../lib/learner-state';

/** localStorage key of the whole learner state. */
export const STORAGE_KEY = 'strategic-network-course';

/** `unavailable` when the browser refuses to store data: progress lasts only for this page. */
export const $storageStatus = atom<'ok' | 'unavailable'>('ok');
/** Parts of stored data that were invalid and dropped on the last read. */
export const $repairNotice = atom<string[]>([]);

const memory: Record<string, string> = {};

function local(): Storage | undefined {
	try {
		return window.localStorage;
	} catch {
		return undefined;
	}
}

/** A storage engine (property bag, as the persistent store expects) that never throws. */
const safeStorage = new Proxy(memory, {
	get(target, key: string) {
		try {
			const value = local()?.getItem(key);
			return value ?? target[key];
		} catch {
			return target[key];
		}
	},
	set(target, key: string, value: string) {
		target[key] = value;
		try {
			const storage = local();
			if (!storage) throw new Error('no storage');
			storage.setItem(key, value);
		} catch {
			$storageStatus.set('unavailable');
		}
		return true;
	},
	has(target, key: string) {
		try {
			const storage = local();
			if (storage) return storage.getItem(key) !== null;
		} catch {
			// fall through to memory
		}
		return key in target;
	},
	deleteProperty(target, key: string) {
		delete target[key];
		try {
			local()?.removeItem(key);
		} catch {
			$storageStatus.set('unavailable');
		}
		return true;
	},
});

function probeStorage(): boolean {
	try {
		const storage = local();
		if (!storage) return false;
		storage.setItem(`${STORAGE_KEY}:probe`, '1');
		storage.removeItem(`${STORAGE_KEY}:probe`);
		return true;
	} catch {
		return false;
	}
}

if (typeof window !== 'undefined') {
	setPersistentEngine(safeStorage, windowPersistentEvents);
	if (!probeStorage()) $storageStatus.set('unavailable');
}

/** The learner's state; read it, subscribe to it, but change it only through the actions below. */
export const $learner = persistentAtom<LearnerState>(STORAGE_KEY, emptyState(), {
	encode: JSON.stringify,
	decode(json) {
		const { state, dropped } = decode(json);
		if (dropped.length) $repairNotice.set(dropped);
		return state;
	},
});

/** Completed lesson slugs, as a set for quick lookups. */
export const $completed = computed($learner, (state) => new Set(Object.keys(state.lessons)));

/** Marks the lesson complete, or not complete when it already was. */
export function toggleLessonComplete(slug: string): void {
	$learner.set(toggleCompleteIn($learner.get(), slug, new Date()));
}

/** Remembers the lesson (and heading) the reader is on. */
export function recordVisit(slug: string, position?: string): void {
	$learner.set(recordVisitIn($learner.get(), slug, position, new Date()));
}

/** Saves one reflection answer. */
export function saveReflection(id: string, text: string): void {
	$learner.set(saveReflectionIn($learner.get(), id, text, new Date()));
}

/** Replaces everything with an imported state (already validated). */
export function replaceLearnerState(state: LearnerState): void {
	$learner.set(state);
	$repairNotice.set([]);
}

/** Erases all learner data from this device. */
export function eraseLearnerState(): void {
	$learner.set(emptyState());
	try {
		local()?.removeItem(STORAGE_KEY);
	} catch {
		// Nothing stored to erase.
	}
	$repairNotice.set([]);
}

/** Writes back the cleaned state after a repair, so the notice shows once. */
export function acknowledgeRepair(): void {
	$learner.set($learner.get());
	$repairNotice.set([]);
}
