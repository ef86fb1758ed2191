/**
 * HTTP for the newsletter routes: reading form posts safely (size, type,
 * encoding), choosing between the no-JavaScript answer (303 redirect or an
 * HTML page with errors) and the JSON answer the form island asks for, and
 * every route's logic, so the pages in src/pages stay a few lines long.
 */
import { t } from '../i18n/index.ts';
import type { Newsletter, SubscribeResult } from './newsletter.ts';
import type { VisibleField } from './schema.ts';
import type { ConfirmLinkState, UnsubscribeLinkState } from './subscribers.ts';
import { PATHS } from '../lib/newsletter/routes.ts';

/** Largest request body accepted: 16 KB. The real form is under 1 KB. */
export const MAX_BODY_BYTES = 16 * 1024;
/** Most fields in one form post. */
const MAX_FIELDS = 20;

/** A request body that could not be read as a form, with the status and message to answer. */
export interface BodyProblem {
	status: 400 | 413 | 415;
	message: string;
}

/** Reads an `application/x-www-form-urlencoded` or `multipart/form-data` body of at most 16 KB. */
export async function readFormBody(
	request: Request,
	{ requireFormType = true } = {},
): Promise<{ fields: Record<string, string> } | { problem: BodyProblem }> {
	const type = (request.headers.get('content-type') ?? '').toLowerCase();
	const isUrlEncoded = type.startsWith('application/x-www-form-urlencoded');
	const isMultipart = type.startsWith('multipart/form-data');
	if (requireFormType && !isUrlEncoded && !isMultipart) return { problem: { status: 415, message: t('newsletter.error.contentType') } };
	const declared = request.headers.get('content-length');
	if (declared !== null && !/^\d+$/.test(declared)) return { problem: { status: 400, message: t('newsletter.error.form') } };
	if (declared !== null && Number(declared) > MAX_BODY_BYTES) {
		await discardBody(request);
		return { problem: { status: 413, message: t('newsletter.error.tooLarge') } };
	}
	const bytes = await readLimited(request);
	if (bytes === 'too-large') return { problem: { status: 413, message: t('newsletter.error.tooLarge') } };
	if (bytes === 'failed') return { problem: { status: 400, message: t('newsletter.error.form') } };
	let entries: [string, FormDataEntryValue][];
	try {
		if (isMultipart) {
			const form = await new Response(bytes, { headers: { 'content-type': type } }).formData();
			entries = [...form.entries()];
		} else {
			const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
			entries = [...new URLSearchParams(text).entries()];
		}
	} catch {
		return { problem: { status: 400, message: t('newsletter.error.form') } };
	}
	if (entries.length > MAX_FIELDS) return { problem: { status: 400, message: t('newsletter.error.form') } };
	const fields: Record<string, string> = Object.create(null);
	for (const [name, value] of entries) {
		if (typeof value !== 'string') return { problem: { status: 400, message: t('newsletter.error.file') } };
		if (name in fields) return { problem: { status: 400, message: t('newsletter.error.duplicate') } };
		fields[name] = value;
	}
	return { fields };
}

/** Reads the body, stopping as soon as it passes the limit (a chunked upload has no Content-Length). */
async function readLimited(request: Request): Promise<Uint8Array<ArrayBuffer> | 'too-large' | 'failed'> {
	if (!request.body) return new Uint8Array(new ArrayBuffer(0));
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			total += value.byteLength;
			if (total > MAX_BODY_BYTES) {
				await drain(reader, total);
				return 'too-large';
			}
			chunks.push(value);
		}
	} catch {
		return 'failed';
	}
	const bytes = new Uint8Array(new ArrayBuffer(total));
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return bytes;
}

/** Bytes of an oversized body read and thrown away, so the client can read the 413 on a healthy connection. */
const DISCARD_LIMIT = 8 * 1024 * 1024;

/**
 * Reads and drops the rest of a refused body (up to 8 MB). Answering while
 * the client is still sending leaves both sides waiting on a full socket;
 * anything bigger is cut off, and the 413 carries `Connection: close`.
 */
async function discardBody(request: Request): Promise<void> {
	if (!request.body || request.bodyUsed) return;
	await drain(request.body.getReader(), 0);
}

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, alreadyRead: number): Promise<void> {
	let total = alreadyRead;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) return;
			total += value.byteLength;
			if (total > DISCARD_LIMIT) {
				await reader.cancel();
				return;
			}
		}
	} catch {
		// The client gave up; nothing to drain.
	}
}

/** True when the client asked for JSON (the form island), false for a plain form post. */
export function wantsJson(request: Request): boolean {
	return (request.headers.get('accept') ?? '').toLowerCase().includes('application/json');
}

/** A JSON response that is never cached. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
	return new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...closeIfTooLarge(status), ...headers },
	});
}

/** A 303 See Other: the "redirect" of POST/Redirect/GET. */
export function seeOther(location: string): Response {
	return new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });
}

/** Plain text, for the one-click endpoint and other machine-facing answers. */
export function text(status: number, body: string, headers: Record<string, string> = {}): Response {
	return new Response(body, {
		status,
		headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...closeIfTooLarge(status), ...headers },
	});
}

/** A 413 ends the connection: whatever the client still sends is not worth reading. */
function closeIfTooLarge(status: number): Record<string, string> {
	return status === 413 ? { connection: 'close' } : {};
}

/** What the subscription page shows after a plain (no-JavaScript) post that did not succeed. */
export interface SubscribePageState {
	status: number;
	/** Form-level message (rate limit, size, stale form). */
	message: string;
	fieldErrors: Partial<Record<VisibleField, string>>;
	values: Partial<Record<VisibleField, string>>;
	source: string;
	/** Seconds, for a Retry-After header. */
	retryAfter?: number;
}

/** Either a finished response, or a page for the route to render with this state. */
export type RouteResult<State> = { response: Response } | { page: State };

function rateLimitMessage(result: Extract<SubscribeResult, { kind: 'rate-limited' }>): string {
	const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
	return t(result.scope === 'ip' ? 'newsletter.error.rateIp' : 'newsletter.error.rateAddress', { minutes });
}

/**
 * POST /newsletter/subscribe/ (the form's target, with and without
 * JavaScript) and /api/newsletter/subscribe (the island's, always JSON).
 */
export async function handleSubscribe(
	newsletter: Newsletter,
	request: Request,
	ip: string | undefined,
	{ asJson = wantsJson(request) } = {},
): Promise<RouteResult<SubscribePageState>> {
	const body = await readFormBody(request);
	if ('problem' in body) {
		const { status, message } = body.problem;
		return asJson
			? { response: json(status, { ok: false, message }) }
			: { page: { status, message, fieldErrors: {}, values: {}, source: 'newsletter-page' } };
	}
	const fields = body.fields;
	let result: SubscribeResult;
	try {
		result = await newsletter.subscribe(fields, ip);
	} catch (error) {
		// The database is locked or failing: a server problem, said plainly, with a hint to retry.
		console.error('[newsletter] Could not record a subscription:', error);
		const message = t('newsletter.error.unavailable');
		return asJson
			? { response: json(503, { ok: false, message }, { 'retry-after': '60' }) }
			: { page: { status: 503, message, fieldErrors: {}, values: {}, source: 'newsletter-page', retryAfter: 60 } };
	}
	if (result.kind === 'accepted') {
		return {
			response: asJson
				? json(200, { ok: true, message: t('newsletter.success.body'), title: t('newsletter.success.title') })
				: seeOther(PATHS.checkEmail),
		};
	}
	const values = { email: (fields.email ?? '').slice(0, 254), first_name: (fields.first_name ?? '').slice(0, 50) };
	const source = /^[a-z0-9][a-z0-9/:_.-]{0,119}$/.test(fields.source ?? '') ? fields.source! : 'newsletter-page';
	if (result.kind === 'rate-limited') {
		const message = rateLimitMessage(result);
		const headers = { 'retry-after': String(result.retryAfterSeconds) };
		return asJson
			? { response: json(429, { ok: false, message }, headers) }
			: { page: { status: 429, message, fieldErrors: {}, values, source, retryAfter: result.retryAfterSeconds } };
	}
	const status = result.formError && Object.keys(result.fieldErrors).length === 0 ? 400 : 422;
	const message = result.formError ?? t('newsletter.error.summary');
	return asJson
		? { response: json(status, { ok: false, message, fieldErrors: result.fieldErrors }) }
		: { page: { status, message, fieldErrors: result.fieldErrors, values, source } };
}

/** What the confirmation page shows. */
export type ConfirmPageState =
	| { view: 'ask'; token: string; status: 200 }
	| { view: 'already'; status: 200 }
	| { view: 'expired'; token: string; status: 410 }
	| { view: 'used'; status: 410 }
	| { view: 'invalid'; status: 404 }
	| { view: 'limited'; message: string; status: 429; retryAfter: number };

function confirmView(state: ConfirmLinkState, token: string): ConfirmPageState {
	if (state.state === 'invalid') return { view: 'invalid', status: 404 };
	if (state.subscriberStatus === 'confirmed') return { view: 'already', status: 200 };
	if (state.state === 'valid') return { view: 'ask', token, status: 200 };
	if (state.state === 'expired' && state.subscriberStatus === 'pending') return { view: 'expired', token, status: 410 };
	return { view: 'used', status: 410 };
}

/** GET /newsletter/confirm/?token=…: shows the button; changes nothing. */
export function confirmPage(newsletter: Newsletter, url: URL): ConfirmPageState {
	const token = url.searchParams.get('token') ?? '';
	return confirmView(newsletter.inspectConfirmLink(token), token);
}

/** POST /newsletter/confirm/: the button. */
export async function handleConfirm(newsletter: Newsletter, request: Request): Promise<RouteResult<ConfirmPageState>> {
	const body = await readFormBody(request);
	if ('problem' in body) return { response: text(body.problem.status, body.problem.message) };
	const token = body.fields.token ?? '';
	const outcome = await newsletter.confirm(token);
	if (outcome === 'confirmed' || outcome === 'already-confirmed') return { response: seeOther(PATHS.confirmed) };
	return { page: confirmView(newsletter.inspectConfirmLink(token), token) };
}

/** POST /newsletter/resend/: a new link for the holder of an expired one. */
export async function handleResend(
	newsletter: Newsletter,
	request: Request,
	ip: string | undefined,
): Promise<RouteResult<ConfirmPageState>> {
	const body = await readFormBody(request);
	if ('problem' in body) return { response: text(body.problem.status, body.problem.message) };
	const outcome = await newsletter.resend(body.fields.token ?? '', ip);
	if (typeof outcome === 'object') {
		if (outcome.kind === 'rate-limited') {
			return { page: { view: 'limited', status: 429, message: rateLimitMessage(outcome), retryAfter: outcome.retryAfterSeconds } };
		}
		return { page: { view: 'invalid', status: 404 } };
	}
	if (outcome === 'already-confirmed') return { response: seeOther(PATHS.confirmed) };
	if (outcome === 'invalid') return { page: { view: 'invalid', status: 404 } };
	return { response: seeOther(PATHS.checkEmail) };
}

/** What the unsubscribe page shows. */
export type UnsubscribePageState =
	{ view: 'ask'; token: string; status: 200 } | { view: 'already'; status: 200 } | { view: 'invalid'; status: 404 };

function unsubscribeView(state: UnsubscribeLinkState, token: string): UnsubscribePageState {
	if (state.state === 'invalid') return { view: 'invalid', status: 404 };
	return state.subscriberStatus === 'unsubscribed' ? { view: 'already', status: 200 } : { view: 'ask', token, status: 200 };
}

/** GET /newsletter/unsubscribe/?token=…: shows the button; changes nothing. */
export function unsubscribePage(newsletter: Newsletter, url: URL): UnsubscribePageState {
	const token = url.searchParams.get('token') ?? '';
	return unsubscribeView(newsletter.inspectUnsubscribeLink(token), token);
}

/** POST /newsletter/unsubscribe/: the button. Idempotent. */
export async function handleUnsubscribe(newsletter: Newsletter, request: Request): Promise<RouteResult<UnsubscribePageState>> {
	const body = await readFormBody(request);
	if ('problem' in body) return { response: text(body.problem.status, body.problem.message) };
	const outcome = await newsletter.unsubscribe(body.fields.token ?? '');
	if (outcome === 'invalid') return { page: { view: 'invalid', status: 404 } };
	return { response: seeOther(PATHS.unsubscribed) };
}

/**
 * POST /api/newsletter/unsubscribe?token=…: RFC 8058 one-click unsubscribe,
 * sent by mail providers with `List-Unsubscribe=One-Click` in the body and
 * no Origin header. Answers 200 with no redirect; idempotent.
 */
export async function handleOneClick(newsletter: Newsletter, request: Request, url: URL): Promise<Response> {
	const body = await readFormBody(request, { requireFormType: false });
	if ('problem' in body) return text(body.problem.status, body.problem.message);
	const outcome = await newsletter.unsubscribe(url.searchParams.get('token') ?? '');
	if (outcome === 'invalid') return text(404, t('newsletter.unsubscribe.invalid'));
	return text(200, t('newsletter.unsubscribed.title'));
}

/**
 * GET /api/newsletter/stamp: a signed time stamp for the form island, and
 * the minimum time the island must let pass before sending the form (so an
 * unusually quick person, say with autofill, is never mistaken for a bot).
 */
export function handleStamp(newsletter: Newsletter): Response {
	return json(200, { stamp: newsletter.formStamp(), minMs: newsletter.config.minSubmitMs });
}
