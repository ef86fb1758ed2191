/**
 * Subscriber changes, each one synchronous and meant to run inside
 * `Store.write()` (or `writeNow()`), so that a subscriber change and the
 * email it causes are committed together or not at all: the outbox row is
 * written in the same transaction as the subscriber row.
 *
 * Raw tokens never reach this module: callers pass hashes in; the outbox
 * sender creates tokens when it composes a mail (see outbox.ts).
 */
import type { Store } from './store.ts';
import { tokenState, type TokenState } from './tokens.ts';

/** How often a pending address may be sent its confirmation again: once an hour. */
export const RESEND_INTERVAL_MS = 60 * 60_000;

/** A subscriber row as stored. */
export interface SubscriberRow {
	id: number;
	email: string;
	email_key: string;
	first_name: string | null;
	status: 'pending' | 'confirmed' | 'unsubscribed';
	consent_version: string;
	consent_at: number;
	source: string;
	created_at: number;
	confirmed_at: number | null;
	unsubscribed_at: number | null;
	last_confirmation_at: number | null;
	last_request_at: number | null;
}

/** A validated subscription request. */
export interface SubscribeRequest {
	address: string;
	key: string;
	firstName: string | null;
	source: string;
	consentVersion: string;
}

/**
 * What a subscription did. The HTTP answer is the same for every value:
 * only the server log and the tests may tell them apart.
 */
export type SubscribeEffect = 'created' | 'resent' | 'resubscribed' | 'unchanged';

/**
 * Records a subscription request: a new address becomes pending with a
 * confirmation queued; a pending one gets its confirmation again if the
 * last was queued an hour ago or more; an unsubscribed one starts double
 * opt-in again; a confirmed one is left alone.
 */
export function subscribe(store: Store, request: SubscribeRequest, now: number): SubscribeEffect {
	const existing = store.get<SubscriberRow>('SELECT * FROM subscribers WHERE email_key = ?', request.key);
	if (!existing) {
		const { lastInsertRowid } = store.run(
			`INSERT INTO subscribers (email, email_key, first_name, status, consent_version, consent_at, source, created_at, last_confirmation_at, last_request_at)
			 VALUES (?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?)`,
			request.address,
			request.key,
			request.firstName,
			request.consentVersion,
			now,
			request.source,
			now,
			now,
			now,
		);
		queueMail(store, lastInsertRowid, 'confirm', now);
		return 'created';
	}
	// Every request writes, whatever the address's state, so answers take the same time.
	store.run('UPDATE subscribers SET last_request_at = ? WHERE id = ?', now, existing.id);
	const canResend = existing.last_confirmation_at === null || now - existing.last_confirmation_at >= RESEND_INTERVAL_MS;
	if (existing.status === 'pending') {
		if (!canResend) return 'unchanged';
		store.run('UPDATE subscribers SET last_confirmation_at = ? WHERE id = ?', now, existing.id);
		queueMail(store, existing.id, 'confirm', now);
		return 'resent';
	}
	if (existing.status === 'unsubscribed') {
		// A fresh opt-in: new consent, and the address owner must confirm again.
		store.run(
			`UPDATE subscribers SET status = 'pending', email = ?, first_name = ?, consent_version = ?, consent_at = ?, source = ?,
			 confirmed_at = NULL, last_confirmation_at = CASE WHEN ? THEN ? ELSE last_confirmation_at END WHERE id = ?`,
			request.address,
			request.firstName,
			request.consentVersion,
			now,
			request.source,
			canResend ? 1 : 0,
			now,
			existing.id,
		);
		if (canResend) queueMail(store, existing.id, 'confirm', now);
		return 'resubscribed';
	}
	return 'unchanged';
}

/** Puts one email for a subscriber in the outbox, due now. */
export function queueMail(store: Store, subscriberId: number, kind: 'confirm' | 'welcome', now: number): void {
	store.run('INSERT INTO outbox (subscriber_id, kind, next_attempt_at, created_at) VALUES (?, ?, ?, ?)', subscriberId, kind, now, now);
}

interface TokenRow {
	subscriber_id: number;
	purpose: 'confirm' | 'unsubscribe';
	used_at: number | null;
	expires_at: number | null;
}

/** What a confirmation link is, read without changing anything (the GET page). */
export type ConfirmLinkState = { state: 'invalid' } | { state: TokenState; subscriberStatus: SubscriberRow['status']; email: string };

/** Looks up a confirmation token by hash, read-only. */
export function inspectConfirmToken(store: Store, tokenHash: string, now: number): ConfirmLinkState {
	const token = store.get<TokenRow>(
		"SELECT subscriber_id, purpose, used_at, expires_at FROM tokens WHERE hash = ? AND purpose = 'confirm'",
		tokenHash,
	);
	if (!token) return { state: 'invalid' };
	const subscriber = store.get<Pick<SubscriberRow, 'status' | 'email'>>(
		'SELECT status, email FROM subscribers WHERE id = ?',
		token.subscriber_id,
	);
	if (!subscriber) return { state: 'invalid' };
	return {
		state: tokenState({ usedAt: token.used_at, expiresAt: token.expires_at }, now),
		subscriberStatus: subscriber.status,
		email: subscriber.email,
	};
}

/** The outcome of {@link confirm}. */
export type ConfirmOutcome = 'confirmed' | 'already-confirmed' | 'used' | 'expired' | 'invalid';

/**
 * Confirms a subscription by token hash: the subscriber becomes confirmed,
 * every confirmation token of theirs is spent, and the welcome mail is
 * queued, all in one transaction.
 */
export function confirm(store: Store, tokenHash: string, now: number): ConfirmOutcome {
	const link = inspectConfirmToken(store, tokenHash, now);
	if (link.state === 'invalid') return 'invalid';
	if (link.state === 'used') return link.subscriberStatus === 'confirmed' ? 'already-confirmed' : 'used';
	if (link.state === 'expired') return link.subscriberStatus === 'confirmed' ? 'already-confirmed' : 'expired';
	const { subscriber_id: id } = store.get<{ subscriber_id: number }>('SELECT subscriber_id FROM tokens WHERE hash = ?', tokenHash)!;
	store.run("UPDATE tokens SET used_at = ? WHERE subscriber_id = ? AND purpose = 'confirm' AND used_at IS NULL", now, id);
	if (link.subscriberStatus === 'confirmed') return 'already-confirmed';
	if (link.subscriberStatus !== 'pending') return 'used';
	store.run("UPDATE subscribers SET status = 'confirmed', confirmed_at = ? WHERE id = ?", now, id);
	queueMail(store, id, 'welcome', now);
	return 'confirmed';
}

/** The outcome of {@link resendConfirmation}. */
export type ResendOutcome = 'sent' | 'recently-sent' | 'already-confirmed' | 'invalid';

/**
 * Sends a new confirmation link to the owner of an expired (or used) one,
 * at most once an hour, only while the subscription is still pending.
 */
export function resendConfirmation(store: Store, tokenHash: string, now: number): ResendOutcome {
	const token = store.get<TokenRow>("SELECT subscriber_id FROM tokens WHERE hash = ? AND purpose = 'confirm'", tokenHash);
	if (!token) return 'invalid';
	const subscriber = store.get<SubscriberRow>('SELECT * FROM subscribers WHERE id = ?', token.subscriber_id);
	if (!subscriber) return 'invalid';
	if (subscriber.status === 'confirmed') return 'already-confirmed';
	if (subscriber.status !== 'pending') return 'invalid';
	if (subscriber.last_confirmation_at !== null && now - subscriber.last_confirmation_at < RESEND_INTERVAL_MS) return 'recently-sent';
	store.run('UPDATE subscribers SET last_confirmation_at = ? WHERE id = ?', now, subscriber.id);
	queueMail(store, subscriber.id, 'confirm', now);
	return 'sent';
}

/** What an unsubscribe link is, read without changing anything (the GET page). */
export type UnsubscribeLinkState = { state: 'invalid' } | { state: 'valid'; subscriberStatus: SubscriberRow['status']; email: string };

/** Looks up an unsubscribe token by hash, read-only. */
export function inspectUnsubscribeToken(store: Store, tokenHash: string): UnsubscribeLinkState {
	const row = store.get<{ status: SubscriberRow['status']; email: string }>(
		"SELECT s.status, s.email FROM tokens t JOIN subscribers s ON s.id = t.subscriber_id WHERE t.hash = ? AND t.purpose = 'unsubscribe'",
		tokenHash,
	);
	return row ? { state: 'valid', subscriberStatus: row.status, email: row.email } : { state: 'invalid' };
}

/** The outcome of {@link unsubscribe}. */
export type UnsubscribeOutcome = 'unsubscribed' | 'already-unsubscribed' | 'invalid';

/**
 * Unsubscribes by token hash. Idempotent: a second use answers
 * "already unsubscribed". Pending confirmation links stop working and
 * queued mail to the address is cancelled.
 */
export function unsubscribe(store: Store, tokenHash: string, now: number): UnsubscribeOutcome {
	const token = store.get<TokenRow>("SELECT subscriber_id FROM tokens WHERE hash = ? AND purpose = 'unsubscribe'", tokenHash);
	if (!token) return 'invalid';
	const subscriber = store.get<Pick<SubscriberRow, 'id' | 'status'>>(
		'SELECT id, status FROM subscribers WHERE id = ?',
		token.subscriber_id,
	);
	if (!subscriber) return 'invalid';
	store.run('UPDATE tokens SET used_at = COALESCE(used_at, ?) WHERE hash = ?', now, tokenHash);
	if (subscriber.status === 'unsubscribed') return 'already-unsubscribed';
	store.run("UPDATE subscribers SET status = 'unsubscribed', unsubscribed_at = ? WHERE id = ?", now, subscriber.id);
	store.run("UPDATE tokens SET used_at = ? WHERE subscriber_id = ? AND purpose = 'confirm' AND used_at IS NULL", now, subscriber.id);
	store.run(
		"UPDATE outbox SET status = 'skipped', last_error = 'unsubscribed before sending' WHERE subscriber_id = ? AND status = 'pending'",
		subscriber.id,
	);
	return 'unsubscribed';
}

/** A subscriber as the owner's tools show it. */
export interface SubscriberRecord {
	email: string;
	firstName: string | null;
	status: SubscriberRow['status'];
	consentVersion: string;
	consentAt: string;
	source: string;
	createdAt: string;
	confirmedAt: string | null;
	unsubscribedAt: string | null;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** Every subscriber, oldest first, with times as ISO 8601 (UTC). */
export function listSubscribers(store: Store): SubscriberRecord[] {
	return store.all<SubscriberRow>('SELECT * FROM subscribers ORDER BY created_at, id').map((row) => ({
		email: row.email,
		firstName: row.first_name,
		status: row.status,
		consentVersion: row.consent_version,
		consentAt: iso(row.consent_at)!,
		source: row.source,
		createdAt: iso(row.created_at)!,
		confirmedAt: iso(row.confirmed_at),
		unsubscribedAt: iso(row.unsubscribed_at),
	}));
}

/**
 * Erases everything held about an address (GDPR article 17): the subscriber,
 * its tokens and its outbox rows (by cascade). Returns whether it existed.
 */
export function deleteSubscriber(store: Store, emailKey: string): boolean {
	return store.run('DELETE FROM subscribers WHERE email_key = ?', emailKey).changes > 0;
}

/** Removes spent tokens and delivered outbox rows older than `olderThanMs`; unsubscribe links stay valid. */
export function pruneHistory(store: Store, now: number, olderThanMs = 30 * 24 * 60 * 60_000): void {
	const cutoff = now - olderThanMs;
	store.run("DELETE FROM tokens WHERE purpose = 'confirm' AND created_at < ? AND (used_at IS NOT NULL OR expires_at < ?)", cutoff, now);
	store.run("DELETE FROM outbox WHERE status IN ('sent', 'skipped') AND created_at < ?", cutoff);
}

/** Reads a server setting, creating it with `create()` the first time. */
export function getOrCreateSetting(store: Store, key: string, create: () => string): string {
	const existing = store.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', key);
	if (existing) return existing.value;
	store.writeNow((s) => s.run('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)', key, create()));
	return store.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', key)!.value;
}
