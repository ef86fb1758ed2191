/**
 * Where the newsletter's routes live: the pages in src/pages/newsletter, the
 * endpoints in src/pages/api/newsletter, and every link to them (forms, the
 * form island, mail, the server's security headers). One list, so a route
 * moves in one place. Plain data with no imports: the server, the owner's
 * command-line tools (plain Node) and the browser all load it.
 */

/** Every newsletter route, by what it is for. */
export const PATHS = {
	/** The sign-up page. */
	form: '/newsletter/',
	/** Its privacy section, linked from every form. */
	privacy: '/newsletter/#privacy',
	/** Where every form posts (with or without JavaScript). */
	subscribe: '/newsletter/subscribe/',
	/** Where the form island posts (always answers JSON). */
	subscribeApi: '/api/newsletter/subscribe',
	checkEmail: '/newsletter/check-email/',
	confirm: '/newsletter/confirm/',
	confirmed: '/newsletter/confirmed/',
	resend: '/newsletter/resend/',
	unsubscribe: '/newsletter/unsubscribe/',
	unsubscribed: '/newsletter/unsubscribed/',
	/** RFC 8058 one-click unsubscribe, for mail providers. */
	oneClick: '/api/newsletter/unsubscribe',
	/** The signed "form shown at" stamp the form island posts back. */
	stamp: '/api/newsletter/stamp',
} as const;

/** The folders every newsletter route sits in. */
const PREFIXES = [PATHS.form, '/api/newsletter/'] as const;

/** True for a path inside the newsletter's routes (pages and endpoints). */
export function isNewsletterPath(pathname: string): boolean {
	return PREFIXES.some((prefix) => pathname.startsWith(prefix));
}
