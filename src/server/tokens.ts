/**
 * Single-use confirmation tokens and long-lived unsubscribe tokens.
 *
 * A token is 32 bytes from the operating system's CSPRNG, sent only inside
 * an email link. The database keeps only its SHA-256 hash, so a copy of the
 * database (a backup, a leaked file) cannot confirm or unsubscribe anyone.
 * SHA-256 without a salt is enough here: the input has 256 bits of entropy,
 * so there is nothing to brute-force and no need for a slow password hash.
 */
import { createHash, randomBytes } from 'node:crypto';

/** How long a confirmation link works: 48 hours. */
export const CONFIRM_TOKEN_TTL_MS = 48 * 60 * 60_000;

/** The shape of every raw token: 32 bytes in base64url, 43 characters. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A fresh raw token for a link. */
export function createToken(): string {
	return randomBytes(32).toString('base64url');
}

/** The hash stored in place of the token. */
export function hashToken(token: string): string {
	return createHash('sha256').update(token, 'utf8').digest('base64url');
}

/** True when `value` has the shape of a token (checked before any database lookup). */
export function isWellFormedToken(value: unknown): value is string {
	return typeof value === 'string' && TOKEN_PATTERN.test(value);
}

/** A stored token's state at `now`: usable, used before, or past its expiry. */
export type TokenState = 'valid' | 'used' | 'expired';

/** Works out a stored token's state; `expiresAt` null means it never expires. */
export function tokenState(token: { usedAt: number | null; expiresAt: number | null }, now: number): TokenState {
	if (token.usedAt !== null) return 'used';
	if (token.expiresAt !== null && now >= token.expiresAt) return 'expired';
	return 'valid';
}
