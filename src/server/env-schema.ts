/**
 * The `astro:env` schema of the newsletter's settings (spread into
 * `env.schema` in astro.config.mjs). Server settings are `secret`: read from
 * the environment when the server runs, never inlined into any bundle.
 * The form-action settings are read at build time, because the forms live
 * in static pages. Meanings and defaults: src/server/config.ts and README.
 */
import { envField } from 'astro/config';

const runtime = { context: 'server', access: 'secret', optional: true } as const;
const buildTime = { context: 'server', access: 'public', optional: true } as const;

/** Every environment variable the newsletter reads. */
export const newsletterEnvSchema = {
	SITE_URL: envField.string({ ...runtime, url: true }),
	DATABASE_PATH: envField.string(runtime),
	OUTBOX_DIR: envField.string(runtime),
	SMTP_URL: envField.string(runtime),
	MAIL_FROM: envField.string(runtime),
	NEWSLETTER_SECRET: envField.string({ ...runtime, min: 16 }),
	NEWSLETTER_MIN_SUBMIT_MS: envField.number({ ...runtime, int: true, min: 0 }),
	NEWSLETTER_RATE_LIMIT_IP: envField.number({ ...runtime, int: true, gt: 0 }),
	NEWSLETTER_RATE_LIMIT_ADDRESS: envField.number({ ...runtime, int: true, gt: 0 }),
	NEWSLETTER_RETRY_MAX_MS: envField.number({ ...runtime, int: true, gt: 0 }),
	/** Build time: post the forms to this URL (an email service) instead of this server. */
	NEWSLETTER_FORM_ACTION: envField.string({ ...buildTime, url: true }),
	/** Build time, with NEWSLETTER_FORM_ACTION: the service's name for the email field. Default `email`. */
	NEWSLETTER_FORM_EMAIL_FIELD: envField.string(buildTime),
	/** Build time, with NEWSLETTER_FORM_ACTION: the service's name for the first-name field. Default `first_name`. */
	NEWSLETTER_FORM_NAME_FIELD: envField.string(buildTime),
};

/**
 * Every environment variable the production server (src/server/entry.ts)
 * reads besides the adapter's PORT, HOST, SERVER_CERT_PATH and SERVER_KEY_PATH.
 * Meanings and defaults: src/server/config.ts (`resolveServerConfig`) and README.
 */
export const serverEnvSchema = {
	/** Proxies in front of the server: a number of hops, or a comma-separated list of addresses and CIDRs. Default: none. */
	TRUST_PROXY: envField.string(runtime),
	SERVER_HEADERS_TIMEOUT_MS: envField.number({ ...runtime, int: true, gt: 0 }),
	SERVER_REQUEST_TIMEOUT_MS: envField.number({ ...runtime, int: true, gt: 0 }),
	SERVER_KEEP_ALIVE_TIMEOUT_MS: envField.number({ ...runtime, int: true, gt: 0 }),
	SERVER_MAX_CONNECTIONS: envField.number({ ...runtime, int: true, gt: 0 }),
	SERVER_SHUTDOWN_TIMEOUT_MS: envField.number({ ...runtime, int: true, min: 0 }),
	/** `false` when a proxy in front compresses. Default `true`. */
	SERVER_COMPRESSION: envField.boolean(runtime),
};
