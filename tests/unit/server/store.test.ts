import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, Store } from '../../../src/server/store';

const folders: string[] = [];
function tempPath() {
	const folder = mkdtempSync(join(tmpdir(), 'newsletter-store-'));
	folders.push(folder);
	return join(folder, 'nested', 'newsletter.db');
}
afterEach(() => {
	for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('Store', () => {
	it('creates the folder and the schema, and records the schema version', () => {
		const store = new Store({ path: tempPath() });
		expect(store.schemaVersion).toBe(MIGRATIONS.length);
		const tables = store.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").map((row) => row.name);
		expect(tables).toEqual(['outbox', 'settings', 'subscribers', 'tokens']);
		store.close();
	});

	it('runs in WAL mode with synchronous=FULL, a busy timeout and foreign keys', () => {
		const store = new Store({ path: tempPath(), busyTimeoutMs: 1234 });
		expect(store.get<{ journal_mode: string }>('PRAGMA journal_mode')!.journal_mode).toBe('wal');
		expect(store.get<{ synchronous: number }>('PRAGMA synchronous')!.synchronous).toBe(2);
		expect(store.get<{ timeout: number }>('PRAGMA busy_timeout')!.timeout).toBe(1234);
		expect(store.get<{ foreign_keys: number }>('PRAGMA foreign_keys')!.foreign_keys).toBe(1);
		store.close();
	});

	it('upgrades a database made by an older version, keeping its rows', () => {
		const path = tempPath();
		mkdirSync(dirname(path), { recursive: true });
		const old = new DatabaseSync(path);
		old.exec(MIGRATIONS[0]!);
		old.exec('PRAGMA user_version = 1');
		old.exec(
			"INSERT INTO subscribers (email, email_key, status, consent_version, consent_at, source, created_at) VALUES ('a@example.com', 'a@example.com', 'pending', 'v', 1, 's', 5)",
		);
		old.close();
		const store = new Store({ path });
		expect(store.schemaVersion).toBe(MIGRATIONS.length);
		expect(store.get<{ last_request_at: number }>('SELECT last_request_at FROM subscribers')).toEqual({ last_request_at: 5 });
		store.close();
	});

	it('does not run migrations twice when a database is reopened', () => {
		const path = tempPath();
		new Store({ path }).close();
		const store = new Store({ path });
		expect(store.schemaVersion).toBe(MIGRATIONS.length);
		store.close();
	});

	it('commits writes queued in the same tick together and resolves each after the commit', async () => {
		const path = tempPath();
		const store = new Store({ path });
		const results = await Promise.all(
			['a', 'b', 'c'].map((key) => store.write((s) => s.run('INSERT INTO settings (key, value) VALUES (?, ?)', key, 'v').changes)),
		);
		expect(results).toEqual([1, 1, 1]);
		// Another connection sees them: they are committed, not just written.
		const other = new DatabaseSync(path, { readOnly: true });
		expect((other.prepare('SELECT count(*) AS n FROM settings').get() as { n: number }).n).toBe(3);
		other.close();
		store.close();
	});

	it('rolls back only the write that failed, not its neighbours in the batch', async () => {
		const store = new Store({ path: tempPath() });
		const outcomes = await Promise.allSettled([
			store.write((s) => s.run("INSERT INTO settings (key, value) VALUES ('one', '1')")),
			store.write((s) => {
				s.run("INSERT INTO settings (key, value) VALUES ('two', '2')");
				throw new Error('boom');
			}),
			store.write((s) => s.run("INSERT INTO settings (key, value) VALUES ('three', '3')")),
		]);
		expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
		expect(store.all<{ key: string }>('SELECT key FROM settings ORDER BY key').map((row) => row.key)).toEqual(['one', 'three']);
		store.close();
	});

	it('refuses asynchronous work, which would escape the transaction', async () => {
		const store = new Store({ path: tempPath() });
		await expect(store.write(async () => 1)).rejects.toThrow(/synchronous/);
		store.close();
	});

	it('makes a writer wait for a lock held by another process, up to the busy timeout', async () => {
		const path = tempPath();
		const store = new Store({ path, busyTimeoutMs: 5_000 });
		const holder = holdLock(path, 400);
		await holder.locked;
		const started = performance.now();
		store.writeNow((s) => s.run("INSERT INTO settings (key, value) VALUES ('mine', '1')"));
		const waited = performance.now() - started;
		await holder.done;
		expect(waited, 'it waited for the other process to commit').toBeGreaterThan(150);
		expect(store.all<{ key: string }>('SELECT key FROM settings ORDER BY key').map((row) => row.key)).toEqual(['held', 'mine']);
		store.close();
	});

	it('fails a queued write cleanly when the lock is held past the busy timeout', async () => {
		const path = tempPath();
		const store = new Store({ path, busyTimeoutMs: 100 });
		const holder = holdLock(path, 1_000);
		await holder.locked;
		await expect(store.write((s) => s.run("INSERT INTO settings (key, value) VALUES ('mine', '1')"))).rejects.toThrow(/locked|busy/i);
		await holder.done;
		expect(store.db.isTransaction, 'no transaction is left open').toBe(false);
		store.close();
	});
});

/** Another process that takes the write lock, holds it for `ms`, then commits. */
function holdLock(path: string, ms: number) {
	const script = `
		const { DatabaseSync } = require('node:sqlite');
		const db = new DatabaseSync(${JSON.stringify(path)});
		db.exec('BEGIN IMMEDIATE');
		db.exec("INSERT INTO settings (key, value) VALUES ('held', '1')");
		process.stdout.write('locked');
		Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${ms});
		db.exec('COMMIT');
		db.close();
	`;
	const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
	const locked = new Promise<void>((resolve) => child.stdout.on('data', () => resolve()));
	const done = new Promise<void>((resolve) => child.on('exit', () => resolve()));
	return { locked, done };
}
