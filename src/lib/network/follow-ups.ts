/**
 * Lesson 4, leverage your connections: the names a contact gave are only
 * worth something once followed up (the executive followed up on the 3 names
 * she was given). Pending follow-ups come oldest first, so nothing is left to go cold.
 */
import { introducerName, type Contact, type NetworkState } from './network';

/** A referral still to follow up, with who introduced them. */
export interface PendingFollowUp {
	contact: Contact;
	/** Who introduced them, when known. */
	introducer?: string;
}

/** Referrals still to follow up, oldest recorded first (ties by name, then id, so the order is stable). */
export function pendingFollowUps(state: NetworkState): PendingFollowUp[] {
	return state.contacts
		.filter((contact) => contact.started === 'introduced' && contact.followUp === 'pending')
		.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
		.map((contact) => {
			const introducer = introducerName(state, contact);
			return introducer === undefined ? { contact } : { contact, introducer };
		});
}
