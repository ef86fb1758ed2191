/**
 * The site's own build-time settings, an `astro:env` schema spread into
 * `env.schema` in astro.config.mjs next to the newsletter's
 * (src/server/env-schema.ts). Read when the site is built: the pages that
 * use them are static. Meanings and defaults: README, "Configuration".
 */
import { envField } from 'astro/config';

/** Every site setting. */
export const siteEnvSchema = {
	/**
	 * The address of the original post on the Leadership Gold Blog. When set,
	 * About and the footer link to it; unset, they name the blog without a link
	 * (the course never guesses the address).
	 */
	ORIGINAL_POST_URL: envField.string({ context: 'server', access: 'public', optional: true, url: true }),
};
