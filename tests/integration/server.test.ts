/**
 * The production server (`node dist/server/entry.mjs`, what `npm start`
 * runs) under the faults of a real deployment: a deploy's SIGTERM with a
 * subscription in flight, clients that send slowly or hold connections, and
 * forged X-Forwarded-For headers with and without a trusted proxy.
 */
import { existsSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtSite, formFields, postForm, startServer, type RunningServer } from './newsletter-harness';

let site: string;
const running: RunningServer[] = [];

beforeAll(async () => {
	site = await builtSite();
}, 240_000);

afterAll(async () => {
	await Promise.all(running.splice(0).map((server) => server.stop()));
}, 30_000);

async function serve(env: Record<string, string> = {}): Promise<RunningServer> {
	const server = await startServer(site, env);
	running.push(server);
	return server;
}

/** Opens a new TCP connection to the server (fetch could reuse a pooled one). */
const connect = (server: RunningServer) =>
	new Promise<void>((resolve, reject) => {
		const socket = net.connect(Number(new URL(server.url).port), '127.0.0.1');
		socket.once('connect', () => {
			socket.destroy();
			resolve();
		});
		socket.once('error', reject);
	});

const exitOf = (server: RunningServer) =>
	new Promise<number | null>((resolve) => {
		if (server.process.exitCode !== null) resolve(server.process.exitCode);
		else server.process.once('exit', (code) => resolve(code));
	});

/**
 * Starts a subscription post whose body is held back until `release()`:
 * `received` settles once the server has read its headers (it answered
 * `100 Continue`), so the request is in flight on the server.
 */
function heldSubscription(server: RunningServer, email: string) {
	const body = new URLSearchParams(formFields(email)).toString();
	let answered!: (value: { status: number; body: string }) => void;
	const answer = new Promise<{ status: number; body: string }>((resolve) => (answered = resolve));
	const request = http.request(new URL('/api/newsletter/subscribe', server.url), {
		method: 'POST',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			'content-length': Buffer.byteLength(body),
			accept: 'application/json',
			origin: server.url,
			expect: '100-continue',
		},
	});
	const received = new Promise<void>((resolve) => request.once('continue', () => resolve()));
	request.on('response', (response) => {
		let text = '';
		response.on('data', (chunk) => (text += chunk));
		response.on('end', () => answered({ status: response.statusCode!, body: text }));
	});
	request.on('error', (error) => answered({ status: 0, body: error.message }));
	request.flushHeaders();
	return { received, answer, release: () => request.end(body) };
}

describe('graceful shutdown', () => {
	it('answers a subscription in flight at SIGTERM, stores it, closes the database and exits 0', async () => {
		const server = await serve();
		const email = 'in-flight@example.com';
		const held = heldSubscription(server, email);
		await held.received;
		const exited = exitOf(server);
		server.process.kill('SIGTERM');
		await expect.poll(() => server.log.join(''), { message: 'the signal starts the drain' }).toMatch(/SIGTERM: no new connections/);
		await expect(connect(server), 'no new connections once stopping').rejects.toThrow(/ECONNREFUSED/);
		held.release();
		const answer = await held.answer;
		expect(answer.status, answer.body).toBe(200);
		expect(await exited, 'a clean exit').toBe(0);
		expect(existsSync(`${server.databasePath}-wal`), 'the database was closed (SQLite removes its WAL on a clean close)').toBe(false);
		expect(server.query('SELECT email, status FROM subscribers'), 'the subscription was stored').toEqual([{ email, status: 'pending' }]);
		const log = server.log.join('');
		expect(log, 'the outbox was stopped and the database closed before exit').toMatch(/\[server\] Stopped\./);
		expect(log).not.toMatch(/Error|error:/);
	});

	it('exits at once on a second signal', async () => {
		const server = await serve();
		const held = heldSubscription(server, 'second-signal@example.com');
		await held.received;
		const exited = exitOf(server);
		server.process.kill('SIGTERM');
		await expect.poll(() => server.log.join(''), { message: 'the first signal starts the drain' }).toMatch(/SIGTERM: no new connections/);
		const started = Date.now();
		server.process.kill('SIGTERM');
		expect(await exited, '128 + SIGTERM, without waiting for the request').toBe(143);
		expect(Date.now() - started).toBeLessThan(2_000);
	});
});

/** A raw connection that sends `head` and then one byte of body every `everyMs`; resolves with what came back and when. */
function dripBody(server: RunningServer, everyMs: number) {
	const { port } = new URL(server.url);
	const socket = net.connect(Number(port), '127.0.0.1');
	const started = Date.now();
	let received = '';
	socket.on('data', (chunk) => (received += chunk));
	socket.write(
		`POST /api/newsletter/subscribe HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${server.url}\r\n` +
			'Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n',
	);
	const drip = setInterval(() => socket.write('e'), everyMs);
	return new Promise<{ received: string; afterMs: number }>((resolve) => {
		socket.on('close', () => {
			clearInterval(drip);
			resolve({ received, afterMs: Date.now() - started });
		});
		socket.on('error', () => {});
	});
}

describe('timeouts and limits', () => {
	it('cuts off a body sent one byte at a time within the request timeout, while other readers are served', async () => {
		const server = await serve({ SERVER_HEADERS_TIMEOUT_MS: '1000', SERVER_REQUEST_TIMEOUT_MS: '2000' });
		const slow = dripBody(server, 300);
		const others: number[] = [];
		for (let i = 0; i < 5; i++) {
			const started = Date.now();
			const response = await fetch(`${server.url}/about/`);
			expect(response.status, 'another reader gets the page').toBe(200);
			await response.arrayBuffer();
			others.push(Date.now() - started);
		}
		const { received, afterMs } = await slow;
		expect(received, 'the slow client is told it took too long').toMatch(/^HTTP\/1\.1 408/);
		expect(afterMs, 'cut off at the request timeout (checked every second)').toBeLessThan(2_000 + 1_500);
		expect(afterMs).toBeGreaterThanOrEqual(1_900);
		expect(Math.max(...others), 'the other readers never waited on it').toBeLessThan(1_000);
	});

	it('cuts off headers sent slowly at the headers timeout', async () => {
		const server = await serve({ SERVER_HEADERS_TIMEOUT_MS: '1000', SERVER_REQUEST_TIMEOUT_MS: '5000' });
		const { port } = new URL(server.url);
		const socket = net.connect(Number(port), '127.0.0.1');
		const started = Date.now();
		socket.write('GET / HTTP/1.1\r\n');
		const drip = setInterval(() => socket.write('X-Slow: 1\r\n'), 200);
		const afterMs = await new Promise<number>((resolve) => {
			socket.on('close', () => resolve(Date.now() - started));
			socket.on('error', () => {});
		});
		clearInterval(drip);
		expect(afterMs, 'about the headers timeout, not the request timeout').toBeLessThan(1_000 + 1_500);
	});

	it('refuses connections beyond the cap and serves again once one closes', async () => {
		const server = await serve({ SERVER_MAX_CONNECTIONS: '2' });
		// Each socket asks for the home page and stays open (keep-alive): `served` says whether it was answered.
		const sockets: net.Socket[] = [];
		const ask = () =>
			new Promise<boolean>((resolve) => {
				const socket = net.connect(Number(new URL(server.url).port), '127.0.0.1');
				sockets.push(socket);
				socket.on('error', () => resolve(false));
				socket.on('close', () => resolve(false));
				socket.on('data', (chunk) => resolve(String(chunk).startsWith('HTTP/1.1 200')));
				socket.write(`GET /about/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
			});
		const served = [await ask(), await ask(), await ask()];
		expect(served[2], 'a connection beyond the cap is dropped').toBe(false);
		expect(served.filter(Boolean).length, 'no more than the cap are served at once').toBeLessThanOrEqual(2);
		for (const socket of sockets) socket.destroy();
		await expect.poll(ask, { message: 'served again once connections close' }).toBe(true);
		for (const socket of sockets) socket.destroy();
	});
});

describe('client address behind proxies', () => {
	const post = (server: RunningServer, i: number, forwardedFor: string) =>
		postForm(server, '/api/newsletter/subscribe', formFields(`xff${i}@example.com`), { headers: { 'x-forwarded-for': forwardedFor } });

	it('without TRUST_PROXY, X-Forwarded-For changes nothing: one bucket per socket address', async () => {
		const server = await serve({ NEWSLETTER_RATE_LIMIT_IP: '2' });
		const statuses = [];
		for (let i = 0; i < 3; i++) statuses.push((await post(server, i, `198.51.100.${i}`)).status);
		expect(statuses, 'a fresh forged address on each request still runs out').toEqual([200, 200, 429]);
	});

	it('with TRUST_PROXY=1, a forged leftmost value changes nothing; the address the proxy appended counts', async () => {
		const server = await serve({ NEWSLETTER_RATE_LIMIT_IP: '2', TRUST_PROXY: '1' });
		const forged = [];
		for (let i = 0; i < 3; i++) forged.push((await post(server, i, `6.6.6.${i}, 203.0.113.9`)).status);
		expect(forged, 'same reader behind the proxy, whatever it puts first').toEqual([200, 200, 429]);
		expect((await post(server, 3, '203.0.113.10')).status, 'another reader has its own bucket').toBe(200);
	});

	it('with TRUST_PROXY=1, a value that is not an IP address is ignored (the socket address counts)', async () => {
		const server = await serve({ NEWSLETTER_RATE_LIMIT_IP: '2', TRUST_PROXY: '1' });
		const statuses = [];
		for (let i = 0; i < 3; i++) statuses.push((await post(server, i, `not-an-ip-${i}${'x'.repeat(i * 4000)}`)).status);
		expect(statuses, 'garbage never opens a fresh bucket').toEqual([200, 200, 429]);
	});

	it('refuses to start with a TRUST_PROXY it cannot read, saying why', async () => {
		await expect(serve({ TRUST_PROXY: 'my-proxy' })).rejects.toThrow(/TRUST_PROXY: "my-proxy" is not an IP address or CIDR range/);
	});
});
