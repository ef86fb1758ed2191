/**
 * An Astro integration for the server side of the site:
 * - starts the newsletter's outbox sender when the built server starts (by
 *   adding `import "src/server/boot.ts"` to the Node adapter's server entry
 *   at build time). If a future adapter version moves its entry file,
 *   nothing breaks: the sender then starts on the first newsletter request;
 * - writes dist/server/static-headers.json, the security headers of each
 *   static page, which scripts/serve.mjs sends (see static-headers.ts).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { staticHeaders } from './static-headers.ts';

const ADAPTER_ENTRY = /@astrojs[\\/]node[\\/]dist[\\/]server\.js$/;

/** Starts the newsletter's mail sender with the production server, and writes the static pages' security headers at build time. */
export function newsletter(): AstroIntegration {
	let serverDir: URL | undefined;
	return {
		name: 'newsletter',
		hooks: {
			'astro:config:done': ({ config }) => {
				serverDir = config.build.server;
			},
			'astro:build:done': async ({ dir, logger }) => {
				if (!serverDir) return;
				const root = fileURLToPath(dir);
				const files = (await readdir(root, { recursive: true }))
					.filter((file) => file.endsWith('.html'))
					.map((file) => file.split('\\').join('/'));
				const pages = await Promise.all(files.map(async (file) => ({ file, html: await readFile(`${root}/${file}`, 'utf8') })));
				await writeFile(new URL('static-headers.json', serverDir), JSON.stringify(staticHeaders(pages)));
				logger.info(`Security headers for ${pages.length} static pages written to static-headers.json.`);
			},
			'astro:config:setup': ({ command, config, updateConfig }) => {
				if (command !== 'build') return;
				const boot = fileURLToPath(new URL('server/boot.ts', config.srcDir));
				updateConfig({
					vite: {
						plugins: [
							{
								name: 'newsletter:boot-with-server',
								transform(code, id) {
									if (!ADAPTER_ENTRY.test(id)) return null;
									return { code: `${code}\nimport ${JSON.stringify(boot)};\n`, map: null };
								},
							},
						],
					},
				});
			},
		},
	};
}
