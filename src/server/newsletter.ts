/**
 * The newsletter service: what the routes call. It owns the database, the
 * outbox sender and the rate limiters, and answers in domain terms; http.ts
 * turns the answers into responses.
 *
 * Privacy rule: a subscription request gets the same answer whether the
 * address is new, pending, confirmed or unsubscribed, and whether the
 * request came from a bot that was silently dropped.
 */
import { randomBytes } from 'node:crypto';
import { maskEmailAddress } from '../lib/newsletter/email-address.ts';
import { clientKey, RateLimiter } from './rate-limiter.ts';
import type { NewsletterConfig } from './config.ts';
import { issueFormStamp, judgeFormStamp } from './form-timing.ts';
import { fileTransport, smtpTransport, type MailTransport } from './mail.ts';
import { OutboxSender } from './outbox.ts';
import { readableErrors, subscribeFormSchema, type ReadableErrors } from './schema.ts';
import { Store } from './store.ts';
import * as subscribers from './subscribers.ts';
import { hashToken, isWellFormedToken } from './tokens.ts';

const HOUR = 60 * 60_000;

/** The answer to a subscription request. */
export type SubscribeResult =
	| { kind: 'accepted' }
	| ({ kind: 'invalid' } & ReadableErrors)
	| { kind: 'rate-limited'; retryAfterSeconds: number; scope: 'ip' | 'address' };

/** Options for {@link createNewsletter}. */
export interface NewsletterOptions {
	/** A transport to use instead of the one the config implies (tests). */
	transport?: MailTransport;
	now?: () => number;
	log?: (line: string) => void;
}

/** The running newsletter: call `start()` once to begin delivering mail. */
export type Newsletter = ReturnType<typeof createNewsletter>;

/** Opens the database and wires the service; nothing is sent until `start()`. */
export function createNewsletter(config: NewsletterConfig, options: NewsletterOptions = {}) {
	const now = options.now ?? Date.now;
	const log = options.log ?? ((line: string) => console.log(line));
	const store = new Store({ path: config.databasePath });
	const secret = config.secret ?? subscribers.getOrCreateSetting(store, 'form-stamp-secret', () => randomBytes(32).toString('base64url'));
	const transport = options.transport ?? (config.smtpUrl ? smtpTransport(config.smtpUrl) : fileTransport(config.outboxDir, log));
	// Sign-ups per 250 ms window: above ~100 a second, mail delivery gives way to answering requests (see outbox.ts).
	const traffic = { window: 0, count: 0, previous: 0 };
	const countRequest = () => {
		const window = Math.floor(performance.now() / 250);
		if (window !== traffic.window) {
			traffic.previous = window === traffic.window + 1 ? traffic.count : 0;
			traffic.window = window;
			traffic.count = 0;
		}
		traffic.count += 1;
	};
	const isBusy = () => {
		const window = Math.floor(performance.now() / 250);
		const current = window === traffic.window ? traffic.count : 0;
		const previous = window === traffic.window ? traffic.previous : window === traffic.window + 1 ? traffic.count : 0;
		return Math.max(current, previous) >= 25;
	};
	const sender = new OutboxSender({
		store,
		transport,
		from: config.mailFrom,
		siteUrl: config.siteUrl,
		schedule: config.retry,
		now,
		log,
		isBusy,
	});
	const ipLimiter = new RateLimiter({ limit: config.ipLimitPerHour, windowMs: HOUR, now });
	const addressLimiter = new RateLimiter({ limit: config.addressLimitPerHour, windowMs: HOUR, now });
	let started = false;

	/** Counts one form post from `ip`; returns the 429 answer when over the limit. */
	function limitIp(ip: string | undefined): SubscribeResult | null {
		if (!ip) return null;
		const decision = ipLimiter.consume(clientKey(ip));
		return decision.allowed ? null : { kind: 'rate-limited', scope: 'ip', retryAfterSeconds: Math.ceil(decision.retryAfterMs / 1000) };
	}

	return {
		config,
		store,
		sender,

		/** Starts the outbox sender (idempotent). */
		start() {
			if (started) return;
			started = true;
			log(
				`[newsletter] Database ${config.databasePath}; mail via ${transport.description}; ${sender.pendingCount()} mail(s) waiting in the outbox.`,
			);
			sender.start();
		},

		/** Stops the sender after the mail it is sending (recorded first), then closes the database. */
		async close(): Promise<void> {
			await sender.stop();
			store.close();
		},

		/** A signed time stamp for a form that is being shown now. */
		formStamp(): string {
			return issueFormStamp(secret, now());
		},

		/**
		 * Handles a posted subscription form (`fields` from the request body,
		 * `ip` of the client). Bots (honeypot filled, submitted too fast, forged
		 * stamp) are answered `accepted` and nothing is stored.
		 */
		async subscribe(fields: Record<string, string>, ip: string | undefined): Promise<SubscribeResult> {
			countRequest();
			const limited = limitIp(ip);
			if (limited) return limited;
			const parsed = subscribeFormSchema.safeParse(fields);
			if (fields.hp_extra) {
				log('[newsletter] Dropped a submission that filled the honeypot.');
				return { kind: 'accepted' };
			}
			const timing = judgeFormStamp(fields.ts, secret, config.minSubmitMs, now());
			if (timing === 'too-fast' || timing === 'forged') {
				log(`[newsletter] Dropped a submission with a ${timing} form stamp.`);
				return { kind: 'accepted' };
			}
			if (!parsed.success) return { kind: 'invalid', ...readableErrors(parsed.error) };
			const form = parsed.data;
			const decision = addressLimiter.consume(form.email.key);
			if (!decision.allowed) return { kind: 'rate-limited', scope: 'address', retryAfterSeconds: Math.ceil(decision.retryAfterMs / 1000) };
			const effect = await store.write((s) =>
				subscribers.subscribe(
					s,
					{
						address: form.email.address,
						key: form.email.key,
						firstName: form.first_name,
						source: form.source,
						consentVersion: form.consent_version,
					},
					now(),
				),
			);
			if (effect !== 'unchanged') sender.nudge();
			if (effect === 'created') log(`[newsletter] New pending subscriber ${maskEmailAddress(form.email.address)} from ${form.source}.`);
			return { kind: 'accepted' };
		},

		/** What a confirmation link is, without changing anything (GET). */
		inspectConfirmLink(token: unknown): subscribers.ConfirmLinkState {
			if (!isWellFormedToken(token)) return { state: 'invalid' };
			return subscribers.inspectConfirmToken(store, hashToken(token), now());
		},

		/** Confirms a subscription (POST from the confirmation page). */
		async confirm(token: unknown): Promise<subscribers.ConfirmOutcome> {
			if (!isWellFormedToken(token)) return 'invalid';
			const outcome = await store.write((s) => subscribers.confirm(s, hashToken(token), now()));
			if (outcome === 'confirmed') sender.nudge();
			return outcome;
		},

		/** Sends a new confirmation link to the holder of an expired one (rate-limited per IP). */
		async resend(token: unknown, ip: string | undefined): Promise<subscribers.ResendOutcome | SubscribeResult> {
			const limited = limitIp(ip);
			if (limited) return limited;
			if (!isWellFormedToken(token)) return 'invalid';
			const outcome = await store.write((s) => subscribers.resendConfirmation(s, hashToken(token), now()));
			if (outcome === 'sent') sender.nudge();
			return outcome;
		},

		/** What an unsubscribe link is, without changing anything (GET). */
		inspectUnsubscribeLink(token: unknown): subscribers.UnsubscribeLinkState {
			if (!isWellFormedToken(token)) return { state: 'invalid' };
			return subscribers.inspectUnsubscribeToken(store, hashToken(token));
		},

		/** Unsubscribes (the page's button or the RFC 8058 one-click POST). Idempotent. */
		async unsubscribe(token: unknown): Promise<subscribers.UnsubscribeOutcome> {
			if (!isWellFormedToken(token)) return 'invalid';
			return store.write((s) => subscribers.unsubscribe(s, hashToken(token), now()));
		},
	};
}
