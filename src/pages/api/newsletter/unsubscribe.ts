/**
 * /api/newsletter/unsubscribe?token=…: the List-Unsubscribe URL of every
 * email. POST is RFC 8058 one-click (200, no redirect, no Origin needed: see
 * src/server/security.ts). GET changes nothing: it leads to the page with
 * the Unsubscribe button, for people and for link-scanning mail filters.
 */
import type { APIRoute } from 'astro';
import { getNewsletter } from '../../../server/runtime';
import { handleOneClick } from '../../../server/http';
import { PATHS } from '../../../lib/newsletter/routes';

export const prerender = false;

export const POST: APIRoute = ({ request, url }) => handleOneClick(getNewsletter(), request, url);

export const GET: APIRoute = ({ url, redirect }) => {
	const target = new URL(PATHS.unsubscribe, url);
	target.searchParams.set('token', url.searchParams.get('token') ?? '');
	return redirect(`${target.pathname}${target.search}`, 303);
};
