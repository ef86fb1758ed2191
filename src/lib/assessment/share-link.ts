/**
 * Share links for a self-assessment result: the answers travel in the URL
 * fragment (`/assessment/#r=…`), which browsers never send to a server.
 *
 * Format, version 1: base64url (no padding) of these bytes
 *
 *   [version] [answers, 3 bits each, first answer in the high bits, zero-padded] [checksum: 2 bytes]
 *
 * 18 answers make 10 bytes, a 14-character code. The checksum (FNV-1a,
 * folded to 16 bits) covers the version, the answers and the ids of the
 * statements in order, so a link that was cut short, mistyped or edited, or
 * that was made for a different set of statements, is refused with a reason
 * instead of showing a wrong result. It detects damage; it is not a
 * signature (anyone can make a valid link for any answers, by design: the
 * answers are the reader's own).
 */
import { SCALE_MAX, SCALE_MIN } from './answer-scale';

/** The format version written into every link. */
export const SHARE_VERSION = 1;
/** The fragment parameter that carries the code: `#r=…`. */
export const SHARE_PARAM = 'r';

const BITS = 3;
const CHECKSUM_BYTES = 2;

/** Why a link cannot be read, for a message the reader understands. */
export type ShareError = 'malformed' | 'version' | 'length' | 'checksum' | 'digits';

export type DecodedShare = { ok: true; answers: number[] } | { ok: false; error: ShareError };

/** Bytes needed for `count` answers plus the version and checksum. */
export function shareByteLength(count: number): number {
	return 1 + Math.ceil((count * BITS) / 8) + CHECKSUM_BYTES;
}

/** 16-bit FNV-1a of the statement key (its UTF-16 code units) and the bytes. */
export function shareChecksum(key: string, bytes: readonly number[]): number {
	let hash = 0x811c9dc5;
	const mix = (value: number) => {
		hash ^= value;
		hash = Math.imul(hash, 0x01000193) >>> 0;
	};
	for (let i = 0; i < key.length; i++) mix(key.charCodeAt(i));
	for (const byte of bytes) mix(byte);
	return ((hash >>> 16) ^ hash) & 0xffff;
}

function toBase64Url(bytes: readonly number[]): string {
	return btoa(String.fromCharCode(...bytes))
		.replace(/\+/g, '-')
		.replace(/\//g, '_')
		.replace(/=+$/, '');
}

function fromBase64Url(code: string): number[] | undefined {
	if (!/^[A-Za-z0-9_-]+$/.test(code) || code.length % 4 === 1) return undefined;
	try {
		return [...atob(code.replace(/-/g, '+').replace(/_/g, '/'))].map((char) => char.charCodeAt(0));
	} catch {
		return undefined;
	}
}

/** Packs answers (each 0–7) three bits at a time, first answer first. */
function pack(values: readonly number[]): number[] {
	const bytes = new Array<number>(Math.ceil((values.length * BITS) / 8)).fill(0);
	values.forEach((value, index) => {
		for (let bit = 0; bit < BITS; bit++) {
			if ((value >> (BITS - 1 - bit)) & 1) {
				const position = index * BITS + bit;
				bytes[position >> 3]! |= 0x80 >> (position & 7);
			}
		}
	});
	return bytes;
}

function unpack(bytes: readonly number[], count: number): number[] {
	return Array.from({ length: count }, (_, index) => {
		let value = 0;
		for (let bit = 0; bit < BITS; bit++) {
			const position = index * BITS + bit;
			value = (value << 1) | ((bytes[position >> 3]! >> (7 - (position & 7))) & 1);
		}
		return value;
	});
}

/**
 * The share code for `answers` (each 1–5, in statement order); `key`
 * identifies the statement set (their ids in order). Throws for an answer
 * off the scale: only complete results are shared.
 */
export function encodeShare(answers: readonly number[], key: string): string {
	if (answers.some((answer) => !Number.isInteger(answer) || answer < SCALE_MIN || answer > SCALE_MAX)) {
		throw new RangeError('Every answer must be a whole number from 1 to 5.');
	}
	const body = [SHARE_VERSION, ...pack(answers)];
	const checksum = shareChecksum(key, body);
	return toBase64Url([...body, checksum >> 8, checksum & 0xff]);
}

/**
 * Reads a share code made for `count` statements identified by `key`.
 * Never throws: anything wrong comes back as the first problem found.
 */
export function decodeShare(code: string, count: number, key: string): DecodedShare {
	const bytes = fromBase64Url(code);
	if (!bytes || bytes.length === 0) return { ok: false, error: 'malformed' };
	if (bytes[0] !== SHARE_VERSION) return { ok: false, error: 'version' };
	if (bytes.length !== shareByteLength(count)) return { ok: false, error: 'length' };
	const body = bytes.slice(0, -CHECKSUM_BYTES);
	const checksum = (bytes[bytes.length - 2]! << 8) | bytes[bytes.length - 1]!;
	if (checksum !== shareChecksum(key, body)) return { ok: false, error: 'checksum' };
	const answers = unpack(body.slice(1), count);
	if (answers.some((answer) => answer < SCALE_MIN || answer > SCALE_MAX)) return { ok: false, error: 'digits' };
	return { ok: true, answers };
}

/** The URL fragment for a code: `#r=…`. */
export function shareFragment(code: string): string {
	return `#${SHARE_PARAM}=${code}`;
}

/** The share code in a URL fragment (`#r=…`), or undefined when the fragment holds none. */
export function shareCodeFrom(hash: string): string | undefined {
	const fragment = hash.replace(/^#/, '');
	const prefix = `${SHARE_PARAM}=`;
	return fragment.startsWith(prefix) ? fragment.slice(prefix.length) : undefined;
}
