/**
 * The one running newsletter of this server process, configured from
 * `astro:env` (the only module under src/server that imports an astro:
 * virtual module, so everything else runs in plain Node and in tests).
 */
import {
	DATABASE_PATH,
	MAIL_FROM,
	NEWSLETTER_MIN_SUBMIT_MS,
	NEWSLETTER_RATE_LIMIT_ADDRESS,
	NEWSLETTER_RATE_LIMIT_IP,
	NEWSLETTER_RETRY_MAX_MS,
	NEWSLETTER_SECRET,
	OUTBOX_DIR,
	SITE_URL,
	SMTP_URL,
} from 'astro:env/server';
import { resolveNewsletterConfig } from './config.ts';
import { createNewsletter, type Newsletter } from './newsletter.ts';

let instance: Newsletter | undefined;

/** The process's newsletter, opened and started on first use (the production server starts it at boot). */
export function getNewsletter(): Newsletter {
	if (!instance) {
		const config = resolveNewsletterConfig(
			{
				SITE_URL,
				DATABASE_PATH,
				OUTBOX_DIR,
				SMTP_URL,
				MAIL_FROM,
				NEWSLETTER_SECRET,
				NEWSLETTER_MIN_SUBMIT_MS,
				NEWSLETTER_RATE_LIMIT_IP,
				NEWSLETTER_RATE_LIMIT_ADDRESS,
				NEWSLETTER_RETRY_MAX_MS,
			},
			import.meta.env.SITE,
		);
		instance = createNewsletter(config);
		instance.start();
	}
	return instance;
}

/** Stops the newsletter's sender after the mail in flight and closes its database, if it was ever opened. */
export async function closeNewsletter(): Promise<void> {
	const running = instance;
	instance = undefined;
	await running?.close();
}
