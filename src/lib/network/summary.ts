/**
 * What the network map holds, in a line for the "Your data" page and the
 * /network page's overview: phrases of src/i18n/en.json (`network.summary.*`)
 * that the page words and joins.
 */
import { counted, type Phrase } from '../learner/phrase';
import type { NetworkState } from './network';

/** How many contacts, invitations and groups the map holds (each only when there are some); nothing for an empty map. */
export function summarizeNetwork(state: NetworkState): Phrase[] {
	const phrases = [
		state.contacts.length ? counted('network.summary.contacts', state.contacts.length) : undefined,
		state.invitations.length ? counted('network.summary.invitations', state.invitations.length) : undefined,
		state.groups.length ? counted('network.summary.groups', state.groups.length) : undefined,
	].filter((phrase) => phrase !== undefined);
	if (!phrases.length && state.ownSector) phrases.push({ key: 'network.summary.ownSectorOnly', vars: {} });
	return phrases;
}
