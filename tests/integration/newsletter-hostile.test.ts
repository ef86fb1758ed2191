/**
 * Every malformed or hostile submission in tests/fixtures/hostile-submissions.json
 * (at least 100) against the production server: each gets a 4xx with a
 * clear message, none gets a 5xx, and the database stays empty.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtSite, startServer, type RunningServer } from './newsletter-harness';

interface HostileCase {
	id: string;
	category: string;
	path?: string;
	method?: string;
	fields?: Record<string, string | null>;
	replace?: boolean;
	rawBody?: string;
	rawBytesHex?: string;
	contentType?: string | null;
	multipart?: { name: string; value: string; filename?: string }[];
	repeat?: { field: string; char: string; times: number };
	chunked?: boolean;
	omitOrigin?: boolean;
	headers?: Record<string, string>;
	expect?: number;
}

const corpus = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/hostile-submissions.json'), 'utf8')) as {
	defaults: { fields: Record<string, string> };
	cases: HostileCase[];
};

let server: RunningServer;

beforeAll(async () => {
	server = await startServer(await builtSite());
}, 240_000);

afterAll(async () => {
	await server?.stop();
});

function requestFor(test: HostileCase): { url: string; init: RequestInit } {
	const headers: Record<string, string> = { accept: 'application/json' };
	if (!test.omitOrigin) headers.origin = server.url;
	let body: BodyInit | undefined;
	const fields: Record<string, string> = test.replace ? {} : { ...corpus.defaults.fields };
	for (const [name, value] of Object.entries(test.fields ?? {})) {
		if (value === null) delete fields[name];
		else fields[name] = value;
	}
	if (test.repeat) fields[test.repeat.field] = test.repeat.char.repeat(test.repeat.times);
	if (test.multipart) {
		const form = new FormData();
		for (const part of test.multipart) {
			if (part.filename) form.append(part.name, new Blob([part.value]), part.filename);
			else form.append(part.name, part.value);
		}
		body = form;
	} else if (test.rawBytesHex !== undefined) {
		body = Buffer.from(test.rawBytesHex, 'hex');
		if (test.contentType) headers['content-type'] = test.contentType;
	} else if (test.rawBody !== undefined) {
		body = test.rawBody;
		if (test.contentType) headers['content-type'] = test.contentType;
	} else {
		body = new URLSearchParams(fields).toString();
		headers['content-type'] = 'application/x-www-form-urlencoded';
	}
	if (test.contentType === null) delete headers['content-type'];
	const method = test.method ?? 'POST';
	const init: RequestInit & { duplex?: 'half' } = { method, headers: { ...headers, ...test.headers }, redirect: 'manual' };
	if (method !== 'GET' && method !== 'HEAD') {
		if (test.chunked) {
			const bytes = new TextEncoder().encode(String(body));
			init.body = new ReadableStream({
				start(controller) {
					for (let offset = 0; offset < bytes.length; offset += 16_384) controller.enqueue(bytes.subarray(offset, offset + 16_384));
					controller.close();
				},
			});
			init.duplex = 'half';
		} else {
			init.body = body;
		}
	}
	// Accept JSON on the subscribe endpoint, so the message can be read from the body.
	return { url: new URL(test.path ?? '/newsletter/subscribe/', server.url).href, init };
}

/** The human-readable message of a response: JSON `message`, the page's text, or plain text. */
async function messageOf(response: Response): Promise<string> {
	const text = await response.text();
	if ((response.headers.get('content-type') ?? '').includes('application/json'))
		return String((JSON.parse(text) as { message?: unknown }).message ?? '');
	if ((response.headers.get('content-type') ?? '').includes('text/html')) {
		const main = /<main[^>]*>([\s\S]*?)<\/main>/.exec(text)?.[1] ?? text;
		return main
			.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '')
			.replace(/<[^>]+>/g, ' ')
			.replace(/\s+/g, ' ')
			.trim();
	}
	return text.trim();
}

describe('the hostile corpus', () => {
	it('has at least 100 cases in every required category', () => {
		expect(corpus.cases.length).toBeGreaterThanOrEqual(100);
		const categories = new Set(corpus.cases.map((test) => test.category));
		for (const category of [
			'overlong',
			'header-injection',
			'sql-injection',
			'html-injection',
			'unicode-lookalike',
			'missing-fields',
			'wrong-content-type',
			'huge-body',
		]) {
			expect(categories, category).toContain(category);
		}
	});

	it.each(corpus.cases.map((test) => [test.id, test] as const))('%s: refused with a 4xx and a clear message', async (_id, test) => {
		const { url, init } = requestFor(test);
		let response: Response;
		try {
			response = await fetch(url, init);
		} catch (error) {
			throw new Error(
				`the request failed instead of getting an answer: ${(error as Error).message} ${String((error as { cause?: unknown }).cause ?? '')}`,
				{ cause: error },
			);
		}
		const message = await messageOf(response);
		expect(response.status, `status for ${test.id}; message: ${message}`).toBeGreaterThanOrEqual(400);
		expect(response.status, `status for ${test.id}; message: ${message}`).toBeLessThan(500);
		if (test.expect) expect(response.status, `${test.id}: ${message}`).toBe(test.expect);
		expect(message.length, `${test.id} explains itself`).toBeGreaterThan(10);
		expect(message, `${test.id} leaks no internals`).not.toMatch(/\bat [\w.]+ \(|stack|TypeError|SQLITE|Internal Server Error/i);
	});

	it('stored nothing and sent nothing', () => {
		for (const table of ['subscribers', 'tokens', 'outbox']) {
			expect(server.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)[0]!.n, table).toBe(0);
		}
	});

	it('logged no server error', () => {
		expect(server.log.join('')).not.toMatch(/Could not render|Unhandled|Internal Server Error|\[ERROR\]/);
	});
});
