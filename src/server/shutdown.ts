/**
 * Graceful shutdown of the production server. On the first SIGTERM or
 * SIGINT (a deploy, a container stop, Ctrl+C) the server stops accepting
 * connections, closes idle keep-alive connections, lets the requests in
 * flight finish (their connections close once answered) for at most
 * `timeoutMs`, then cuts what is left, runs `close` (the newsletter stops its
 * sender after the mail in flight and closes the database) and exits 0. A
 * second signal exits at once, for an operator who does not want to wait.
 * Node as PID 1 in a container has no default signal handling, so without
 * this a stop would wait for the runtime's SIGKILL.
 */
import type { Server } from 'node:http';

/** Settings of {@link handleShutdown}. */
export interface ShutdownOptions {
	server: Server;
	/** How long requests in flight may take to finish. */
	timeoutMs: number;
	/** Releases everything else (database, mail sender) once no request is left. */
	close: () => Promise<void>;
	log?: (line: string) => void;
	/** `process.exit` unless a test supplies another. */
	exit?: (code: number) => void;
	/** Where signals come from; `process` unless a test supplies another. */
	signals?: NodeJS.EventEmitter;
}

/** The exit code of a process ended by a signal, as shells report it (128 + the signal number). */
const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/** Installs the handlers; returns `shutdown`, the same sequence for callers that stop the server themselves. */
export function handleShutdown({
	server,
	timeoutMs,
	close,
	log = (line) => console.log(line),
	exit = (code) => process.exit(code),
	signals = process,
}: ShutdownOptions): { shutdown: (reason: string) => Promise<void> } {
	let stopping: Promise<void> | undefined;

	// Connections that bring a request during shutdown are closed once it is answered.
	server.on('request', (_req, res) => {
		if (!stopping) return;
		res.setHeader('connection', 'close');
	});

	const drain = () =>
		new Promise<void>((resolve) => {
			const deadline = setTimeout(() => {
				log(`[server] Requests still running after ${timeoutMs} ms: closing their connections.`);
				server.closeAllConnections();
			}, timeoutMs);
			// A response that finishes leaves its keep-alive connection idle: close it too.
			const closeIdle = setInterval(() => server.closeIdleConnections(), 50);
			server.close(() => {
				clearTimeout(deadline);
				clearInterval(closeIdle);
				resolve();
			});
			server.closeIdleConnections();
		});

	function shutdown(reason: string): Promise<void> {
		stopping ??= (async () => {
			log(`[server] ${reason}: no new connections; finishing the requests in flight (up to ${timeoutMs} ms).`);
			await drain();
			// The mail in flight gets as long as the requests had; committed data is safe either way (WAL).
			let timer: NodeJS.Timeout | undefined;
			const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
			try {
				if ((await Promise.race([close(), late])) === 'late')
					log(`[server] The mail sender did not stop within ${timeoutMs} ms; exiting anyway.`);
			} catch (error) {
				log(`[server] Could not close cleanly: ${(error as Error).message}`);
			} finally {
				clearTimeout(timer);
			}
			log('[server] Stopped.');
		})();
		return stopping;
	}

	for (const signal of ['SIGTERM', 'SIGINT'] as const) {
		signals.on(signal, () => {
			if (stopping) {
				log(`[server] ${signal} again: exiting now.`);
				exit(SIGNAL_EXIT_CODES[signal]);
				return;
			}
			void shutdown(signal).then(() => exit(0));
		});
	}
	return { shutdown };
}
