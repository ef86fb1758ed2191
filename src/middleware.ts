/**
 * Middleware for on-demand routes: the CSRF origin check (replacing Astro's
 * built-in one, see src/server/security.ts for why) and security headers.
 * Prerendered pages pass straight through.
 */
import { defineMiddleware } from 'astro:middleware';
import { NEWSLETTER_FORM_ACTION } from 'astro:env/server';
import { crossSiteResponse, isForbiddenCrossSite, secureResponse } from './server/security.ts';

export const onRequest = defineMiddleware(async (context, next) => {
	if (context.isPrerendered) return next();
	const response = isForbiddenCrossSite(context.request, context.url) ? crossSiteResponse(context.request) : await next();
	return secureResponse(response, context.url.pathname, NEWSLETTER_FORM_ACTION);
});
