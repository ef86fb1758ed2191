/** GET /api/newsletter/stamp: the signed "form shown at" stamp the form island posts back. */
import type { APIRoute } from 'astro';
import { getNewsletter } from '../../../server/runtime';
import { handleStamp } from '../../../server/http';

export const prerender = false;

export const GET: APIRoute = () => handleStamp(getNewsletter());
