import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import strings from '../../../../src/i18n/en.json';
import { BENEFITS, FOLLOW_UPS, INITIATORS, SECTORS, STARTS } from '../../../../src/lib/network/network';
import { commonPrefixes } from '../../../../src/components/network/tool-strings';

const folder = resolve(import.meta.dirname, '../../../../src/components/network');
const all = strings as Record<string, string>;

/** String keys the network islands look up literally: `strings['x']`, `s['x']`, `say(strings, 'x'`, `say(s, 'x'`. */
function keysUsedIn(source: string): string[] {
	const patterns = [/\b(?:strings|s)\['([\w.-]+)'\]/g, /\bsay\((?:strings|s|this\.#s), '([\w.-]+)'/g, /\b(?:strings|s)\.(\w+)\b/g];
	return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1]!));
}

describe('network strings', () => {
	const files = readdirSync(folder).filter((file) => file.endsWith('.ts') && file !== 'tool-strings.ts');

	it.each(files)('every string %s looks up exists in en.json', (file) => {
		const missing = keysUsedIn(readFileSync(resolve(folder, file), 'utf8')).filter((key) => !(`network.${key}` in all));
		expect(missing).toEqual([]);
	});

	/** Each island and the component that renders it (and picks its strings). */
	const islands: [string, string][] = [
		['invitations-tool.ts', 'InvitationsTool.astro'],
		['benefits-tool.ts', 'BenefitsTool.astro'],
		['probability-tool.ts', 'ProbabilityTool.astro'],
		['referrals-tool.ts', 'ReferralsTool.astro'],
		['diversity-tool.ts', 'DiversityTool.astro'],
		['initiative-tool.ts', 'InitiativeTool.astro'],
		['network-manager.ts', 'NetworkManager.astro'],
	];

	it.each(islands)('every string %s looks up is sent to it by %s', (island, component) => {
		const markup = readFileSync(resolve(folder, component), 'utf8');
		// `formErrors('name', …)` stands for the keys `error.name`, ….
		const expanded = markup.replace(/formErrors\(([^)]*)\)/g, (_match, codes: string) => codes.replace(/'([^']+)'/g, "'error.$1'"));
		const call = /networkStrings\(([\s\S]*?)\);/.exec(expanded)?.[1] ?? '';
		const prefixes = [...call.matchAll(/'([^']+)'/g)]
			.map((match) => match[1]!)
			.concat(call.includes('...commonPrefixes') ? commonPrefixes : []);
		const unsent = keysUsedIn(readFileSync(resolve(folder, island), 'utf8')).filter(
			(key) => !key.startsWith('sector.') && !prefixes.some((prefix) => key.startsWith(prefix)),
		);
		expect(unsent).toEqual([]);
	});

	it('names every listed sector, benefit, way of starting, initiator and follow-up status', () => {
		const keys = [
			...SECTORS.map((id) => `network.sector.${id}`),
			...BENEFITS.map((id) => `network.benefit.${id}`),
			...STARTS.map((id) => `network.start.${id}`),
			...INITIATORS.map((id) => `network.initiator.${id}`),
			...FOLLOW_UPS.map((id) => `network.followUp.${id}`),
		];
		expect(keys.filter((key) => !all[key])).toEqual([]);
	});

	it('quotes the five benefits verbatim from the post', () => {
		const post = readFileSync(resolve(import.meta.dirname, '../../../fixtures/strategic-network-blog-post.txt'), 'utf8');
		for (const benefit of BENEFITS) expect(post).toContain(`  • ${all[`network.benefit.${benefit}`]}`);
	});

	it('quotes the executive verbatim where a tool cites her', () => {
		const post = readFileSync(resolve(import.meta.dirname, '../../../fixtures/strategic-network-blog-post.txt'), 'utf8');
		expect(post).toContain('Five out of 7 members I didn’t know.');
		expect(all['network.diversity.groupHint']).toContain('“Five out of 7 members I didn’t know.”');
		expect(post).toContain('I also followed up on 3 names he gave me');
	});
});
