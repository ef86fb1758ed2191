/**
 * Lesson 6, take a bold lead: who makes the first move. The executive in
 * the post noticed that she is the one who mostly reaches out; this shows the
 * reader their own share of first moves month by month, and the people they
 * have not been in touch with for a while.
 */
import { dayOf, daysBetween, monthKey, recentMonths } from '../calendar/dates';
import type { Contact } from './network';

/** Contacts not in touch for this many days or more belong on the "reach out this week" list. */
export const REACH_OUT_DAYS = 60;
/** How many months the initiation chart shows. */
export const MONTHS_SHOWN = 6;

/** First moves in one month. */
export interface MonthInitiations {
	/** `YYYY-MM`. */
	month: string;
	byMe: number;
	byThem: number;
	/** byMe / (byMe + byThem); undefined for a month with no new connections. */
	share?: number;
}

/** First moves per month (by when each contact was recorded), for the `months` months up to `now`, oldest first. */
export function initiationsByMonth(contacts: readonly Contact[], now: Date, months = MONTHS_SHOWN): MonthInitiations[] {
	return recentMonths(now, months).map((month) => {
		const started = contacts.filter((contact) => monthKey(new Date(contact.createdAt)) === month);
		const byMe = started.filter((contact) => contact.initiatedBy === 'me').length;
		const byThem = started.length - byMe;
		return started.length ? { month, byMe, byThem, share: byMe / started.length } : { month, byMe, byThem };
	});
}

/** The reader's share of first moves over all contacts; undefined with none. */
export function initiationShare(contacts: readonly Contact[]): number | undefined {
	return contacts.length ? contacts.filter((contact) => contact.initiatedBy === 'me').length / contacts.length : undefined;
}

/** A contact to reach out to, and for how long they have not heard from the reader. */
export interface DueContact {
	contact: Contact;
	/** The last day in touch: the recorded last contact, else the day the contact was recorded. */
	since: string;
	days: number;
}

/** The day a contact was last in touch with the reader, as far as the map knows. */
export function lastTouch(contact: Contact): string {
	return contact.lastContact ?? dayOf(contact.createdAt);
}

/** Contacts not in touch for `days` days or more (exactly `days` included), longest silence first; ties by name. */
export function reachOutThisWeek(contacts: readonly Contact[], today: string, days = REACH_OUT_DAYS): DueContact[] {
	return contacts
		.map((contact) => {
			const since = lastTouch(contact);
			return { contact, since, days: daysBetween(since, today) };
		})
		.filter((due) => due.days >= days)
		.sort((a, b) => b.days - a.days || a.contact.name.localeCompare(b.contact.name) || a.contact.id.localeCompare(b.contact.id));
}
