import { describe, expect, it } from 'vitest';
import { networkPart, type NetworkState } from '../../../../src/lib/network/network';
import { addContact, setOwnSector } from '../../../../src/lib/network/reducers';
import { summarizeNetwork } from '../../../../src/lib/network/summary';
import { fullNetwork, now } from './fixtures';

const emptyNetwork = () => networkPart.empty();

describe('summarizeNetwork', () => {
	it.each<[string, NetworkState, unknown[]]>([
		['an empty map', emptyNetwork(), []],
		['only the own sector', setOwnSector(emptyNetwork(), 'justice'), [{ key: 'network.summary.ownSectorOnly', vars: {} }]],
		[
			'one contact',
			addContact(emptyNetwork(), { name: 'Sam', started: 'reached-out', initiatedBy: 'me' }, 'c-sam', now),
			[{ key: 'network.summary.contacts.one', vars: { count: 1 } }],
		],
		[
			'the full map',
			fullNetwork(),
			[
				{ key: 'network.summary.contacts.other', vars: { count: 4 } },
				{ key: 'network.summary.invitations.other', vars: { count: 2 } },
				{ key: 'network.summary.groups.one', vars: { count: 1 } },
			],
		],
	])('describes %s', (_name, state, phrases) => {
		expect(summarizeNetwork(state)).toEqual(phrases);
	});
});
