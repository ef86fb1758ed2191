/**
 * An Astro integration for the newsletter: starts the outbox sender when
 * the built server starts (by adding `import "src/server/boot.ts"` to the
 * Node adapter's server entry at build time). If a future adapter version
 * moves its entry file, nothing breaks: the sender then starts on the first
 * newsletter request instead.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const ADAPTER_ENTRY = /@astrojs[\\/]node[\\/]dist[\\/]server\.js$/;

/** Starts the newsletter's mail sender together with the production server. */
export function newsletter(): AstroIntegration {
	return {
		name: 'newsletter',
		hooks: {
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
