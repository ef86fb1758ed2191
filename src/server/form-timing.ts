/**
 * The minimum time-to-submit check. The form island asks the server for a
 * signed "form issued at" stamp when the page loads and posts it back in a
 * hidden field. A submission that arrives sooner than a person could type
 * an address, or with a stamp the server did not sign, is a bot: it is
 * answered exactly like a success and nothing is stored.
 *
 * Pages are static, so without JavaScript there is no stamp; such
 * submissions are not timed (readers without JavaScript are people too)
 * and rely on the honeypot, the rate limits and double opt-in instead.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** What the stamp says about a submission. */
export type TimingVerdict = 'human' | 'too-fast' | 'forged' | 'untimed';

/** Signs "issued at `now`" with `secret`: `<ms in base 36>.<HMAC-SHA256, 16 bytes, base64url>`. */
export function issueFormStamp(secret: string, now: number = Date.now()): string {
	const issued = Math.floor(now).toString(36);
	return `${issued}.${sign(secret, issued)}`;
}

/**
 * Judges a posted stamp. A stamp from the future (beyond a little clock
 * slack) or with a wrong signature is forged; one younger than `minMs` is
 * too fast. There is no maximum age: a reader may leave a tab open for days.
 */
export function judgeFormStamp(stamp: unknown, secret: string, minMs: number, now: number = Date.now()): TimingVerdict {
	if (stamp === undefined || stamp === null || stamp === '') return 'untimed';
	if (typeof stamp !== 'string' || stamp.length > 64) return 'forged';
	const match = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{22})$/.exec(stamp);
	if (!match) return 'forged';
	const [, issued = '', signature = ''] = match;
	const expected = Buffer.from(sign(secret, issued));
	const given = Buffer.from(signature);
	if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'forged';
	const age = now - parseInt(issued, 36);
	if (age < -5_000) return 'forged';
	return age < minMs ? 'too-fast' : 'human';
}

function sign(secret: string, issued: string): string {
	return createHmac('sha256', secret).update(`newsletter-form:${issued}`).digest().subarray(0, 16).toString('base64url');
}
