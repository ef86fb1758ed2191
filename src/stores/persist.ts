/**
 * Persistence shared by every part of the learner model. Each part lives in
 * localStorage under its own key (so a page loads only the parts it uses);
 * other tabs follow through `storage` events (@nanostores/persistent).
 *
 * Storage can fail: blocked (privacy settings), absent, or full. The engine
 * below then keeps data in memory for this page and `$storageStatus` says so,
 * so islands can tell the reader their progress will not be kept. Data that
 * fails validation on read is repaired, and `$repairNotice` lists what went.
 */
import { atom, type WritableAtom } from 'nanostores';
import { persistentAtom, setPersistentEngine, windowPersistentEvents } from '@nanostores/persistent';
import { decodeWith } from '../lib/learner-state';

/** localStorage key prefix of every part. */
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

/** A storage engine (a property bag, as the persistent store expects) that never throws. */
const safeStorage = new Proxy(memory, {
	get(target, key: string) {
		try {
			return local()?.getItem(key) ?? target[key];
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
			if (storage) return storage.getItem(key) !== null || key in target;
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

/**
 * A persistent store for one part of the learner model, validated on every
 * read (including changes from other tabs) by `sanitize`.
 */
export function persistedPart<T>(
	key: string,
	empty: () => T,
	sanitize: (raw: unknown) => { state: T; dropped: string[] },
	label: string,
): WritableAtom<T> {
	return persistentAtom<T>(key, empty(), {
		encode: JSON.stringify,
		decode(json) {
			const { state, dropped } = decodeWith(json, sanitize, empty, label);
			if (dropped.length) $repairNotice.set([...$repairNotice.get(), ...dropped]);
			return state;
		},
	});
}

/** Removes a part from storage and resets its store. */
export function erasePart<T>(store: WritableAtom<T>, key: string, empty: () => T): void {
	store.set(empty());
	delete (safeStorage as Record<string, string>)[key];
}
