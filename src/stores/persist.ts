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
import type { StoredPart } from '../lib/learner/stored-part';

/** localStorage key prefix of every part. */
export const STORAGE_KEY = 'strategic-network-course';

/** `unavailable` when the browser refuses to store data durably. */
export const $storageStatus = atom<'ok' | 'unavailable'>('ok');
/** When unavailable, how long data lasts: for this tab (sessionStorage) or only this page (memory). */
export const $storageScope = atom<'tab' | 'page'>('tab');
/** Parts of stored data that were invalid and dropped on the last read. */
export const $repairNotice = atom<string[]>([]);

type Backend = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const memory: Record<string, string> = {};
const memoryBackend: Backend = {
	getItem: (key) => memory[key] ?? null,
	setItem: (key, value) => {
		memory[key] = value;
	},
	removeItem: (key) => {
		delete memory[key];
	},
};

/** The storage if it can be written now, else undefined (blocked, absent, full). */
function writable(get: () => Storage): Backend | undefined {
	try {
		const storage = get();
		storage.setItem(`${STORAGE_KEY}:probe`, '1');
		storage.removeItem(`${STORAGE_KEY}:probe`);
		return storage;
	} catch {
		return undefined;
	}
}

function readLocal(key: string): string | null {
	try {
		return window.localStorage.getItem(key);
	} catch {
		return null;
	}
}

let backend: Backend = memoryBackend;
let durable = false;

/** localStorage failed: keep going in sessionStorage (this tab) or, failing that, memory (this page). */
function degrade(): void {
	const session = writable(() => window.sessionStorage);
	backend = session ?? memoryBackend;
	durable = false;
	$storageScope.set(session ? 'tab' : 'page');
	$storageStatus.set('unavailable');
}

/** What is stored under `key`, or null; after a fallback, what this tab wrote wins and older saved data is still readable. */
function read(key: string): string | null {
	try {
		return backend.getItem(key) ?? (durable ? null : readLocal(key));
	} catch {
		return null;
	}
}

/** A storage engine (a property bag, as the persistent store expects) that never throws. */
const safeStorage = new Proxy(memory, {
	get: (_target, key: string) => read(key) ?? undefined,
	has: (_target, key: string) => read(key) !== null,
	set(_target, key: string, value: string) {
		try {
			backend.setItem(key, value);
		} catch {
			degrade();
			try {
				backend.setItem(key, value);
			} catch {
				memory[key] = value;
			}
		}
		return true;
	},
	deleteProperty(_target, key: string) {
		try {
			backend.removeItem(key);
			if (!durable) window.localStorage.removeItem(key);
		} catch {
			// Nothing more can be removed.
		}
		return true;
	},
});

if (typeof window !== 'undefined') {
	setPersistentEngine(safeStorage, windowPersistentEvents);
	const local = writable(() => window.localStorage);
	if (local) {
		backend = local;
		durable = true;
	} else degrade();
}

/** Parts read with invalid data dropped, by key: each writes its repaired state back. */
const repaired = new Map<string, () => void>();

/**
 * A persistent store for one part of the learner model, read leniently by
 * the part's own description on every read (including changes from other tabs).
 */
export function persistedPart<T>(key: string, part: StoredPart<T>): WritableAtom<T> {
	const store = persistentAtom<T>(key, part.empty(), {
		encode: JSON.stringify,
		decode(json) {
			const { state, dropped } = part.decode(json);
			if (dropped.length) {
				$repairNotice.set([...$repairNotice.get(), ...dropped]);
				repaired.set(key, () => store.set(store.get()));
			}
			return state;
		},
	});
	return store;
}

/** The reader saw the notice: store every repaired part as repaired, so it shows once. */
export function acknowledgeRepair(): void {
	for (const writeBack of repaired.values()) writeBack();
	repaired.clear();
	$repairNotice.set([]);
}

/** Removes a part from storage and resets its store. */
export function erasePart<T>(store: WritableAtom<T>, key: string, part: StoredPart<T>): void {
	store.set(part.empty());
	delete (safeStorage as Record<string, string>)[key];
}
