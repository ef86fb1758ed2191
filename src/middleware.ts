/**
 * Middleware for on-demand routes: the host and CSRF origin checks
 * (replacing Astro's built-in one, see src/server/security.ts for why), the
 * client address the rate limits use (`locals.clientAddress`, honouring
 * TRUST_PROXY, see src/server/client-address.ts) and the security headers.
 * Prerendered pages pass straight through.
 */
import { defineMiddleware } from 'astro:middleware';
import { SITE_URL, TRUST_PROXY } from 'astro:env/server';
import { clientAddress, parseTrustProxy } from './server/client-address.ts';
import { crossSiteResponse, foreignHostResponse, isForbiddenCrossSite, isForeignHost, secureResponse } from './server/security.ts';

let trust: ReturnType<typeof parseTrustProxy> | undefined;

export const onRequest = defineMiddleware(async (context, next) => {
	if (context.isPrerendered) return next();
	trust ??= parseTrustProxy(TRUST_PROXY);
	const site = new URL(SITE_URL || import.meta.env.SITE || context.url.origin);
	context.locals.clientAddress = clientAddress(context.clientAddress, context.request.headers.get('x-forwarded-for'), trust);
	let response: Response;
	if (isForeignHost(context.url, site)) response = foreignHostResponse();
	else if (isForbiddenCrossSite(context.request, context.url, site)) response = crossSiteResponse(context.request);
	else response = await next();
	return secureResponse(response, context.url.pathname);
});
