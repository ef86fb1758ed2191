/**
 * Imported by the production server entry (see integration.ts) so the
 * outbox sender starts with the server, not with the first request: mail
 * left in the outbox by a crash or an SMTP outage goes out right after a
 * restart even if nobody visits. Deferred one tick so the adapter has set
 * up `astro:env` first; a failure is logged and retried on first request.
 */
import { getNewsletter } from './runtime.ts';

setImmediate(() => {
	try {
		getNewsletter();
	} catch (error) {
		console.error('[newsletter] Could not start at boot; will retry on the first request.', error);
	}
});
