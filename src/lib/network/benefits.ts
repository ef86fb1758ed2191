/**
 * Lesson 2, a hard focus on benefits: which of the five benefits the network
 * could bring, counting both directions (what could flow to the reader and
 * what the reader could offer), and which none of their contacts covers yet.
 */
import { BENEFITS, type Benefit, type Contact } from './network';

/** Which of the five benefits the network covers, with counts each way. */
export interface BenefitsCoverage {
	/** Benefits at least one contact covers, in the post’s order. */
	covered: Benefit[];
	/** Benefits no contact covers yet, in the post’s order. */
	lacking: Benefit[];
	/** Per benefit: how many contacts could bring it to the reader, and to how many the reader could bring it. */
	counts: Record<Benefit, { toMe: number; fromMe: number }>;
}

/** Which of the five benefits the network covers, in either direction, and which it lacks. */
export function benefitsCoverage(contacts: readonly Contact[]): BenefitsCoverage {
	const counts = Object.fromEntries(BENEFITS.map((benefit) => [benefit, { toMe: 0, fromMe: 0 }])) as BenefitsCoverage['counts'];
	for (const contact of contacts) {
		for (const benefit of contact.benefitsToMe) counts[benefit].toMe += 1;
		for (const benefit of contact.benefitsFromMe) counts[benefit].fromMe += 1;
	}
	const covered = BENEFITS.filter((benefit) => counts[benefit].toMe + counts[benefit].fromMe > 0);
	return { covered, lacking: BENEFITS.filter((benefit) => !covered.includes(benefit)), counts };
}
