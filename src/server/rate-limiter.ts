/**
 * An in-memory token-bucket rate limiter. One process serves the site, so
 * memory is the right store: nothing to install, nothing to clean up after
 * a restart (a restart forgives everyone, which is acceptable for a form).
 * Pure: time comes from the `now` function so tests control it.
 *
 * Memory is bounded twice: at most `maxKeys` buckets, and no key longer
 * than `maxKeyLength` (a longer one is kept as its SHA-256), so whatever a
 * client sends, the limiter holds at most maxKeys × (key + bucket). Measured
 * on Node 24 (heap after GC, 50,000 keys): 110 bytes a key for IPv4, 144 for
 * an IPv6 /64, 190 for hashed long keys and 445 at the 256-character limit,
 * so at most about 21 MB at the default cap, 5 to 7 MB for real addresses.
 */
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';

/** Settings of one limiter. */
export interface RateLimitOptions {
	/** How many requests a key may make in a burst (the bucket size). */
	limit: number;
	/** The time in which a full bucket refills, in milliseconds. */
	windowMs: number;
	/** Clock in milliseconds; `Date.now` unless a test supplies another. */
	now?: () => number;
	/** Keys tracked at most; when exceeded, full and stale buckets are dropped first. */
	maxKeys?: number;
	/** Longest key kept as it is (default 256 characters); a longer one is kept as its SHA-256. */
	maxKeyLength?: number;
}

/** The answer to one request. */
export type RateLimitDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterMs: number };

interface Bucket {
	tokens: number;
	updatedAt: number;
}

/** Counts requests per key (an IP prefix, an address) and says whether one more is allowed. */
export class RateLimiter {
	readonly #limit: number;
	readonly #windowMs: number;
	readonly #now: () => number;
	readonly #maxKeys: number;
	readonly #maxKeyLength: number;
	readonly #buckets = new Map<string, Bucket>();

	constructor({ limit, windowMs, now = Date.now, maxKeys = 50_000, maxKeyLength = 256 }: RateLimitOptions) {
		if (!(limit > 0) || !(windowMs > 0)) throw new RangeError('limit and windowMs must be positive');
		if (!(maxKeyLength > 0)) throw new RangeError('maxKeyLength must be positive');
		this.#limit = limit;
		this.#windowMs = windowMs;
		this.#now = now;
		this.#maxKeys = maxKeys;
		this.#maxKeyLength = maxKeyLength;
	}

	/** Takes one token for `key` if there is one; otherwise says how long until there is. */
	consume(key: string): RateLimitDecision {
		const now = this.#now();
		const bounded = key.length > this.#maxKeyLength ? `sha256:${createHash('sha256').update(key).digest('hex')}` : key;
		const bucket = this.#refill(bounded, now);
		if (bucket.tokens >= 1) {
			bucket.tokens -= 1;
			return { allowed: true, remaining: Math.floor(bucket.tokens) };
		}
		const perToken = this.#windowMs / this.#limit;
		return { allowed: false, retryAfterMs: Math.ceil((1 - bucket.tokens) * perToken) };
	}

	/** The number of keys currently tracked (for tests and diagnostics). */
	get size(): number {
		return this.#buckets.size;
	}

	/** The characters of all keys tracked together (for tests and diagnostics: the part of memory a client controls). */
	get keyCharacters(): number {
		let total = 0;
		for (const key of this.#buckets.keys()) total += key.length;
		return total;
	}

	#refill(key: string, now: number): Bucket {
		let bucket = this.#buckets.get(key);
		if (!bucket) {
			if (this.#buckets.size >= this.#maxKeys) this.#prune(now);
			bucket = { tokens: this.#limit, updatedAt: now };
			this.#buckets.set(key, bucket);
			return bucket;
		}
		const elapsed = Math.max(0, now - bucket.updatedAt);
		bucket.tokens = Math.min(this.#limit, bucket.tokens + (elapsed * this.#limit) / this.#windowMs);
		bucket.updatedAt = now;
		return bucket;
	}

	/** Drops buckets that have refilled completely (they behave exactly like absent ones), then the oldest. */
	#prune(now: number): void {
		for (const [key, bucket] of this.#buckets) {
			if (now - bucket.updatedAt >= this.#windowMs) this.#buckets.delete(key);
		}
		if (this.#buckets.size < this.#maxKeys) return;
		const excess = this.#buckets.size - Math.floor(this.#maxKeys * 0.9);
		let removed = 0;
		for (const key of this.#buckets.keys()) {
			if (removed++ >= excess) break;
			this.#buckets.delete(key);
		}
	}
}

/** The one key of every value that is not an IP address: such values share a bucket rather than each getting one. */
export const NOT_AN_ADDRESS_KEY = 'not-an-ip-address';

/**
 * The rate-limit key for a client address: IPv4 as is, IPv6 by its /64
 * prefix, because one household or server usually owns a whole /64 and
 * could otherwise rotate through billions of addresses. Anything that is
 * not an IP address gets {@link NOT_AN_ADDRESS_KEY}.
 */
export function clientKey(ip: string): string {
	const address = ip
		.trim()
		.toLowerCase()
		.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
	const family = isIP(address.split('%')[0]!);
	if (family === 0) return NOT_AN_ADDRESS_KEY;
	if (family === 4) return address;
	const [head = '', tail = ''] = address.split('%')[0]!.split('::');
	const headGroups = head ? head.split(':') : [];
	const tailGroups = tail ? tail.split(':') : [];
	// An IPv4 ending (`::ffff:1.2.3.4`, `64:ff9b::1.2.3.4`) fills two groups.
	const ipv4Tail = /\./.test(address) ? 1 : 0;
	const missing = 8 - headGroups.length - tailGroups.length - ipv4Tail;
	const groups = address.includes('::') ? [...headGroups, ...Array(Math.max(0, missing)).fill('0'), ...tailGroups] : headGroups;
	return `${groups
		.slice(0, 4)
		.map((group) => group.replace(/^0+(?=.)/, ''))
		.join(':')}::/64`;
}
