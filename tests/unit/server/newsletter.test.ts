/**
 * The newsletter service on a real temporary SQLite database, with a
 * recording mail transport and, where time matters, a controlled clock.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { issueFormStamp } from '../../../src/server/form-timing';
import { hashToken } from '../../../src/server/tokens';
import { deleteSubscriber, listSubscribers } from '../../../src/server/subscribers';
import { eventually, form, testClock, testNewsletter, tokenFrom } from './helpers';

const cleanups: (() => void)[] = [];
function setup(...args: Parameters<typeof testNewsletter>) {
	const context = testNewsletter(...args);
	cleanups.push(context.cleanup);
	return context;
}
afterEach(() => {
	for (const cleanup of cleanups.splice(0)) cleanup();
});

const count = (newsletter: ReturnType<typeof setup>['newsletter'], sql: string) => newsletter.store.get<{ n: number }>(sql)!.n;

describe('subscribing', () => {
	it('stores a new address as pending with its consent and queues one confirmation mail', async () => {
		const { newsletter } = setup();
		expect(await newsletter.subscribe(form('Reader+news@Example.com', { first_name: 'Ada' }), '203.0.113.1')).toEqual({ kind: 'accepted' });
		const [row] = listSubscribers(newsletter.store);
		expect(row).toMatchObject({
			email: 'Reader+news@example.com',
			firstName: 'Ada',
			status: 'pending',
			consentVersion: '2026-11',
			source: 'lesson:accept-invitations',
			confirmedAt: null,
		});
		expect(count(newsletter, "SELECT count(*) AS n FROM outbox WHERE kind = 'confirm'")).toBe(1);
	});

	it('answers the same for new, pending, confirmed and unsubscribed addresses', async () => {
		const clock = testClock();
		const { newsletter, sent } = setup({}, { now: clock.now });
		newsletter.start();
		await newsletter.subscribe(form('pending@example.com'), undefined);
		await newsletter.subscribe(form('confirmed@example.com'), undefined);
		await newsletter.subscribe(form('gone@example.com'), undefined);
		await eventually(() => sent.length === 3);
		await newsletter.confirm(tokenFrom(sent.find((mail) => mail.to === 'confirmed@example.com')!.confirmUrl));
		await newsletter.unsubscribe(
			new URL(sent.find((mail) => mail.to === 'gone@example.com')!.headers['List-Unsubscribe']!.slice(1, -1)).searchParams.get('token'),
		);
		const answers = await Promise.all(
			['new@example.com', 'pending@example.com', 'confirmed@example.com', 'gone@example.com'].map((email) =>
				newsletter.subscribe(form(email), undefined),
			),
		);
		expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
	});

	it('keeps one row per mailbox however the address is capitalised, and sends the confirmation again at most once an hour', async () => {
		const clock = testClock();
		const { newsletter } = setup({ NEWSLETTER_RATE_LIMIT_ADDRESS: 100 }, { now: clock.now });
		for (const email of ['dup@example.com', 'DUP@example.com', 'dup@EXAMPLE.COM']) await newsletter.subscribe(form(email), undefined);
		expect(count(newsletter, 'SELECT count(*) AS n FROM subscribers')).toBe(1);
		expect(count(newsletter, 'SELECT count(*) AS n FROM outbox')).toBe(1);
		clock.advance(59 * 60_000);
		await newsletter.subscribe(form('dup@example.com'), undefined);
		expect(count(newsletter, 'SELECT count(*) AS n FROM outbox'), 'not again within the hour').toBe(1);
		clock.advance(60_000);
		await newsletter.subscribe(form('dup@example.com'), undefined);
		expect(count(newsletter, 'SELECT count(*) AS n FROM outbox'), 'again after an hour').toBe(2);
	});

	it('drops bots silently: the honeypot, a submission faster than a person, a forged stamp', async () => {
		const clock = testClock();
		const { newsletter } = setup({ NEWSLETTER_MIN_SUBMIT_MS: 2_000, NEWSLETTER_SECRET: 'a-known-secret-for-tests' }, { now: clock.now });
		const fresh = issueFormStamp('a-known-secret-for-tests', clock.now());
		const answers = [
			await newsletter.subscribe(form('bot1@example.com', { hp_extra: 'http://spam.example' }), undefined),
			await newsletter.subscribe(form('bot2@example.com', { ts: fresh }), undefined),
			await newsletter.subscribe(
				form('bot3@example.com', { ts: issueFormStamp('someone-elses-secret-value', clock.now() - 60_000) }),
				undefined,
			),
		];
		expect(answers).toEqual([{ kind: 'accepted' }, { kind: 'accepted' }, { kind: 'accepted' }]);
		expect(count(newsletter, 'SELECT count(*) AS n FROM subscribers')).toBe(0);
		clock.advance(2_000);
		await newsletter.subscribe(form('person@example.com', { ts: fresh }), undefined);
		expect(count(newsletter, 'SELECT count(*) AS n FROM subscribers'), 'the same stamp after 2 s is a person').toBe(1);
	});

	it('explains what is wrong with each field, and stores nothing', async () => {
		const { newsletter } = setup();
		const answer = await newsletter.subscribe(form('not-an-address', { first_name: 'http://x' }), undefined);
		expect(answer).toEqual({
			kind: 'invalid',
			fieldErrors: {
				email: 'Enter an email address with exactly one @, like name@example.com.',
				first_name: 'Use only letters, spaces, hyphens, apostrophes and periods in the first name.',
			},
		});
		expect(count(newsletter, 'SELECT count(*) AS n FROM subscribers')).toBe(0);
	});

	it('treats a missing or unknown consent version as a stale form', async () => {
		const { newsletter } = setup();
		const answer = await newsletter.subscribe(form('a@example.com', { consent_version: '1999-01' }), undefined);
		expect(answer).toMatchObject({ kind: 'invalid', formError: expect.stringContaining('consent') });
	});

	it('limits requests per IP and per address, saying when to try again', async () => {
		const { newsletter } = setup({ NEWSLETTER_RATE_LIMIT_IP: 3, NEWSLETTER_RATE_LIMIT_ADDRESS: 2 });
		await newsletter.subscribe(form('x@example.com'), '198.51.100.9');
		await newsletter.subscribe(form('x@example.com'), '198.51.100.10');
		expect(await newsletter.subscribe(form('x@example.com'), '198.51.100.11')).toMatchObject({ kind: 'rate-limited', scope: 'address' });
		await newsletter.subscribe(form('y@example.com'), '198.51.100.9');
		await newsletter.subscribe(form('z@example.com'), '198.51.100.9');
		const limited = await newsletter.subscribe(form('w@example.com'), '198.51.100.9');
		expect(limited).toMatchObject({ kind: 'rate-limited', scope: 'ip' });
		expect(limited.kind === 'rate-limited' && limited.retryAfterSeconds).toBeGreaterThan(0);
	});
});

describe('confirming', () => {
	async function pendingWithMail() {
		const clock = testClock();
		const context = setup({}, { now: clock.now });
		context.newsletter.start();
		await context.newsletter.subscribe(form('reader@example.com', { first_name: 'Ada' }), undefined);
		await eventually(() => context.sent.length === 1);
		return { ...context, clock, token: tokenFrom(context.sent[0]!.confirmUrl) };
	}

	it('sends a confirmation mail with the name, both links built from SITE_URL, and the RFC 8058 headers', async () => {
		const { sent, newsletter } = await pendingWithMail();
		const mail = sent[0]!;
		expect(mail.to).toBe('reader@example.com');
		expect(mail.text).toContain('Hello Ada,');
		expect(mail.confirmUrl).toMatch(/^https:\/\/course\.example\/newsletter\/confirm\/\?token=[A-Za-z0-9_-]{43}$/);
		expect(mail.text).toContain(mail.confirmUrl);
		expect(mail.headers['List-Unsubscribe']).toMatch(
			/^<https:\/\/course\.example\/api\/newsletter\/unsubscribe\?token=[A-Za-z0-9_-]{43}>$/,
		);
		expect(mail.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
		expect(mail.text).toMatch(/Unsubscribe: https:\/\/course\.example\/newsletter\/unsubscribe\/\?token=/);
		const raw = tokenFrom(mail.confirmUrl);
		const stored = newsletter.store.all<{ hash: string }>('SELECT hash FROM tokens').map((row) => row.hash);
		expect(stored, 'only the hash is stored').toContain(hashToken(raw));
		expect(stored).not.toContain(raw);
	});

	it('changes nothing when the link is only looked at (GET), then confirms once and queues the welcome mail', async () => {
		const { newsletter, sent, token } = await pendingWithMail();
		expect(newsletter.inspectConfirmLink(token)).toMatchObject({ state: 'valid', subscriberStatus: 'pending' });
		expect(newsletter.inspectConfirmLink(token)).toMatchObject({ state: 'valid', subscriberStatus: 'pending' });
		expect(listSubscribers(newsletter.store)[0]!.status).toBe('pending');
		expect(await newsletter.confirm(token)).toBe('confirmed');
		expect(listSubscribers(newsletter.store)[0]).toMatchObject({ status: 'confirmed', confirmedAt: expect.any(String) });
		await eventually(() => sent.length === 2);
		expect(sent[1]).toMatchObject({ kind: 'welcome', to: 'reader@example.com' });
		expect(await newsletter.confirm(token), 'a second use only says so').toBe('already-confirmed');
		expect(count(newsletter, "SELECT count(*) AS n FROM outbox WHERE kind = 'welcome'"), 'no second welcome').toBe(1);
	});

	it('refuses a link after 48 hours and sends a new one on request', async () => {
		const { newsletter, sent, token, clock } = await pendingWithMail();
		clock.advance(48 * 3600_000);
		expect(newsletter.inspectConfirmLink(token)).toMatchObject({ state: 'expired' });
		expect(await newsletter.confirm(token)).toBe('expired');
		expect(listSubscribers(newsletter.store)[0]!.status).toBe('pending');
		expect(await newsletter.resend(token, undefined)).toBe('sent');
		await eventually(() => sent.length === 2);
		expect(await newsletter.resend(token, undefined), 'at most once an hour').toBe('recently-sent');
		expect(await newsletter.confirm(tokenFrom(sent[1]!.confirmUrl))).toBe('confirmed');
	});

	it('calls a made-up or malformed token invalid without touching the database', async () => {
		const { newsletter } = await pendingWithMail();
		expect(await newsletter.confirm('A'.repeat(43))).toBe('invalid');
		expect(await newsletter.confirm("' OR 1=1 --")).toBe('invalid');
		expect(newsletter.inspectConfirmLink(undefined)).toEqual({ state: 'invalid' });
	});
});

describe('unsubscribing', () => {
	it('is idempotent, stops pending confirmation links and cancels queued mail', async () => {
		const { newsletter, sent } = setup();
		newsletter.start();
		await newsletter.subscribe(form('leaver@example.com'), undefined);
		await eventually(() => sent.length === 1);
		const unsubscribeToken = new URL(sent[0]!.headers['List-Unsubscribe']!.slice(1, -1)).searchParams.get('token');
		expect(newsletter.inspectUnsubscribeLink(unsubscribeToken)).toMatchObject({ state: 'valid', subscriberStatus: 'pending' });
		expect(await newsletter.unsubscribe(unsubscribeToken)).toBe('unsubscribed');
		expect(await newsletter.unsubscribe(unsubscribeToken)).toBe('already-unsubscribed');
		expect(listSubscribers(newsletter.store)[0]).toMatchObject({ status: 'unsubscribed', unsubscribedAt: expect.any(String) });
		expect(await newsletter.confirm(tokenFrom(sent[0]!.confirmUrl)), 'the old confirmation link is spent').not.toBe('confirmed');
	});

	it('lets someone who left subscribe again, with a fresh double opt-in', async () => {
		const { newsletter, sent } = setup();
		newsletter.start();
		await newsletter.subscribe(form('back@example.com'), undefined);
		await eventually(() => sent.length === 1);
		await newsletter.unsubscribe(new URL(sent[0]!.headers['List-Unsubscribe']!.slice(1, -1)).searchParams.get('token'));
		await newsletter.subscribe(form('back@example.com'), undefined);
		expect(listSubscribers(newsletter.store)[0]!.status).toBe('pending');
	});
});

describe('erasure', () => {
	it('deletes the subscriber with its tokens and outbox rows', async () => {
		const { newsletter, sent } = setup();
		newsletter.start();
		await newsletter.subscribe(form('erase@example.com'), undefined);
		await eventually(() => sent.length === 1);
		expect(newsletter.store.writeNow((s) => deleteSubscriber(s, 'erase@example.com'))).toBe(true);
		for (const table of ['subscribers', 'tokens', 'outbox']) expect(count(newsletter, `SELECT count(*) AS n FROM ${table}`), table).toBe(0);
		expect(newsletter.store.writeNow((s) => deleteSubscriber(s, 'erase@example.com'))).toBe(false);
	});
});
