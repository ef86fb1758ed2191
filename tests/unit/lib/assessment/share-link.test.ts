import { describe, expect, it } from 'vitest';
import {
	SHARE_VERSION,
	decodeShare,
	encodeShare,
	shareByteLength,
	shareChecksum,
	shareCodeFrom,
	shareFragment,
	type ShareError,
} from '../../../../src/lib/assessment/share-link';

/** The statement set the codes are made for (its ids in scoring order). */
const key = 'p1-a,p1-b,p1-c,p2-a,p2-b,p2-c,p3-a,p3-b,p3-c,p4-a,p4-b,p4-c,p5-a,p5-b,p5-c,p6-a,p6-b,p6-c';
const count = 18;
const mixed = [1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2, 3];

/** A code from raw bytes with a correct checksum, to reach the checks after the checksum. */
function signed(body: number[], forKey = key): string {
	const checksum = shareChecksum(forKey, body);
	return Buffer.from([...body, checksum >> 8, checksum & 0xff]).toString('base64url');
}

/** Three-bit packing of values 0–7, as the format defines it. */
function packed(values: number[]): number[] {
	const bits = values.map((value) => value.toString(2).padStart(3, '0')).join('');
	const padded = bits.padEnd(Math.ceil(bits.length / 8) * 8, '0');
	return padded.match(/.{8}/g)!.map((byte) => parseInt(byte, 2));
}

describe('encodeShare and decodeShare', () => {
	it.each<[string, number[]]>([
		['all 1s', Array(count).fill(1)],
		['all 5s', Array(count).fill(5)],
		['a mixed set', mixed],
		['a mixed set backwards', [...mixed].reverse()],
	])('round-trips %s', (_name, answers) => {
		expect(decodeShare(encodeShare(answers, key), count, key)).toEqual({ ok: true, answers });
	});

	it('makes a 14-character URL-safe code for 18 answers', () => {
		const code = encodeShare(mixed, key);
		expect(code).toMatch(/^[A-Za-z0-9_-]{14}$/);
		expect(shareByteLength(count)).toBe(10);
	});

	it('keeps the version-1 format stable, so links already shared keep opening', () => {
		// Version byte 01, then 001 010 011 100 101 001 010 011 ... packed three bits at a time, then the checksum.
		expect(encodeShare(mixed, 'k')).toBe('ASnKU5SnKUwqIQ');
		expect(decodeShare('ASnKU5SnKUwqIQ', count, 'k')).toEqual({ ok: true, answers: mixed });
	});

	it('packs the answers three bits at a time after the version byte', () => {
		const bytes = [...Buffer.from(encodeShare(mixed, key), 'base64url')];
		expect(bytes.slice(0, -2)).toEqual([SHARE_VERSION, ...packed(mixed)]);
	});

	it.each([[[0, ...mixed.slice(1)]], [[6, ...mixed.slice(1)]], [[...mixed.slice(0, 17), 2.5]]])(
		'refuses to encode answers off the scale (%j)',
		(answers) => {
			expect(() => encodeShare(answers, key)).toThrow(RangeError);
		},
	);
});

describe('decodeShare: bad links', () => {
	const good = encodeShare(mixed, key);
	/** The good code with one character swapped for another. */
	const swap = (index: number) => good.slice(0, index) + (good[index] === 'A' ? 'B' : 'A') + good.slice(index + 1);

	it.each<[string, string, ShareError]>([
		['an empty code', '', 'malformed'],
		['characters outside base64url', 'ASnK+5Sn/UwqIQ', 'malformed'],
		['spaces', 'ASnKU5Sn KUwqIQ', 'malformed'],
		['percent-encoded junk', '%E2%80%94', 'malformed'],
		['an impossible base64 length', 'ASnKU', 'malformed'],
		['a code cut short', good.slice(0, 10), 'length'],
		['a code with extra bytes', good + 'AAAA', 'length'],
		['a different version byte', signed([2, ...packed(mixed)]), 'version'],
		['version 0', signed([0, ...packed(mixed)]), 'version'],
		['one answer character changed', swap(5), 'checksum'],
		['the last character changed', swap(good.length - 1), 'checksum'],
		['a code made for another statement set', encodeShare(mixed, 'other,statements'), 'checksum'],
		['an answer of 0 (with a correct checksum)', signed([SHARE_VERSION, ...packed([0, ...mixed.slice(1)])]), 'digits'],
		['an answer of 6 (with a correct checksum)', signed([SHARE_VERSION, ...packed([...mixed.slice(0, 17), 6])]), 'digits'],
		[
			'an answer of 7 (with a correct checksum)',
			signed([SHARE_VERSION, ...packed([...mixed.slice(0, 9), 7, ...mixed.slice(10)])]),
			'digits',
		],
	])('refuses %s', (_name, code, error) => {
		expect(decodeShare(code, count, key)).toEqual({ ok: false, error });
	});

	it('never throws, whatever the input', () => {
		for (const code of ['====', '-_-_', 'A', 'AA', '\u0000', 'é', 'A'.repeat(10_000), '#r=ASnK']) {
			expect(() => decodeShare(code, count, key)).not.toThrow();
			expect(decodeShare(code, count, key).ok).toBe(false);
		}
	});

	it('refuses a code made before a statement was added or removed', () => {
		const seventeen = key.split(',').slice(0, 17).join(',');
		const nineteen = `${key},p6-d`;
		expect(decodeShare(good, 17, seventeen)).toEqual({ ok: false, error: 'checksum' });
		expect(decodeShare(good, 19, nineteen)).toEqual({ ok: false, error: 'length' });
	});
});

describe('share fragments', () => {
	it('puts the code after #r=', () => {
		expect(shareFragment('ASnKU5SnKUwqIQ')).toBe('#r=ASnKU5SnKUwqIQ');
	});

	it.each<[string, string | undefined]>([
		['#r=ASnKU5SnKUwqIQ', 'ASnKU5SnKUwqIQ'],
		['r=abc', 'abc'],
		['#r=', ''],
		['#results', undefined],
		['#main', undefined],
		['', undefined],
	])('reads the code from "%s" as %j', (hash, expected) => {
		expect(shareCodeFrom(hash)).toBe(expected);
	});
});
