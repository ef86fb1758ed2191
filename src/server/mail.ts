/**
 * The newsletter's emails and the two ways they leave the server: SMTP
 * through nodemailer, or `.eml` files in a folder when no SMTP server is
 * configured (the default on a developer's machine), with the confirmation
 * link printed in the server log so the whole flow works offline.
 *
 * Every link is built from the configured site URL, never from a request's
 * Host header, so a forged Host cannot put an attacker's domain in a mail.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { t } from '../i18n/index.ts';
import { PATHS } from '../lib/newsletter/routes.ts';

/** One email ready to send. */
export interface OutgoingMail {
	/** Outbox row id, for the Message-ID and file names. */
	id: number;
	kind: 'confirm' | 'welcome';
	to: string;
	subject: string;
	text: string;
	html: string;
	headers: Record<string, string>;
	messageId: string;
	/** The confirmation link, for the development log. */
	confirmUrl?: string;
}

/** What the outbox needs to compose a mail. */
export interface MailContext {
	id: number;
	kind: 'confirm' | 'welcome';
	to: string;
	firstName: string | null;
	confirmToken?: string;
	unsubscribeToken: string;
}

/** The links a mail carries, built from the site URL. */
export function mailLinks(siteUrl: URL, tokens: { confirmToken?: string; unsubscribeToken: string }) {
	const link = (path: string, token: string) => {
		const url = new URL(path, siteUrl);
		url.searchParams.set('token', token);
		return url.href;
	};
	return {
		confirm: tokens.confirmToken ? link(PATHS.confirm, tokens.confirmToken) : undefined,
		/** The page with an Unsubscribe button, for people. */
		unsubscribePage: link(PATHS.unsubscribe, tokens.unsubscribeToken),
		/** The RFC 8058 one-click endpoint, for mail providers. */
		oneClick: link(PATHS.oneClick, tokens.unsubscribeToken),
	};
}

const escapeHtml = (text: string) =>
	text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/** Composes the confirmation or welcome mail for one outbox row. */
export function composeMail(context: MailContext, siteUrl: URL): OutgoingMail {
	const links = mailLinks(siteUrl, context);
	const greeting = context.firstName ? t('newsletter.mail.greetingName', { name: context.firstName }) : t('newsletter.mail.greeting');
	const paragraphs =
		context.kind === 'confirm'
			? [t('newsletter.mail.confirm.intro'), t('newsletter.mail.confirm.expiry'), t('newsletter.mail.confirm.ignore')]
			: [t('newsletter.mail.welcome.intro'), t('newsletter.mail.welcome.next')];
	const action =
		context.kind === 'confirm'
			? { label: t('newsletter.mail.confirm.button'), href: links.confirm! }
			: { label: t('newsletter.mail.welcome.button'), href: new URL('/', siteUrl).href };
	const subject = t(context.kind === 'confirm' ? 'newsletter.mail.confirm.subject' : 'newsletter.mail.welcome.subject');
	const footer = t('newsletter.mail.footer');
	const unsubscribeLabel = t('newsletter.mail.unsubscribe');

	const text = [
		greeting,
		'',
		paragraphs[0],
		'',
		`${action.label}: ${action.href}`,
		'',
		...paragraphs.slice(1).flatMap((paragraph) => [paragraph, '']),
		'-- ',
		footer,
		`${unsubscribeLabel}: ${links.unsubscribePage}`,
		'',
	].join('\n');

	const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#fdfbf6;color:#1f1c17;font:16px/1.6 Georgia,'Times New Roman',serif">
<div style="max-width:36rem;margin:0 auto">
<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(paragraphs[0]!)}</p>
<p><a href="${escapeHtml(action.href)}" style="display:inline-block;padding:12px 20px;border-radius:8px;background:#8a6200;color:#ffffff;font:600 16px/1.2 system-ui,sans-serif;text-decoration:none">${escapeHtml(action.label)}</a></p>
${paragraphs
	.slice(1)
	.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
	.join('\n')}
<hr style="border:0;border-top:1px solid #d9d0bd;margin:24px 0">
<p style="font-size:14px;color:#5a5348">${escapeHtml(footer)}<br><a href="${escapeHtml(links.unsubscribePage)}" style="color:#7a5600">${escapeHtml(unsubscribeLabel)}</a></p>
</div>
</body></html>
`;

	return {
		id: context.id,
		kind: context.kind,
		to: context.to,
		subject,
		text,
		html,
		headers: {
			'List-Unsubscribe': `<${links.oneClick}>`,
			'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
			'List-Id': `${t('newsletter.mail.listName')} <newsletter.${siteUrl.hostname}>`,
		},
		// The same id on every retry, so a receiver can drop a duplicate after a crash.
		messageId: `<newsletter-${context.id}@${siteUrl.hostname}>`,
		confirmUrl: links.confirm,
	};
}

/** Why a send failed, as the outbox needs to know it. */
export class SendError extends Error {
	/** `transport`: the server is unreachable (pause everything); `message`: this mail failed, try it again later; `permanent`: never retry. */
	readonly kind: 'transport' | 'message' | 'permanent';
	constructor(message: string, kind: SendError['kind']) {
		super(message);
		this.name = 'SendError';
		this.kind = kind;
	}
}

/** Something that delivers one mail or throws a {@link SendError}. */
export interface MailTransport {
	/** A short description for the log: `SMTP smtp.example.com:587` or `.eml files in data/outbox`. */
	readonly description: string;
	send(mail: OutgoingMail, from: string): Promise<void>;
	close(): void;
}

const TRANSPORT_CODES = new Set([
	'ECONNECTION',
	'ETIMEDOUT',
	'ESOCKET',
	'EDNS',
	'ECONNREFUSED',
	'ECONNRESET',
	'ETLS',
	'EAUTH',
	'ENOAUTH',
	'EPROXY',
]);

/** Sorts a nodemailer error into transport / message / permanent. */
export function classifySendError(error: unknown): SendError {
	const failure = error as { code?: string; responseCode?: number; message?: string };
	const message = String(failure?.message ?? error).slice(0, 500);
	const code = failure?.responseCode;
	if (typeof code === 'number' && code >= 500 && code < 600 && failure.code !== 'EAUTH') return new SendError(message, 'permanent');
	if (code === 421 || (failure?.code !== undefined && TRANSPORT_CODES.has(failure.code))) return new SendError(message, 'transport');
	return new SendError(message, 'message');
}

/** SMTP delivery through a small nodemailer connection pool. `smtpUrl` is `smtp://user:pass@host:587` or `smtps://…`. */
export function smtpTransport(smtpUrl: string): MailTransport {
	const transporter = nodemailer.createTransport({
		url: smtpUrl,
		pool: true,
		// A few connections, reused: polite to the mail service, and no TLS handshake per mail.
		maxConnections: 4,
		maxMessages: 1_000,
		connectionTimeout: 10_000,
		greetingTimeout: 10_000,
		socketTimeout: 30_000,
	} as Parameters<typeof nodemailer.createTransport>[0]);
	const url = new URL(smtpUrl);
	return {
		description: `SMTP ${url.hostname}:${url.port || (url.protocol === 'smtps:' ? 465 : 587)}`,
		async send(mail, from) {
			try {
				await transporter.sendMail({
					from,
					to: mail.to,
					subject: mail.subject,
					text: mail.text,
					html: mail.html,
					headers: mail.headers,
					messageId: mail.messageId,
				});
			} catch (error) {
				throw classifySendError(error);
			}
		},
		close() {
			transporter.close();
		},
	};
}

/**
 * Writes each mail as an `.eml` file (open it in any mail program) and logs
 * the confirmation link: the default when `SMTP_URL` is not set.
 */
export function fileTransport(folder: string, log: (line: string) => void = console.log): MailTransport {
	const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
	return {
		description: `.eml files in ${folder}`,
		async send(mail, from) {
			const info = await composer.sendMail({
				from,
				to: mail.to,
				subject: mail.subject,
				text: mail.text,
				html: mail.html,
				headers: mail.headers,
				messageId: mail.messageId,
			});
			mkdirSync(folder, { recursive: true });
			const name = `${Date.now()}-${mail.id}-${mail.kind}.eml`;
			const temporary = join(folder, `.${name}.tmp`);
			writeFileSync(temporary, info.message as Buffer);
			renameSync(temporary, join(folder, name));
			if (mail.confirmUrl)
				log(`[newsletter] No SMTP_URL: confirmation mail for ${mail.to} saved as ${join(folder, name)}. Confirm at ${mail.confirmUrl}`);
			else log(`[newsletter] No SMTP_URL: ${mail.kind} mail for ${mail.to} saved as ${join(folder, name)}`);
		},
		close() {},
	};
}
