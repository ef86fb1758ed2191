/**
 * Lesson 1, accept invitations: how many the reader accepted recently, and
 * how many of those came from outside their own sector (the point of the
 * pointer: people who share neither your background nor your business).
 */
import { daysBetween } from '../calendar/dates';
import { sectorKey, type Invitation } from './network';

/** The window the lesson looks back over, in days. */
export const RECENT_DAYS = 90;

/** What the reader did with the invitations of the last `days` days. */
export interface RecentInvitations {
	/** Accepted invitations dated within the window (today and `days` days back, both included). */
	accepted: number;
	/** Declined invitations in the same window. */
	declined: number;
	/** Of the accepted ones, how many came from another sector; undefined until the reader’s own sector is known. */
	outside?: number;
	/** Accepted ones whose sector was not recorded (neither inside nor outside). */
	unknownSector: number;
}

/** True when `date` lies between `days` days before `today` and `today`, inclusive. */
export function isWithinDays(date: string, today: string, days: number): boolean {
	const age = daysBetween(date, today);
	return age >= 0 && age <= days;
}

/**
 * Invitations accepted in the last `days` days (an invitation exactly `days`
 * days old still counts) and how many came from outside `ownSector`.
 */
export function recentInvitations(
	invitations: readonly Invitation[],
	ownSector: string | undefined,
	today: string,
	days = RECENT_DAYS,
): RecentInvitations {
	const recent = invitations.filter((invitation) => isWithinDays(invitation.date, today, days));
	const accepted = recent.filter((invitation) => invitation.response === 'accepted');
	const unknownSector = accepted.filter((invitation) => !invitation.sector).length;
	const result: RecentInvitations = { accepted: accepted.length, declined: recent.length - accepted.length, unknownSector };
	if (ownSector) {
		const own = sectorKey(ownSector);
		result.outside = accepted.filter((invitation) => invitation.sector && sectorKey(invitation.sector) !== own).length;
	}
	return result;
}
