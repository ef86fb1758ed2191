/**
 * The outbox sender: nothing is lost when the mail server is down, failed
 * mails are retried with backoff, permanent refusals stop, and a mail's
 * links only work if the mail actually went out.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SendError, classifySendError } from '../../../src/server/mail';
import { eventually, form, testNewsletter, tokenFrom } from './helpers';

const cleanups: (() => Promise<void>)[] = [];
function setup() {
	const context = testNewsletter();
	cleanups.push(context.cleanup);
	return context;
}
afterEach(async () => {
	for (const cleanup of cleanups.splice(0)) await cleanup();
});

const outbox = (context: ReturnType<typeof setup>) =>
	context.newsletter.store.all<{ status: string; attempts: number; last_error: string | null }>(
		'SELECT status, attempts, last_error FROM outbox ORDER BY id',
	);

describe('the outbox sender', () => {
	it('delivers mail queued before it started (after a restart)', async () => {
		const context = setup();
		await context.newsletter.subscribe(form('early@example.com'), undefined);
		expect(context.sent).toHaveLength(0);
		context.newsletter.start();
		await eventually(() => outbox(context)[0]?.status === 'sent');
		expect(context.sent).toHaveLength(1);
		expect(outbox(context)).toEqual([{ status: 'sent', attempts: 1, last_error: null }]);
	});

	it('keeps every mail while the mail server is unreachable and delivers all of them when it is back', async () => {
		const context = setup();
		context.failWith(() => new SendError('connect ECONNREFUSED 127.0.0.1:2525', 'transport'));
		context.newsletter.start();
		for (let i = 0; i < 5; i++) await context.newsletter.subscribe(form(`outage${i}@example.com`), undefined);
		await eventually(() => outbox(context).every((row) => row.attempts >= 2));
		expect(context.sent).toHaveLength(0);
		expect(outbox(context).every((row) => row.status === 'pending' && /ECONNREFUSED/.test(row.last_error ?? ''))).toBe(true);
		context.failWith(null);
		await eventually(() => outbox(context).every((row) => row.status === 'sent'));
		expect(context.sent).toHaveLength(5);
		expect(new Set(context.sent.map((mail) => mail.to)).size).toBe(5);
	});

	it('retries a mail that failed on its own, then delivers it', async () => {
		const context = setup();
		let failures = 0;
		context.failWith(() => (failures++ < 2 ? new SendError('451 try again later', 'message') : null));
		context.newsletter.start();
		await context.newsletter.subscribe(form('retry@example.com'), undefined);
		await eventually(() => outbox(context)[0]?.status === 'sent');
		expect(context.sent).toHaveLength(1);
		expect(outbox(context)[0]).toEqual({ status: 'sent', attempts: 3, last_error: null });
	});

	it('gives up at once on a permanent refusal, and the undelivered links do not work', async () => {
		const context = setup();
		const attempted: string[] = [];
		context.failWith((mail) => {
			attempted.push(mail.confirmUrl!);
			return new SendError('550 no such user', 'permanent');
		});
		context.newsletter.start();
		await context.newsletter.subscribe(form('bounce@example.com'), undefined);
		await eventually(() => outbox(context)[0]?.status === 'failed');
		expect(await context.newsletter.confirm(tokenFrom(attempted[0]))).toBe('invalid');
		expect(context.newsletter.store.get<{ n: number }>('SELECT count(*) AS n FROM tokens')!.n).toBe(0);
	});

	it('skips a confirmation for someone who already confirmed or left', async () => {
		const context = setup();
		await context.newsletter.subscribe(form('skip@example.com'), undefined);
		context.newsletter.store.writeNow((s) => s.run("UPDATE subscribers SET status = 'unsubscribed'"));
		context.newsletter.start();
		await eventually(() => outbox(context)[0]?.status === 'skipped');
		expect(context.sent).toHaveLength(0);
	});
});

describe('the outbox sender under load', () => {
	it('gives way to requests while the site is busy, but never for longer than maxYieldMs', async () => {
		const { recordingTransport } = await import('./helpers');
		const { Store } = await import('../../../src/server/store');
		const { OutboxSender } = await import('../../../src/server/outbox');
		const { subscribe } = await import('../../../src/server/subscribers');
		const { mkdtempSync, rmSync } = await import('node:fs');
		const { join } = await import('node:path');
		const { tmpdir } = await import('node:os');
		const folder = mkdtempSync(join(tmpdir(), 'newsletter-yield-'));
		const store = new Store({ path: join(folder, 'db') });
		const recorder = recordingTransport();
		let busy = true;
		const sender = new OutboxSender({
			store,
			transport: recorder.transport,
			from: 'x@example.com',
			siteUrl: new URL('https://course.example'),
			isBusy: () => busy,
			maxYieldMs: 400,
			log: () => {},
		});
		store.writeNow((s) =>
			subscribe(
				s,
				{ address: 'a@example.com', key: 'a@example.com', firstName: null, source: 'footer:/', consentVersion: '2026-11' },
				Date.now(),
			),
		);
		const started = Date.now();
		sender.start();
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(recorder.sent, 'nothing while busy').toHaveLength(0);
		await eventually(() => recorder.sent.length === 1);
		expect(Date.now() - started, 'it went ahead after maxYieldMs').toBeGreaterThanOrEqual(350);
		busy = false;
		sender.stop();
		store.close();
		rmSync(folder, { recursive: true, force: true });
	});
});

describe('classifySendError', () => {
	it('sorts SMTP failures into transport, message and permanent', () => {
		expect(classifySendError(Object.assign(new Error('refused'), { code: 'ECONNECTION' })).kind).toBe('transport');
		expect(classifySendError(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })).kind).toBe('transport');
		expect(classifySendError(Object.assign(new Error('closing'), { code: 'EPROTOCOL', responseCode: 421 })).kind).toBe('transport');
		expect(classifySendError(Object.assign(new Error('mailbox busy'), { code: 'EENVELOPE', responseCode: 450 })).kind).toBe('message');
		expect(classifySendError(Object.assign(new Error('no such user'), { code: 'EENVELOPE', responseCode: 550 })).kind).toBe('permanent');
		expect(
			classifySendError(Object.assign(new Error('bad login'), { code: 'EAUTH', responseCode: 535 })).kind,
			'a wrong password is fixed by the owner, then mail flows',
		).toBe('transport');
	});
});
