// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import sitemap from '@astrojs/sitemap';
import { pagefind } from './src/integrations/pagefind.ts';

/** Canonical origin for links, sitemap and social meta; override per deployment. */
const site = process.env.SITE_URL ?? 'http://localhost:4321';

export default defineConfig({
	site,
	// The site is static; only routes that opt out of prerendering (the newsletter) run on the server.
	output: 'static',
	adapter: node({ mode: 'standalone' }),
	integrations: [mdx(), sitemap({ filter: (page) => !/\/404\/?$/.test(page) }), pagefind()],
	server: { port: Number(process.env.PORT ?? 4321), host: process.env.HOST ?? 'localhost' },
	build: { inlineStylesheets: 'always' },
	devToolbar: { enabled: false },
	prefetch: false,
});
