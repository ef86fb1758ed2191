/**
 * The Node adapter (@astrojs/node) with this site's production server as its
 * server entry, so `node dist/server/entry.mjs` is the one way to run the
 * built site, whatever starts it (`npm start`, `npm run serve`, a container).
 *
 * The adapter runs in its documented `middleware` mode: its `handler`
 * (imported from `@astrojs/node/server.js`, the package's public export)
 * renders the on-demand routes, and src/server/entry.ts wraps it in the
 * server the adapter's `standalone` mode cannot be configured into: static
 * files with their security headers, compression, timeouts and a connection
 * cap, graceful shutdown, and the newsletter's sender started with the
 * server. The only change made to the adapter is the documented
 * `serverEntrypoint` of the object it gives `setAdapter()` (Astro's adapter
 * API), and `previewEntrypoint` is dropped: `astro preview` would start the
 * adapter's preview server on top of ours, so `npm run serve` replaces it.
 *
 * At build time it also writes each prerendered page's headers (Astro's
 * Content-Security-Policy for it, from the `astro:build:generated` hook) to
 * dist/server/page-headers.json for the server to send.
 */
import { writeFile } from 'node:fs/promises';
import node from '@astrojs/node';
import type { AstroIntegration } from 'astro';
import { PAGE_HEADERS_FILE, pageHeadersFrom } from '../server/page-headers.ts';

/** Settings of {@link nodeServer}. */
export interface NodeServerOptions {
	/** Largest request body the adapter reads, in bytes (its `bodySizeLimit`). */
	bodySizeLimit: number;
}

type Hooks = AstroIntegration['hooks'];
type ConfigDone = NonNullable<Hooks['astro:config:done']>;

/** The Node adapter, serving through src/server/entry.ts. */
export function nodeServer({ bodySizeLimit }: NodeServerOptions): AstroIntegration {
	const adapter = node({ mode: 'middleware', staticHeaders: true, bodySizeLimit });
	const entry = new URL('../server/entry.ts', import.meta.url);
	let serverDir: URL | undefined;
	const configDone: ConfigDone = (options) => {
		serverDir = options.config.build.server;
		return adapter.hooks['astro:config:done']?.({
			...options,
			setAdapter: (settings) => options.setAdapter({ ...settings, serverEntrypoint: entry, previewEntrypoint: undefined }),
		});
	};
	return {
		name: 'node-server',
		hooks: {
			...adapter.hooks,
			'astro:config:done': configDone,
			'astro:build:generated': async (options) => {
				await adapter.hooks['astro:build:generated']?.(options);
				if (!serverDir) throw new Error('node-server: the server build folder is unknown (astro:config:done did not run).');
				const table = pageHeadersFrom(options.routeToHeaders);
				if (Object.keys(table.pages).length === 0)
					throw new Error('node-server: Astro reported no headers for the static pages; is security.csp enabled?');
				await writeFile(new URL(PAGE_HEADERS_FILE, serverDir), JSON.stringify(table));
				options.logger.info(`Headers of ${Object.keys(table.pages).length} static pages written to ${PAGE_HEADERS_FILE}.`);
			},
		},
	};
}
