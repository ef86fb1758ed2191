import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIRM_TOKEN_TTL_MS, createToken, hashToken, isWellFormedToken, tokenState } from '../../../src/server/tokens';
import { issueFormStamp, judgeFormStamp } from '../../../src/server/form-timing';

const i18n = resolve(import.meta.dirname, '../../../src/i18n');

describe('tokens', () => {
	it('are 32 random bytes in base64url, different every time', () => {
		const tokens = new Set(Array.from({ length: 1000 }, createToken));
		expect(tokens.size).toBe(1000);
		for (const token of tokens) expect(isWellFormedToken(token)).toBe(true);
	});

	it('are stored as a SHA-256 hash that does not contain the token', () => {
		const token = createToken();
		const hash = hashToken(token);
		expect(hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(hash).not.toBe(token);
		expect(hashToken(token)).toBe(hash);
		expect(hashToken(createToken())).not.toBe(hash);
	});

	it('hash a known value to the known SHA-256', () => {
		// sha256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
		expect(Buffer.from(hashToken('abc'), 'base64url').toString('hex')).toBe(
			'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
		);
	});

	it('refuse anything that is not a token before it reaches the database', () => {
		for (const value of ['', 'short', `${createToken()}x`, "' OR 1=1 --".padEnd(43, 'a'), null, 42])
			expect(isWellFormedToken(value)).toBe(false);
	});

	it('last as long as every interface string and mail tells readers they do', () => {
		// Each catalog string that gives the link's lifetime in hours (the form's success message,
		// the confirmation mail, the expired-link page), whatever catalog it lives in.
		const catalogs = readdirSync(i18n).filter((name) => name.endsWith('.json'));
		const promises = catalogs.flatMap((name) =>
			Object.entries(JSON.parse(readFileSync(join(i18n, name), 'utf8')) as Record<string, string>).flatMap(([key, text]) =>
				[...text.matchAll(/\b(\d+) hours\b/g)].map((match) => ({ key, hours: Number(match[1]) })),
			),
		);
		expect(promises.length, 'the form, the mail and the expired page each say how long the link works').toBeGreaterThanOrEqual(3);
		for (const { key, hours } of promises) expect(CONFIRM_TOKEN_TTL_MS, `${key} says ${hours} hours`).toBe(hours * 3_600_000);
	});

	it('expire at the end of their lifetime, and not a millisecond sooner', () => {
		const created = 1_000_000;
		const token = { usedAt: null, expiresAt: created + CONFIRM_TOKEN_TTL_MS };
		expect(tokenState(token, created + CONFIRM_TOKEN_TTL_MS - 1)).toBe('valid');
		expect(tokenState(token, created + CONFIRM_TOKEN_TTL_MS)).toBe('expired');
	});

	it('report a used token as used, even after it would have expired', () => {
		expect(tokenState({ usedAt: 5, expiresAt: 10 }, 100)).toBe('used');
	});

	it('never expire when they have no expiry (unsubscribe links)', () => {
		expect(tokenState({ usedAt: null, expiresAt: null }, Number.MAX_SAFE_INTEGER)).toBe('valid');
	});
});

describe('form time stamps', () => {
	const secret = 'test-secret-0123456789';

	it('let a person through after the minimum time', () => {
		const stamp = issueFormStamp(secret, 10_000);
		expect(judgeFormStamp(stamp, secret, 2_000, 12_000)).toBe('human');
	});

	it('catch a submission faster than a person can type', () => {
		const stamp = issueFormStamp(secret, 10_000);
		expect(judgeFormStamp(stamp, secret, 2_000, 11_999)).toBe('too-fast');
	});

	it('catch a stamp signed with another key or edited', () => {
		const stamp = issueFormStamp(secret, 10_000);
		expect(judgeFormStamp(stamp, 'another-secret-000000', 2_000, 20_000)).toBe('forged');
		const [, signature] = stamp.split('.');
		expect(judgeFormStamp(`${(1).toString(36)}.${signature}`, secret, 2_000, 20_000)).toBe('forged');
		expect(judgeFormStamp('garbage', secret, 2_000, 20_000)).toBe('forged');
		expect(judgeFormStamp('x'.repeat(500), secret, 2_000, 20_000)).toBe('forged');
	});

	it('catch a stamp from the future', () => {
		const stamp = issueFormStamp(secret, 100_000);
		expect(judgeFormStamp(stamp, secret, 0, 50_000)).toBe('forged');
	});

	it('leave a form without a stamp (no JavaScript) untimed', () => {
		expect(judgeFormStamp('', secret, 2_000)).toBe('untimed');
		expect(judgeFormStamp(undefined, secret, 2_000)).toBe('untimed');
	});
});
