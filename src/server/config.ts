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

/** The production server's environment (src/server/entry.ts); every one is optional. */
export interface ServerEnv {
	/** Port to listen on. Default: the build's `server.port` (4321). */
	PORT?: string | undefined;
	/** Interface to listen on (`0.0.0.0` for all). Default: the build's `server.host` (localhost). */
	HOST?: string | undefined;
	/** With SERVER_KEY_PATH: serve HTTPS with this certificate, as the adapter's standalone server does. */
	SERVER_CERT_PATH?: string | undefined;
	SERVER_KEY_PATH?: string | undefined;
	/** Longest wait for a request's headers. Default 10 s. */
	SERVER_HEADERS_TIMEOUT_MS?: number | undefined;
	/** Longest wait for a whole request, body included (a slow upload is cut off). Default 15 s. */
	SERVER_REQUEST_TIMEOUT_MS?: number | undefined;
	/** How long an idle keep-alive connection stays open. Default 5 s. */
	SERVER_KEEP_ALIVE_TIMEOUT_MS?: number | undefined;
	/** Open connections at most; more are refused. Default 1000. */
	SERVER_MAX_CONNECTIONS?: number | undefined;
	/** On SIGTERM/SIGINT, how long requests in flight may take to finish. Default 10 s. */
	SERVER_SHUTDOWN_TIMEOUT_MS?: number | undefined;
	/** Compress pages, scripts and styles (brotli or gzip). Default true; false behind a proxy that compresses. */
	SERVER_COMPRESSION?: boolean | undefined;
}

/** Resolved production server settings. */
export interface ServerConfig {
	port: number;
	host: string;
	tls: { certPath: string; keyPath: string } | null;
	headersTimeoutMs: number;
	requestTimeoutMs: number;
	keepAliveTimeoutMs: number;
	maxConnections: number;
	shutdownTimeoutMs: number;
	compression: boolean;
}

/** Applies defaults; `built` is where the build says to listen. Fails with a message naming the setting. */
export function resolveServerConfig(env: ServerEnv, built: { port?: number; host?: string | boolean } = {}): ServerConfig {
	const port = env.PORT ? Number(env.PORT) : (built.port ?? 4321);
	if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be a port number (0–65535), got "${env.PORT}".`);
	const builtHost = typeof built.host === 'string' ? built.host : built.host ? '0.0.0.0' : 'localhost';
	if (Boolean(env.SERVER_CERT_PATH) !== Boolean(env.SERVER_KEY_PATH))
		throw new Error('SERVER_CERT_PATH and SERVER_KEY_PATH go together: set both to serve HTTPS, or neither.');
	const headersTimeoutMs = env.SERVER_HEADERS_TIMEOUT_MS ?? 10_000;
	const requestTimeoutMs = env.SERVER_REQUEST_TIMEOUT_MS ?? Math.max(15_000, headersTimeoutMs);
	if (requestTimeoutMs < headersTimeoutMs)
		throw new Error(
			`SERVER_REQUEST_TIMEOUT_MS (${requestTimeoutMs}) must be at least SERVER_HEADERS_TIMEOUT_MS (${headersTimeoutMs}): the headers are part of the request.`,
		);
	return {
		port,
		host: env.HOST || builtHost,
		tls: env.SERVER_CERT_PATH && env.SERVER_KEY_PATH ? { certPath: env.SERVER_CERT_PATH, keyPath: env.SERVER_KEY_PATH } : null,
		headersTimeoutMs,
		requestTimeoutMs,
		keepAliveTimeoutMs: env.SERVER_KEEP_ALIVE_TIMEOUT_MS ?? 5_000,
		maxConnections: env.SERVER_MAX_CONNECTIONS ?? 1_000,
		shutdownTimeoutMs: env.SERVER_SHUTDOWN_TIMEOUT_MS ?? 10_000,
		compression: env.SERVER_COMPRESSION ?? true,
	};
}
