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
