/**
 * POST /api/newsletter/subscribe: the form island's target. The same
 * handling as /newsletter/subscribe/ (which plain forms post to), always
 * answered in JSON, without the page-rendering machinery.
 */
import type { APIRoute } from 'astro';
import { getNewsletter } from '../../../server/runtime';
import { handleSubscribe, json } from '../../../server/http';
import { t } from '../../../i18n';

export const prerender = false;

export const POST: APIRoute = async ({ request, locals }) => {
	const result = await handleSubscribe(getNewsletter(), request, locals.clientAddress, { asJson: true });
	return 'response' in result
		? result.response
		: json(result.page.status, { ok: false, message: result.page.message, fieldErrors: result.page.fieldErrors });
};

export const ALL: APIRoute = () => json(405, { ok: false, message: t('newsletter.error.method') }, { allow: 'POST' });
