// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import sitemap from '@astrojs/sitemap';
import { pagefind } from './src/integrations/pagefind.ts';
import { newsletter } from './src/integrations/newsletter.ts';
import { newsletterEnvSchema } from './src/server/env-schema.ts';
import { siteEnvSchema } from './src/integrations/site-settings.ts';

/**
 * Pages search engines should list: not the 404 page, nor the newsletter's
 * transactional pages (token links, results of a POST), which are noindex.
 * @param {string} page
 */
const isListedPage = (page) => !/\/404\/?$/.test(page) && !/\/newsletter\/.+/.test(page);

/** Canonical origin for links, sitemap and social meta; override per deployment. */
const site = process.env.SITE_URL ?? 'http://localhost:4321';

export default defineConfig({
	site,
	// The site is static; only routes that opt out of prerendering (the newsletter) run on the server.
	output: 'static',
	adapter: node({ mode: 'standalone' }),
	integrations: [mdx(), sitemap({ filter: isListedPage }), pagefind(), newsletter()],
	server: { port: Number(process.env.PORT ?? 4321), host: process.env.HOST ?? 'localhost' },
	build: { inlineStylesheets: 'always' },
	scopedStyleStrategy: 'class',
	devToolbar: { enabled: false },
	prefetch: false,
	// Server settings are read at run time through astro:env (see src/server/env-schema.ts); none reach the client.
	// Site settings (src/integrations/site-settings.ts) are read when the site is built.
	env: { schema: { ...newsletterEnvSchema, ...siteEnvSchema } },
	security: {
		// Off only because the built-in check cannot exempt one path: RFC 8058 one-click unsubscribe
		// arrives from mail providers without an Origin header. src/middleware.ts performs the same
		// check (stricter: every unsafe method) on every on-demand route except that endpoint.
		checkOrigin: false,
	},
});
