declare namespace App {
	interface Locals {
		/**
		 * The client's IP address for rate limits, set by src/middleware.ts on
		 * every on-demand request: the socket's, or the one TRUST_PROXY's proxies
		 * report (src/server/client-address.ts). Use it rather than
		 * `Astro.clientAddress`, which knows nothing of the proxies.
		 */
		clientAddress: string;
	}
}
