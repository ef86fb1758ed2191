import { describe, expect, it } from 'vitest';
import { resolveServerConfig } from '../../../src/server/config';

describe('resolveServerConfig', () => {
	it('has defaults that cut slow clients off and drain within 10 s', () => {
		expect(resolveServerConfig({}, { port: 4321, host: 'localhost' })).toEqual({
			port: 4321,
			host: 'localhost',
			tls: null,
			headersTimeoutMs: 10_000,
			requestTimeoutMs: 15_000,
			keepAliveTimeoutMs: 5_000,
			maxConnections: 1_000,
			shutdownTimeoutMs: 10_000,
			compression: true,
		});
	});

	it('takes every setting from the environment', () => {
		const config = resolveServerConfig({
			PORT: '8080',
			HOST: '0.0.0.0',
			SERVER_CERT_PATH: 'cert.pem',
			SERVER_KEY_PATH: 'key.pem',
			SERVER_HEADERS_TIMEOUT_MS: 2_000,
			SERVER_REQUEST_TIMEOUT_MS: 3_000,
			SERVER_KEEP_ALIVE_TIMEOUT_MS: 1_000,
			SERVER_MAX_CONNECTIONS: 50,
			SERVER_SHUTDOWN_TIMEOUT_MS: 0,
			SERVER_COMPRESSION: false,
		});
		expect(config).toMatchObject({ port: 8080, host: '0.0.0.0', tls: { certPath: 'cert.pem', keyPath: 'key.pem' }, maxConnections: 50 });
		expect(config).toMatchObject({
			headersTimeoutMs: 2_000,
			requestTimeoutMs: 3_000,
			keepAliveTimeoutMs: 1_000,
			shutdownTimeoutMs: 0,
			compression: false,
		});
	});

	it('listens where the build says when nothing is set (host: true means every interface)', () => {
		expect(resolveServerConfig({}, { port: 3000, host: true })).toMatchObject({ port: 3000, host: '0.0.0.0' });
	});

	it('refuses settings that cannot work, naming them', () => {
		expect(() => resolveServerConfig({ PORT: 'eighty' })).toThrow(/PORT must be a port number/);
		expect(() => resolveServerConfig({ SERVER_CERT_PATH: 'cert.pem' })).toThrow(/SERVER_CERT_PATH and SERVER_KEY_PATH go together/);
		expect(() => resolveServerConfig({ SERVER_HEADERS_TIMEOUT_MS: 20_000, SERVER_REQUEST_TIMEOUT_MS: 5_000 })).toThrow(
			/SERVER_REQUEST_TIMEOUT_MS \(5000\) must be at least SERVER_HEADERS_TIMEOUT_MS \(20000\)/,
		);
	});

	it('keeps the request timeout at least as long as a longer headers timeout by default', () => {
		expect(resolveServerConfig({ SERVER_HEADERS_TIMEOUT_MS: 20_000 }).requestTimeoutMs).toBe(20_000);
	});
});
