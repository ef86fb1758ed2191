/**
 * The newsletter's runtime settings, resolved from environment variables
 * (read through `astro:env` by runtime.ts, or passed directly by tests and
 * scripts) with the defaults a newcomer needs to run everything locally.
 */
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_RETRY_SCHEDULE, type RetrySchedule } from './retry-schedule.ts';

/** The environment variables the newsletter reads; every one is optional. */
export interface NewsletterEnv {
	/** Public origin for links in mail, e.g. `https://course.example.org`. Default: the build's `site`. */
	SITE_URL?: string | undefined;
	/** SQLite file. Default `data/newsletter.db`. */
	DATABASE_PATH?: string | undefined;
	/** Folder for `.eml` files when `SMTP_URL` is unset. Default: `outbox/` next to the database. */
	OUTBOX_DIR?: string | undefined;
	/** `smtp://user:pass@host:587` or `smtps://…:465`. Unset: mail is written to OUTBOX_DIR. */
	SMTP_URL?: string | undefined;
	/** Sender, e.g. `Leadership Gold Blog <newsletter@example.org>`. */
	MAIL_FROM?: string | undefined;
	/** HMAC key for the form's time stamp. Default: a random key kept in the database. */
	NEWSLETTER_SECRET?: string | undefined;
	/** Submissions sooner than this after the form loaded are bots. Default 2000 ms. */
	NEWSLETTER_MIN_SUBMIT_MS?: number | undefined;
	/** Form posts per client IP (IPv6: per /64) per hour. Default 30. */
	NEWSLETTER_RATE_LIMIT_IP?: number | undefined;
	/** Subscription requests per email address per hour. Default 5. */
	NEWSLETTER_RATE_LIMIT_ADDRESS?: number | undefined;
	/** Longest wait between two delivery attempts, in ms. Default 15 minutes. */
	NEWSLETTER_RETRY_MAX_MS?: number | undefined;
}

/** Resolved settings. */
export interface NewsletterConfig {
	siteUrl: URL;
	databasePath: string;
	outboxDir: string;
	smtpUrl: string | null;
	mailFrom: string;
	secret: string | null;
	minSubmitMs: number;
	ipLimitPerHour: number;
	addressLimitPerHour: number;
	retry: RetrySchedule;
}

const positive = (value: number | undefined, fallback: number) =>
	typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;

/** Applies defaults; `fallbackSite` is the `site` the build was made with. Paths resolve against the working directory. */
export function resolveNewsletterConfig(env: NewsletterEnv, fallbackSite: string | URL = 'http://localhost:4321'): NewsletterConfig {
	const siteUrl = new URL(env.SITE_URL || fallbackSite);
	if (siteUrl.protocol !== 'https:' && siteUrl.protocol !== 'http:')
		throw new Error(`SITE_URL must be an http(s) URL, got ${siteUrl.href}`);
	const databasePath = resolve(env.DATABASE_PATH || 'data/newsletter.db');
	return {
		siteUrl,
		databasePath,
		outboxDir: resolve(env.OUTBOX_DIR || join(dirname(databasePath), 'outbox')),
		smtpUrl: env.SMTP_URL || null,
		mailFrom: env.MAIL_FROM || `Leadership Gold Blog <newsletter@${siteUrl.hostname}>`,
		secret: env.NEWSLETTER_SECRET || null,
		minSubmitMs: positive(env.NEWSLETTER_MIN_SUBMIT_MS, 2_000),
		ipLimitPerHour: Math.max(1, positive(env.NEWSLETTER_RATE_LIMIT_IP, 30)),
		addressLimitPerHour: Math.max(1, positive(env.NEWSLETTER_RATE_LIMIT_ADDRESS, 5)),
		retry: {
			...DEFAULT_RETRY_SCHEDULE,
			maxMs: Math.max(DEFAULT_RETRY_SCHEDULE.baseMs, positive(env.NEWSLETTER_RETRY_MAX_MS, DEFAULT_RETRY_SCHEDULE.maxMs)),
		},
	};
}
