/** Shared set-up for the newsletter server tests: a temporary database and a transport that records mail. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveNewsletterConfig, type NewsletterEnv } from '../../../src/server/config';
import { SendError, type MailTransport, type OutgoingMail } from '../../../src/server/mail';
import { createNewsletter, type Newsletter } from '../../../src/server/newsletter';

/** A transport that keeps what it "sends"; `fail` decides per mail whether to throw. */
export function recordingTransport() {
	const sent: OutgoingMail[] = [];
	let fail: ((mail: OutgoingMail) => SendError | null) | null = null;
	const transport: MailTransport = {
		description: 'test transport',
		async send(mail) {
			const error = fail?.(mail);
			if (error) throw error;
			sent.push(mail);
		},
		close() {},
	};
	return {
		transport,
		sent,
		failWith(next: ((mail: OutgoingMail) => SendError | null) | null) {
			fail = next;
		},
	};
}

/** A controllable clock starting at a fixed time. */
export function testClock(start = Date.UTC(2026, 0, 1)) {
	let now = start;
	return { now: () => now, advance: (ms: number) => (now += ms), set: (ms: number) => (now = ms) };
}

/** A newsletter on a temporary database; call `cleanup()` afterwards. */
export function testNewsletter(env: NewsletterEnv = {}, options: { now?: () => number } = {}) {
	const folder = mkdtempSync(join(tmpdir(), 'newsletter-unit-'));
	const recorder = recordingTransport();
	const config = resolveNewsletterConfig({
		SITE_URL: 'https://course.example',
		DATABASE_PATH: join(folder, 'newsletter.db'),
		NEWSLETTER_MIN_SUBMIT_MS: 0,
		NEWSLETTER_RETRY_MAX_MS: 5_000,
		...env,
	});
	config.retry = { baseMs: 20, maxMs: 80, jitter: 0 };
	const newsletter: Newsletter = createNewsletter(config, { transport: recorder.transport, now: options.now, log: () => {} });
	return {
		newsletter,
		...recorder,
		folder,
		async cleanup() {
			await newsletter.close();
			rmSync(folder, { recursive: true, force: true });
		},
	};
}

/** The fields a real form posts. */
export function form(email: string, extra: Record<string, string> = {}): Record<string, string> {
	return { email, first_name: '', source: 'lesson:accept-invitations', consent_version: '2026-11', ts: '', hp_extra: '', ...extra };
}

/** The token in a link of a sent mail. */
export function tokenFrom(url: string | undefined): string {
	return new URL(url!).searchParams.get('token')!;
}

/** Waits until `check` passes or `ms` elapse. */
export async function eventually(check: () => boolean, ms = 3_000): Promise<void> {
	const until = Date.now() + ms;
	while (!check()) {
		if (Date.now() > until) throw new Error('timed out waiting for a condition');
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}
