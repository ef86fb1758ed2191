// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { loadEnv } from 'vite';
import { contentSecurityPolicy } from './src/integrations/content-security-policy.ts';
import { nodeServer } from './src/integrations/node-server.ts';
import { pagefind } from './src/integrations/pagefind.ts';
import { siteEnvSchema } from './src/integrations/site-settings.ts';
import { newsletterEnvSchema, serverEnvSchema } from './src/server/env-schema.ts';

/**
 * Pages search engines should list: not the 404 page, nor the newsletter's
 * transactional pages (token links, results of a POST), which are noindex.
 * @param {string} page
 */
const isListedPage = (page) => !/\/404\/?$/.test(page) && !/\/newsletter\/.+/.test(page);

/** Build-time settings, from the environment or a .env file, as `astro:env` reads them. */
const buildEnv = { ...loadEnv(process.env.NODE_ENV ?? 'production', process.cwd(), ''), ...process.env };

/** Canonical origin for links, sitemap and social meta; override per deployment. */
const site = buildEnv.SITE_URL || 'http://localhost:4321';

export default defineConfig({
	site,
	// The site is static; only routes that opt out of prerendering (the newsletter) run on the server.
	output: 'static',
	// The Node adapter, run by this site's production server (src/server/entry.ts, built to
	// dist/server/entry.mjs). Bodies: the forms are under 1 KB and their routes refuse anything over
	// 16 KB themselves (src/server/http.ts); 1 MB bounds what any route can be made to read.
	adapter: nodeServer({ bodySizeLimit: 1024 * 1024 }),
	integrations: [mdx(), sitemap({ filter: isListedPage }), pagefind()],
	server: { port: Number(process.env.PORT ?? 4321), host: process.env.HOST ?? 'localhost' },
	build: { inlineStylesheets: 'always' },
	scopedStyleStrategy: 'class',
	devToolbar: { enabled: false },
	prefetch: false,
	// Server settings are read at run time through astro:env (see src/server/env-schema.ts); none reach the client.
	// Site settings (src/integrations/site-settings.ts) are read when the site is built.
	env: { schema: { ...newsletterEnvSchema, ...serverEnvSchema, ...siteEnvSchema } },
	security: {
		// Off only because the built-in check cannot exempt one path: RFC 8058 one-click unsubscribe
		// arrives from mail providers without an Origin header. src/middleware.ts performs the same
		// check (stricter: every unsafe method) on every on-demand route except that endpoint.
		checkOrigin: false,
		// Each page's policy: Astro's hashes of what it bundles plus src/integrations/content-security-policy.ts.
		// Static pages get it as a header from the production server, on-demand pages from Astro.
		csp: contentSecurityPolicy({ formAction: buildEnv.NEWSLETTER_FORM_ACTION || undefined }),
	},
});
