/**
 * Builds the Pagefind index after Astro has written the static pages.
 * The folder comes from the `astro:build:done` hook, so it is `dist/client`
 * when an adapter is used and `dist` otherwise: indexing the wrong folder
 * would silently ship a site with no search.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefindApi from 'pagefind';

export function pagefind(): AstroIntegration {
	return {
		name: 'course-pagefind',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const outDir = fileURLToPath(dir);
				const started = performance.now();
				const { index, errors } = await pagefindApi.createIndex({ forceLanguage: 'en' });
				if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
				const added = await index.addDirectory({ path: outDir });
				if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
				const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
				if (written.errors.length) throw new Error(`Pagefind could not write: ${written.errors.join('; ')}`);
				await pagefindApi.close();
				const ms = Math.round(performance.now() - started);
				logger.info(`indexed ${added.page_count} pages in ${ms} ms`);
			},
		},
	};
}
