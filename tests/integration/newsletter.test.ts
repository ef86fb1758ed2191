/**
 * The whole newsletter flow against the production server and a real SMTP
 * server on loopback: subscribe, receive the confirmation with the right
 * headers, confirm by POST, receive the welcome mail, leave in one click.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtSite, formFields, postForm, startServer, startSmtp, type RunningServer } from './newsletter-harness';

let site: string;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let server: RunningServer;

beforeAll(async () => {
	site = await builtSite();
	smtp = await startSmtp();
	server = await startServer(site, { SMTP_URL: smtp.url, MAIL_FROM: 'Leadership Gold Blog <newsletter@course.example>' });
}, 240_000);

afterAll(async () => {
	await server?.stop();
	await smtp?.close();
});

const subscriberRows = (email: string) =>
	server.query<{ status: string; email: string }>('SELECT status, email FROM subscribers WHERE email_key = ?', email.toLowerCase());
const outboxRows = (email: string) =>
	server.query<{ kind: string; status: string }>(
		'SELECT outbox.kind, outbox.status FROM outbox JOIN subscribers ON subscribers.id = outbox.subscriber_id WHERE email_key = ? ORDER BY outbox.id',
		email.toLowerCase(),
	);

/** Polls `condition` until it holds, failing with `what` after `ms`. */
async function waitUntil(condition: () => boolean, what: string, ms = 10_000): Promise<void> {
	const until = Date.now() + ms;
	while (!condition()) {
		if (Date.now() > until) throw new Error(`timed out after ${ms} ms waiting until ${what}`);
		await new Promise((r) => setTimeout(r, 25));
	}
}

describe('double opt-in over HTTP and SMTP', () => {
	it('runs from subscription to one-click unsubscribe', async () => {
		const email = 'flow.reader+news@example.com';
		const response = await postForm(server, '/newsletter/subscribe/', formFields(email, { first_name: 'Ada' }));
		expect(response.status).toBe(200);
		expect(await response.json()).toMatchObject({ ok: true });

		const confirmation = await smtp.waitFor((mail) => mail.to.includes(email));
		expect(confirmation.from).toBe('newsletter@course.example');
		expect(confirmation.headers['subject']).toBe('Confirm your subscription to the Leadership Gold Blog');
		expect(confirmation.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
		const oneClick = /^<(.+)>$/.exec(confirmation.headers['list-unsubscribe'] ?? '')?.[1];
		expect(oneClick, 'List-Unsubscribe is one https/http URL in angle brackets').toMatch(
			new RegExp(`^${server.url}/api/newsletter/unsubscribe\\?token=[A-Za-z0-9_-]{43}$`),
		);
		expect(confirmation.headers['message-id']).toMatch(/^<newsletter-\d+@127\.0\.0\.1>$/);
		expect(confirmation.decoded).toContain('Hello Ada,');
		const confirmLink = confirmation.links.find((link) => link.includes('/newsletter/confirm/'))!;
		expect(confirmLink.startsWith(`${server.url}/newsletter/confirm/?token=`), 'links come from SITE_URL').toBe(true);
		expect(
			confirmation.links.some((link) => link.includes('/newsletter/unsubscribe/?token=')),
			'a visible unsubscribe link',
		).toBe(true);

		// Mail scanners follow links: a GET shows the button and changes nothing.
		const page = await fetch(confirmLink);
		expect(page.status).toBe(200);
		expect(page.headers.get('referrer-policy')).toBe('no-referrer');
		expect(page.headers.get('cache-control')).toBe('no-store');
		const html = await page.text();
		expect(html).toContain('Confirm my subscription');
		expect(html).toMatch(/<form[^>]+method="post"/);
		await fetch(confirmLink, { method: 'HEAD' });
		expect(subscriberRows(email)).toEqual([{ status: 'pending', email }]);

		const token = new URL(confirmLink).searchParams.get('token')!;
		const confirmed = await postForm(server, '/newsletter/confirm/', { token }, { json: false });
		expect(confirmed.status).toBe(303);
		expect(confirmed.headers.get('location')).toBe('/newsletter/confirmed/');
		expect(subscriberRows(email)).toEqual([{ status: 'confirmed', email }]);

		const welcome = await smtp.waitFor(
			(mail) => mail.to.includes(email) && mail.headers['subject'] === 'Welcome to the Leadership Gold Blog newsletter',
		);
		const welcomeOneClick = /^<(.+)>$/.exec(welcome.headers['list-unsubscribe'] ?? '')![1]!;
		expect(welcome.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');

		// RFC 8058: the provider POSTs with no Origin header and expects 200, not a redirect.
		for (let attempt = 0; attempt < 2; attempt++) {
			const unsubscribed = await fetch(welcomeOneClick, {
				method: 'POST',
				redirect: 'manual',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: 'List-Unsubscribe=One-Click',
			});
			expect(unsubscribed.status, `one-click attempt ${attempt + 1}`).toBe(200);
			expect(unsubscribed.headers.get('location')).toBeNull();
		}
		expect(subscriberRows(email)).toEqual([{ status: 'unsubscribed', email }]);
		// The used confirmation link now says so instead of confirming again.
		const spent = await fetch(confirmLink);
		expect(spent.status).toBe(410);
		expect(await spent.text()).toContain('This confirmation link has already been used');
		expect(subscriberRows(email)[0]!.status).toBe('unsubscribed');
	});

	it('answers duplicate submissions identically and keeps one row and one confirmation', async () => {
		const email = 'twice@example.com';
		const answers = [];
		for (const variant of [email, 'TWICE@example.com', email, 'twice@EXAMPLE.com']) {
			const response = await postForm(server, '/newsletter/subscribe/', formFields(variant));
			answers.push(`${response.status} ${await response.text()}`);
		}
		expect(new Set(answers).size, answers.join('\n')).toBe(1);
		const plain = [];
		for (let i = 0; i < 2; i++) {
			const response = await postForm(server, '/newsletter/subscribe/', formFields(email), { json: false });
			plain.push(`${response.status} ${response.headers.get('location')}`);
		}
		expect(plain).toEqual(['303 /newsletter/check-email/', '303 /newsletter/check-email/']);
		expect(server.query<{ n: number }>('SELECT count(*) AS n FROM subscribers WHERE email_key = ?', email)[0]!.n).toBe(1);
		// Every answer above came after its outbox row was committed, so once no row for this
		// address is pending, the sender has handed everything it will ever send to SMTP.
		await waitUntil(() => outboxRows(email).every((row) => row.status !== 'pending'), 'the outbox is done with the address');
		expect(outboxRows(email), 'one confirmation queued, and sent').toEqual([{ kind: 'confirm', status: 'sent' }]);
		expect(
			smtp.messages.filter((mail) => mail.to.includes(email)),
			'one mail received: the server acknowledges only after the SMTP server keeps it',
		).toHaveLength(1);
	});

	it('gives a confirmed address the same answer as a new one', async () => {
		const known = server.query<{ email: string }>("SELECT email FROM subscribers WHERE status = 'unsubscribed' LIMIT 1")[0]!.email;
		const forKnown = await postForm(server, '/newsletter/subscribe/', formFields(known));
		const forNew = await postForm(server, '/newsletter/subscribe/', formFields('brand-new@example.com'));
		expect([forKnown.status, await forKnown.text()]).toEqual([forNew.status, await forNew.text()]);
	});

	it('refuses a cross-site form post and stores nothing', async () => {
		const response = await postForm(server, '/newsletter/subscribe/', formFields('csrf@example.com'), { origin: 'https://evil.example' });
		expect(response.status).toBe(403);
		expect(subscriberRows('csrf@example.com')).toEqual([]);
	});

	it('drops a submission faster than a person could type, silently', async () => {
		const slow = await startServer(site, { SMTP_URL: smtp.url, NEWSLETTER_MIN_SUBMIT_MS: '3000' });
		try {
			const { stamp } = (await (await fetch(`${slow.url}/api/newsletter/stamp`)).json()) as { stamp: string };
			const response = await postForm(slow, '/newsletter/subscribe/', formFields('too-fast@example.com', { ts: stamp }));
			expect(response.status).toBe(200);
			expect(slow.query('SELECT * FROM subscribers')).toEqual([]);
			const honeypot = await postForm(
				slow,
				'/newsletter/subscribe/',
				formFields('honey@example.com', { hp_extra: 'https://spam.example' }),
				{ json: false },
			);
			expect(honeypot.status).toBe(303);
			expect(slow.query('SELECT * FROM subscribers')).toEqual([]);
		} finally {
			await slow.stop();
		}
	});

	it('answers 429 with a clear message when one network sends too many', async () => {
		const strict = await startServer(site, { SMTP_URL: smtp.url, NEWSLETTER_RATE_LIMIT_IP: '2' });
		try {
			for (let i = 0; i < 2; i++)
				expect((await postForm(strict, '/newsletter/subscribe/', formFields(`ip${i}@example.com`))).status).toBe(200);
			const limited = await postForm(strict, '/newsletter/subscribe/', formFields('ip3@example.com'));
			expect(limited.status).toBe(429);
			expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
			expect((await limited.json()).message).toMatch(/Too many sign-up attempts from your network\. Please try again in \d+ minutes\./);
			const page = await postForm(strict, '/newsletter/subscribe/', formFields('ip4@example.com'), { json: false });
			expect(page.status).toBe(429);
			expect(await page.text()).toContain('Too many sign-up attempts');
		} finally {
			await strict.stop();
		}
	});

	it('sends security headers on server responses', async () => {
		const response = await fetch(`${server.url}/newsletter/check-email/`);
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
		expect(response.headers.get('content-security-policy')).not.toMatch(/unsafe-inline/);
		expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
	});

	it('shows field errors next to the fields without JavaScript (400 page, values kept)', async () => {
		const response = await postForm(server, '/newsletter/subscribe/', formFields('not-an-address', { first_name: 'Ada' }), { json: false });
		expect(response.status).toBe(422);
		const html = await response.text();
		expect(html).toContain('Enter an email address with exactly one @');
		expect(html).toMatch(/aria-invalid="true"/);
		expect(html).toContain('value="not-an-address"');
		expect(html).toContain('value="Ada"');
	});
});
