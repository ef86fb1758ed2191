/**
 * The network part of the learner model: the reader's strategic network map,
 * shared by the six lesson tools and the /network page. The exported actions
 * are its only writers; each supplies the clock and new ids and calls a pure
 * reducer of src/lib/network/reducers.ts (imported as `network`). Loaded only
 * by the network islands (never by code every page runs), so it adds nothing
 * to ordinary page loads.
 */
import * as network from '../lib/network/reducers';
import {
	networkPart,
	type Benefit,
	type ContactDraft,
	type GroupDraft,
	type InvitationDraft,
	type NetworkState,
} from '../lib/network/network';
import { localIsoDate } from '../lib/calendar/dates';
import { STORAGE_KEY, persistedPart } from './persist';

/** localStorage key of this part. */
export const NETWORK_KEY = `${STORAGE_KEY}:network`;

/** The reader's network data; change it only through this module's actions. */
export const $network = persistedPart(NETWORK_KEY, networkPart);

/** A new id: time plus randomness, unique enough for one reader's device (and valid without a secure context). */
function newId(): string {
	return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10) || '0'}`;
}

/** Today on the reader's calendar. */
export function today(): string {
	return localIsoDate(new Date());
}

const update = (change: (state: NetworkState) => NetworkState) => $network.set(change($network.get()));

/** Sets (or, blank, clears) the reader's own sector. */
export function setOwnSector(sector: string): void {
	update((state) => network.setOwnSector(state, sector));
}

/** Adds a contact; returns its id. */
export function addContact(draft: ContactDraft): string {
	const id = newId();
	update((state) => network.addContact(state, draft, id, new Date()));
	return id;
}

/** Saves changes to a contact. */
export function updateContact(id: string, draft: ContactDraft): void {
	update((state) => network.updateContact(state, id, draft));
}

let lastDeletion: { before: NetworkState; after: NetworkState } | undefined;

/** Applies a deletion, remembering the state before it so `undoDelete` can bring it back. */
function remove(change: (state: NetworkState) => NetworkState): void {
	const before = $network.get();
	const after = change(before);
	lastDeletion = { before, after };
	$network.set(after);
}

/** Deletes a contact (people they introduced keep their name); `undoDelete` brings it back. */
export function deleteContact(id: string): void {
	remove((state) => network.deleteContact(state, id));
}

/**
 * Undoes the last deletion, as long as nothing else changed since (then the
 * map returns to exactly how it was). Returns whether it did.
 */
export function undoDelete(): boolean {
	const deletion = lastDeletion;
	lastDeletion = undefined;
	if (!deletion || $network.get() !== deletion.after) return false;
	$network.set(deletion.before);
	return true;
}

/**
 * Logs an invitation. Accepted, it creates a contact who invited the reader,
 * or links to `linkTo` when the reader said it is someone already in the map.
 * Returns the id of the contact it created or linked, if any.
 */
export function logInvitation(draft: InvitationDraft, linkTo?: string): string | undefined {
	const ids = { invitation: newId(), newContactId: newId(), ...(linkTo ? { linkTo } : {}) };
	update((state) => network.logInvitation(state, draft, ids, new Date()));
	return $network.get().invitations.at(-1)?.contactId;
}

/** Removes a logged invitation (the contact it created stays); `undoDelete` brings it back. */
export function deleteInvitation(id: string): void {
	remove((state) => network.deleteInvitation(state, id));
}

/** Records which benefits could flow each way with a contact. */
export function setBenefits(id: string, toMe: Benefit[], fromMe: Benefit[]): void {
	update((state) => network.setBenefits(state, id, toMe, fromMe));
}

/** Adds the people a contact referred the reader to, each pending follow-up. */
export function addReferrals(referrerId: string, names: string[]): void {
	const ids = names.map(() => newId());
	update((state) => network.addReferrals(state, referrerId, names, ids, new Date()));
}

/** Marks a referral followed up today. */
export function markFollowedUp(id: string): void {
	update((state) => network.markFollowedUp(state, id, today()));
}

/** Records that the reader was in touch with a contact today. */
export function recordContactToday(id: string): void {
	update((state) => network.recordContact(state, id, today()));
}

/** Records a group the reader joined. */
export function addGroup(draft: GroupDraft): void {
	const id = newId();
	update((state) => network.addGroup(state, draft, id, new Date()));
}

/** Removes a group (contacts met there keep its name); `undoDelete` brings it back. */
export function deleteGroup(id: string): void {
	remove((state) => network.deleteGroup(state, id));
}
