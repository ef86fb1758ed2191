/**
 * Interface strings that quote the post must quote it word for word (the
 * post's text is in tests/fixtures). Keys themselves are checked by the type
 * check: every `t()` key and every island's keys (src/i18n/islands.ts).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { t } from '../../../src/i18n';
import { BENEFITS } from '../../../src/lib/network/network';

const post = readFileSync(resolve(import.meta.dirname, '../../fixtures/strategic-network-blog-post.txt'), 'utf8');

describe('strings quoting the post', () => {
	it.each(BENEFITS)('names the benefit “%s” in the post’s own words', (benefit) => {
		expect(post).toContain(`  • ${t(`network.benefit.${benefit}`)}`);
	});

	it('quotes the executive verbatim where a tool cites her', () => {
		expect(post).toContain('Five out of 7 members I didn’t know.');
		expect(t('network.diversity.groupHint')).toContain('“Five out of 7 members I didn’t know.”');
	});
});
