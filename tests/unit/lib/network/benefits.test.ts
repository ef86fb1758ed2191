import { describe, expect, it } from 'vitest';
import { benefitsCoverage } from '../../../../src/lib/network/benefits';
import { BENEFITS, type Benefit, type Contact } from '../../../../src/lib/network/network';
import { contact } from './fixtures';

describe('benefitsCoverage', () => {
	it.each<[string, Contact[], Benefit[]]>([
		['an empty network', [], []],
		['a contact with no benefits ticked', [contact()], []],
		['one contact, one benefit to the reader', [contact({ benefitsToMe: ['trends'] })], ['trends']],
		['one contact, one benefit from the reader', [contact({ benefitsFromMe: ['repurpose'] })], ['repurpose']],
		[
			'two contacts covering the same benefit',
			[contact({ benefitsToMe: ['strategy'] }), contact({ benefitsFromMe: ['strategy'] })],
			['strategy'],
		],
		[
			'contacts covering all five between them',
			[contact({ benefitsToMe: ['trends', 'strategy'] }), contact({ benefitsFromMe: ['challenges', 'innovate', 'repurpose'] })],
			[...BENEFITS],
		],
	])('%s covers the right benefits and lacks the rest, in the post’s order', (_name, contacts, covered) => {
		const coverage = benefitsCoverage(contacts);
		expect(coverage.covered).toEqual(covered);
		expect(coverage.lacking).toEqual(BENEFITS.filter((benefit) => !covered.includes(benefit)));
	});

	it('counts each direction separately', () => {
		const { counts } = benefitsCoverage([
			contact({ benefitsToMe: ['trends'], benefitsFromMe: ['trends'] }),
			contact({ benefitsToMe: ['trends'] }),
		]);
		expect(counts.trends).toEqual({ toMe: 2, fromMe: 1 });
		expect(counts.innovate).toEqual({ toMe: 0, fromMe: 0 });
	});
});
