/**
 * Lesson 5, join a diverse group: how varied the network is by sector.
 *
 * The diversity index is Gini-Simpson, 1 − Σ pᵢ², where pᵢ is the share of
 * contacts in sector i: the chance that two contacts picked at random (the
 * same one may be picked twice) work in different sectors. 0 means everyone
 * is in one sector; it approaches 1 as contacts spread over many sectors.
 * Contacts whose sector is not recorded are left out of shares and index.
 */
import { sectorKey, type Contact, type Group } from './network';

/** One sector's place in the network. */
export interface SectorShare {
	/** The grouping key (`sectorKey`). */
	key: string;
	/** The sector as first recorded, for display. */
	sector: string;
	count: number;
	/** count / contacts with a known sector. */
	share: number;
}

/** How the network spreads over sectors. */
export interface SectorMix {
	/** Sectors, most contacts first; ties in alphabetical order. */
	sectors: SectorShare[];
	/** Contacts with a sector recorded. */
	known: number;
	/** Contacts without one. */
	unknown: number;
}

/** How the contacts spread over sectors. */
export function sectorMix(contacts: readonly Contact[]): SectorMix {
	const groups = new Map<string, { sector: string; count: number }>();
	let unknown = 0;
	for (const contact of contacts) {
		if (!contact.sector) {
			unknown += 1;
			continue;
		}
		const key = sectorKey(contact.sector);
		const group = groups.get(key) ?? { sector: contact.sector, count: 0 };
		group.count += 1;
		groups.set(key, group);
	}
	const known = contacts.length - unknown;
	const sectors = [...groups.entries()]
		.map(([key, group]) => ({ key, sector: group.sector, count: group.count, share: group.count / known }))
		.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
	return { sectors, known, unknown };
}

/** Gini-Simpson index of counts: 1 − Σ pᵢ²; 0 when there is nothing to count. */
export function giniSimpson(counts: readonly number[]): number {
	const total = counts.reduce((sum, count) => sum + count, 0);
	if (total === 0) return 0;
	return 1 - counts.reduce((sum, count) => sum + (count / total) ** 2, 0);
}

/** The diversity index of a network’s sector mix. */
export function diversityIndex(contacts: readonly Contact[]): number {
	return giniSimpson(sectorMix(contacts).sectors.map((sector) => sector.count));
}

/** The diversity index in words (`network.diversity.level.*`). */
export type DiversityLevel = 'none' | 'low' | 'moderate' | 'high';

/**
 * A plain-language band for the index: `none` below two known sectors' worth
 * of data, else low (< 0.4: one sector dominates), moderate (< 0.7, about
 * two or three sectors in balance) or high (the spread of four or more).
 */
export function diversityLevel(index: number, known: number): DiversityLevel {
	if (known < 2) return 'none';
	if (index < 0.4) return 'low';
	return index < 0.7 ? 'moderate' : 'high';
}

/** How much of the network shares the reader's own sector. */
export interface OwnSectorShare {
	/** Contacts in the reader's own sector. */
	same: number;
	/** Contacts with a known sector. */
	known: number;
	share: number;
	/** More than half share the reader's sector: a birds-of-a-feather network. */
	birdsOfAFeather: boolean;
}

/** How many known-sector contacts share the reader's sector; a warning when more than half do (exactly half does not warn). */
export function ownSectorShare(contacts: readonly Contact[], ownSector: string): OwnSectorShare {
	const own = sectorKey(ownSector);
	const withSector = contacts.filter((contact) => contact.sector);
	const same = withSector.filter((contact) => sectorKey(contact.sector!) === own).length;
	const share = withSector.length ? same / withSector.length : 0;
	return { same, known: withSector.length, share, birdsOfAFeather: share > 0.5 };
}

/** New members over all the groups joined ("5 of 7 members were new to you", summed). */
export function newMembersTotal(groups: readonly Group[]): { newMembers: number; members: number } {
	return groups.reduce((sum, group) => ({ newMembers: sum.newMembers + group.newMembers, members: sum.members + group.members }), {
		newMembers: 0,
		members: 0,
	});
}
