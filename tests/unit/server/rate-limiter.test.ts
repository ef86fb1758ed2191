import { describe, expect, it } from 'vitest';
import { clientKey, NOT_AN_ADDRESS_KEY, RateLimiter } from '../../../src/server/rate-limiter';

function clock(start = 0) {
	let now = start;
	return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('RateLimiter', () => {
	it('allows a burst up to the limit, then refuses with the time until the next request', () => {
		const time = clock();
		const limiter = new RateLimiter({ limit: 3, windowMs: 60_000, now: time.now });
		expect([1, 2, 3].map(() => limiter.consume('k').allowed)).toEqual([true, true, true]);
		expect(limiter.consume('k')).toEqual({ allowed: false, retryAfterMs: 20_000 });
	});

	it('refills gradually: one request per window/limit', () => {
		const time = clock();
		const limiter = new RateLimiter({ limit: 3, windowMs: 60_000, now: time.now });
		for (let i = 0; i < 3; i++) limiter.consume('k');
		time.advance(19_999);
		expect(limiter.consume('k').allowed).toBe(false);
		time.advance(1);
		expect(limiter.consume('k').allowed).toBe(true);
		expect(limiter.consume('k').allowed).toBe(false);
	});

	it('never refills beyond the limit, however long the pause', () => {
		const time = clock();
		const limiter = new RateLimiter({ limit: 2, windowMs: 1_000, now: time.now });
		limiter.consume('k');
		time.advance(3_600_000);
		expect([1, 2, 3].map(() => limiter.consume('k').allowed)).toEqual([true, true, false]);
	});

	it('keeps keys apart', () => {
		const limiter = new RateLimiter({ limit: 1, windowMs: 1_000, now: () => 0 });
		expect(limiter.consume('a').allowed).toBe(true);
		expect(limiter.consume('b').allowed).toBe(true);
		expect(limiter.consume('a').allowed).toBe(false);
	});

	it('bounds its memory by dropping buckets that have refilled', () => {
		const time = clock();
		const limiter = new RateLimiter({ limit: 1, windowMs: 1_000, now: time.now, maxKeys: 100 });
		for (let i = 0; i < 100; i++) limiter.consume(`old-${i}`);
		time.advance(1_000);
		limiter.consume('new');
		expect(limiter.size).toBe(1);
	});

	it('still bounds memory when every bucket is busy', () => {
		const limiter = new RateLimiter({ limit: 1, windowMs: 1_000, now: () => 0, maxKeys: 100 });
		for (let i = 0; i < 500; i++) limiter.consume(`k-${i}`);
		expect(limiter.size).toBeLessThanOrEqual(100);
	});

	it('rejects nonsense settings', () => {
		expect(() => new RateLimiter({ limit: 0, windowMs: 1 })).toThrow(RangeError);
		expect(() => new RateLimiter({ limit: 1, windowMs: 1, maxKeyLength: 0 })).toThrow(RangeError);
	});

	it('keeps no key longer than maxKeyLength, so huge keys cannot grow memory', () => {
		const limiter = new RateLimiter({ limit: 1, windowMs: 1_000, now: () => 0, maxKeys: 1_000, maxKeyLength: 256 });
		for (let i = 0; i < 3_000; i++) limiter.consume(`${i}-${'x'.repeat(16_000)}`);
		expect(limiter.size, 'the number of keys is capped').toBeLessThanOrEqual(1_000);
		expect(limiter.keyCharacters, 'and so is their size').toBeLessThanOrEqual(1_000 * 256);
	});

	it('still tells long keys apart, and a long key keeps its own bucket', () => {
		const limiter = new RateLimiter({ limit: 1, windowMs: 1_000, now: () => 0, maxKeyLength: 64 });
		const long = 'a'.repeat(300);
		expect(limiter.consume(`${long}1`).allowed).toBe(true);
		expect(limiter.consume(`${long}2`).allowed, 'a different long key').toBe(true);
		expect(limiter.consume(`${long}1`).allowed, 'the same long key again').toBe(false);
	});
});

describe('clientKey', () => {
	it('uses an IPv4 address as it is, also when mapped into IPv6', () => {
		expect(clientKey('203.0.113.7')).toBe('203.0.113.7');
		expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
	});

	it('groups IPv6 addresses by their /64 prefix', () => {
		expect(clientKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
		expect(clientKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
		expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
		expect(clientKey('::1')).toBe('0:0:0:0::/64');
		expect(clientKey('::1:2:3:4:1.2.3.4'), 'an IPv4 ending fills two groups').toBe('0:0:1:2::/64');
		expect(clientKey('64:ff9b::198.51.100.7')).toBe('64:ff9b:0:0::/64');
	});

	it('gives everything that is not an IP address one shared key', () => {
		for (const value of ['not-an-ip', 'x'.repeat(16_000), '1.2.3.4.5', '2001:db8::1::2', ''])
			expect(clientKey(value), value.slice(0, 20)).toBe(NOT_AN_ADDRESS_KEY);
	});
});
