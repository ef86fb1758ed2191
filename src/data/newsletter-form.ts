/**
 * Where the newsletter forms post, read once at build time: this server's
 * subscribe route, or, with NEWSLETTER_FORM_ACTION set, an email service's
 * URL with its own field names (README, Newsletter configuration). The forms
 * are in static pages, so these are build-time settings; the component that
 * renders them (NewsletterForm.astro) only gets the result.
 */
import { NEWSLETTER_FORM_ACTION, NEWSLETTER_FORM_EMAIL_FIELD, NEWSLETTER_FORM_NAME_FIELD } from 'astro:env/server';
import { PATHS } from '../lib/newsletter/routes';

/** How a newsletter form posts. */
export interface NewsletterFormTarget {
	/** The form's `action`. */
	action: string;
	/** True when it posts to an email service: no stamp, honeypot or island, the service's field names. */
	external: boolean;
	/** The names of the email and first-name fields. */
	fields: { email: string; firstName: string };
}

/** The build's form target. */
export const newsletterFormTarget: NewsletterFormTarget = NEWSLETTER_FORM_ACTION
	? {
			action: NEWSLETTER_FORM_ACTION,
			external: true,
			fields: { email: NEWSLETTER_FORM_EMAIL_FIELD ?? 'email', firstName: NEWSLETTER_FORM_NAME_FIELD ?? 'first_name' },
		}
	: { action: PATHS.subscribe, external: false, fields: { email: 'email', firstName: 'first_name' } };
