import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustProxy } from '../../../src/server/client-address';

const none = parseTrustProxy(undefined);
const oneHop = parseTrustProxy('1');
const twoHops = parseTrustProxy('2');
const proxies = parseTrustProxy('127.0.0.1, 10.0.0.0/8, ::1, fd00::/8');

describe('parseTrustProxy', () => {
	it('trusts nothing when unset, empty or 0', () => {
		for (const value of [undefined, '', '  ', '0']) expect(parseTrustProxy(value).kind, String(value)).toBe('none');
	});

	it('reads a number of hops or a list of addresses and CIDRs', () => {
		expect(parseTrustProxy('2')).toEqual({ kind: 'hops', hops: 2 });
		expect(proxies.kind).toBe('addresses');
	});

	it('refuses anything else, naming the setting and the bad part', () => {
		for (const [value, part] of [
			['true', 'true'],
			['10.0.0.0/33', '10.0.0.0/33'],
			['127.0.0.1, proxy.internal', 'proxy.internal'],
			['::1/129', '::1/129'],
			['1.2.3.4/8/8', '1.2.3.4/8/8'],
			['-1', '-1'],
		])
			expect(() => parseTrustProxy(value), value).toThrow(new RegExp(`TRUST_PROXY: "${part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}"`));
		expect(() => parseTrustProxy('100')).toThrow(/TRUST_PROXY: 100 hops/);
	});
});

describe('clientAddress', () => {
	it('uses the socket address and ignores X-Forwarded-For when no proxy is trusted', () => {
		expect(clientAddress('203.0.113.9', '6.6.6.6', none)).toBe('203.0.113.9');
		expect(clientAddress('::ffff:203.0.113.9', null, none), 'IPv4 peers of a dual-stack socket').toBe('203.0.113.9');
	});

	it('with one hop, takes the address the proxy appended, whatever the client put before it', () => {
		expect(clientAddress('127.0.0.1', '203.0.113.9', oneHop)).toBe('203.0.113.9');
		expect(clientAddress('127.0.0.1', '6.6.6.6, 203.0.113.9', oneHop), 'a forged leftmost value changes nothing').toBe('203.0.113.9');
		expect(clientAddress('127.0.0.1', '1.1.1.1, 2.2.2.2, 203.0.113.9', oneHop)).toBe('203.0.113.9');
		expect(clientAddress('127.0.0.1', null, oneHop), 'no header: the socket').toBe('127.0.0.1');
	});

	it('with two hops (a CDN, then nginx), takes the address the first proxy saw', () => {
		expect(clientAddress('10.0.0.2', '6.6.6.6, 203.0.113.9, 198.51.100.7', twoHops)).toBe('203.0.113.9');
	});

	it('with a list, skips the trusted proxies from the right and stops at the first other address', () => {
		expect(clientAddress('127.0.0.1', '6.6.6.6, 203.0.113.9, 10.1.2.3', proxies)).toBe('203.0.113.9');
		expect(clientAddress('::1', '2001:db8::1', proxies)).toBe('2001:db8::1');
		expect(clientAddress('198.51.100.4', '6.6.6.6', proxies), 'a client that is not a trusted proxy forges nothing').toBe('198.51.100.4');
	});

	it('ignores a value that is not an IP address and uses the socket address', () => {
		expect(clientAddress('127.0.0.1', 'not-an-ip', oneHop)).toBe('127.0.0.1');
		expect(clientAddress('127.0.0.1', 'x'.repeat(16_000), oneHop)).toBe('127.0.0.1');
		expect(clientAddress('127.0.0.1', '203.0.113.9, <script>', proxies)).toBe('127.0.0.1');
		expect(clientAddress('127.0.0.1', '', oneHop)).toBe('127.0.0.1');
	});

	it('reads the address forms proxies write: with a port, in brackets, IPv4-mapped', () => {
		expect(clientAddress('127.0.0.1', '203.0.113.9:51234', oneHop)).toBe('203.0.113.9');
		expect(clientAddress('127.0.0.1', '[2001:db8::1]:443', oneHop)).toBe('2001:db8::1');
		expect(clientAddress('127.0.0.1', '::ffff:203.0.113.9', oneHop)).toBe('203.0.113.9');
	});
});
