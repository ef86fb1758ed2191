/**
 * What the layering check reads from files dependency-cruiser cannot parse.
 * The rules themselves run on the whole project in `npm test` (the layering suite).
 */
import { describe, expect, it } from 'vitest';
import { astroImportsSource, mdxImportsSource, original } from '../../../scripts/layering.mjs';

describe('astroImportsSource', () => {
	it('keeps the frontmatter and bundled scripts, not markup, inline scripts or JSON-LD', () => {
		const source = [
			'---',
			"import Card from './Card.astro';",
			"import { t } from '../i18n';",
			'---',
			'<p>import nothing from "markup";</p>',
			'<script>',
			"\timport { $progress } from '../stores/progress';",
			'</script>',
			'<script is:inline>import("/theme.js")</script>',
			'<script type="application/ld+json">{"import": "no"}</script>',
		].join('\n');
		const kept = astroImportsSource(source);
		expect(kept).toContain("import Card from './Card.astro';");
		expect(kept).toContain("import { $progress } from '../stores/progress';");
		expect(kept).not.toContain('markup');
		expect(kept).not.toContain('/theme.js');
		expect(kept).not.toContain('"no"');
	});
});

describe('mdxImportsSource', () => {
	it('keeps the import and export blocks of a lesson, not its frontmatter or prose', () => {
		const source = [
			'---',
			'title: Import this',
			'---',
			'',
			"import Quote from '../../components/Quote.astro';",
			'',
			'Import the lesson text.',
			'',
			'export const note = 1;',
		].join('\n');
		expect(mdxImportsSource(source)).toBe("import Quote from '../../components/Quote.astro';\nexport const note = 1;");
	});
});

describe('original', () => {
	it('names the real file behind a shadow', () => {
		expect(original('src/components/site/SiteFooter.astro.ts')).toBe('src/components/site/SiteFooter.astro');
		expect(original('src/content/lessons/01.mdx.ts')).toBe('src/content/lessons/01.mdx');
		expect(original('src/lib/course/lessons.ts')).toBe('src/lib/course/lessons.ts');
	});
});
