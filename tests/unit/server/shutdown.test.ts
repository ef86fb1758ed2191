import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { handleShutdown } from '../../../src/server/shutdown';

const servers: http.Server[] = [];
afterEach(() => {
	for (const server of servers.splice(0)) server.closeAllConnections();
});

/** A server whose `/slow` answers after `slowMs`, with handleShutdown installed on fake signals. */
async function setup({ slowMs = 300, timeoutMs = 2_000, closeMs = 0 } = {}) {
	const server = http.createServer((req, res) => {
		if (req.url === '/slow') setTimeout(() => res.end('slow done'), slowMs);
		else res.end('fast');
	});
	servers.push(server);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const signals = new EventEmitter();
	const events: string[] = [];
	const exited = new Promise<number>((resolve) => {
		handleShutdown({
			server,
			timeoutMs,
			signals,
			log: () => {},
			exit: (code) => {
				events.push(`exit ${code}`);
				resolve(code);
			},
			close: async () => {
				events.push('close started');
				await new Promise((r) => setTimeout(r, closeMs));
				events.push('closed');
			},
		});
	});
	return { server, url, signals, events, exited };
}

/** Waits until the server has a request in flight (its `/slow` was received). */
function inFlight(server: http.Server) {
	return new Promise<void>((resolve) => server.once('request', () => resolve()));
}

describe('handleShutdown', () => {
	it('lets a request in flight finish, refuses new connections, then closes and exits 0', async () => {
		const { server, url, signals, events, exited } = await setup();
		const received = inFlight(server);
		const slow = fetch(`${url}/slow`).then((response) => response.text());
		await received;
		signals.emit('SIGTERM');
		await expect(fetch(`${url}/`), 'no new connection is accepted').rejects.toThrow();
		expect(await slow, 'the request in flight got its answer').toBe('slow done');
		expect(await exited).toBe(0);
		expect(events, 'close runs after the last request, before exit').toEqual(['close started', 'closed', 'exit 0']);
	});

	it('cuts requests still running at the deadline, and still closes and exits 0', async () => {
		const { server, url, signals, events, exited } = await setup({ slowMs: 10_000, timeoutMs: 200 });
		const received = inFlight(server);
		const slow = fetch(`${url}/slow`).then(
			() => 'answered',
			() => 'cut',
		);
		await received;
		const started = Date.now();
		signals.emit('SIGINT');
		expect(await exited).toBe(0);
		expect(Date.now() - started).toBeLessThan(2_000);
		expect(await slow).toBe('cut');
		expect(events).toEqual(['close started', 'closed', 'exit 0']);
	});

	it('exits at once on a second signal', async () => {
		const { signals, events, exited } = await setup({ closeMs: 5_000 });
		signals.emit('SIGTERM');
		await new Promise((r) => setTimeout(r, 50));
		signals.emit('SIGTERM');
		expect(await exited, '128 + SIGTERM').toBe(143);
		expect(events).not.toContain('closed');
	});

	it('exits even when closing hangs, after the same deadline', async () => {
		const { signals, events, exited } = await setup({ closeMs: 60_000, timeoutMs: 150 });
		signals.emit('SIGTERM');
		expect(await exited).toBe(0);
		expect(events).toEqual(['close started', 'exit 0']);
	});
});
