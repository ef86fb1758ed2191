import { describe, expect, it } from 'vitest';
import { RECENT_DAYS, isWithinDays, recentInvitations } from '../../../../src/lib/network/invitations';
import type { Invitation } from '../../../../src/lib/network/network';
import { invitation } from './fixtures';

const today = '2026-03-14';

describe('isWithinDays', () => {
	it.each([
		['2026-03-14', true],
		['2025-12-14', true],
		['2025-12-13', false],
		['2026-03-15', false],
	])('%s is within 90 days of %s: %s', (date, within) => {
		expect(isWithinDays(date, today, RECENT_DAYS)).toBe(within);
	});
});

describe('recentInvitations', () => {
	it.each<[string, Invitation[], string | undefined, ReturnType<typeof recentInvitations>]>([
		['an empty network', [], 'justice', { accepted: 0, declined: 0, outside: 0, unknownSector: 0 }],
		[
			'one accepted from another sector',
			[invitation(today, { sector: 'health' })],
			'justice',
			{ accepted: 1, declined: 0, outside: 1, unknownSector: 0 },
		],
		[
			'one accepted from the own sector, typed in another case',
			[invitation(today, { sector: 'Justice' })],
			'justice',
			{ accepted: 1, declined: 0, outside: 0, unknownSector: 0 },
		],
		[
			'one exactly 90 days old',
			[invitation('2025-12-14', { sector: 'health' })],
			'justice',
			{ accepted: 1, declined: 0, outside: 1, unknownSector: 0 },
		],
		[
			'one 91 days old',
			[invitation('2025-12-13', { sector: 'health' })],
			'justice',
			{ accepted: 0, declined: 0, outside: 0, unknownSector: 0 },
		],
		['one dated tomorrow', [invitation('2026-03-15')], 'justice', { accepted: 0, declined: 0, outside: 0, unknownSector: 0 }],
		[
			'one declined',
			[invitation(today, { response: 'declined', sector: 'health' })],
			'justice',
			{ accepted: 0, declined: 1, outside: 0, unknownSector: 0 },
		],
		['one without a sector', [invitation(today)], 'justice', { accepted: 1, declined: 0, outside: 0, unknownSector: 1 }],
		[
			'a mix, before the reader’s sector is known',
			[invitation(today, { sector: 'health' }), invitation(today, { sector: 'justice' }), invitation(today, { response: 'declined' })],
			undefined,
			{ accepted: 2, declined: 1, unknownSector: 0 },
		],
		[
			'a tie of inside and outside',
			[invitation(today, { sector: 'health' }), invitation('2026-01-02', { sector: 'justice' })],
			'justice',
			{ accepted: 2, declined: 0, outside: 1, unknownSector: 0 },
		],
	])('counts %s', (_name, invitations, ownSector, expected) => {
		expect(recentInvitations(invitations, ownSector, today)).toEqual(expected);
	});
});
