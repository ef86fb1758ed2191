/** The owner's CLI (`npm run subscribers`), run as a separate process on a temporary database. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../../src/server/store';
import { confirm, subscribe } from '../../../src/server/subscribers';

const script = resolve(import.meta.dirname, '../../../scripts/subscribers.mjs');
let folder: string;
let databasePath: string;

function cli(...args: string[]) {
	const result = spawnSync(process.execPath, [script, ...args], {
		encoding: 'utf8',
		env: { ...process.env, DATABASE_PATH: databasePath, NODE_NO_WARNINGS: '1' },
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
	folder = mkdtempSync(join(tmpdir(), 'newsletter-cli-'));
	databasePath = join(folder, 'newsletter.db');
	const store = new Store({ path: databasePath });
	const at = Date.UTC(2026, 10, 1, 9, 30);
	store.writeNow((s) =>
		subscribe(
			s,
			{ address: 'Ada@example.com', key: 'ada@example.com', firstName: 'Ada', source: 'lesson:take-the-leap', consentVersion: '2026-11' },
			at,
		),
	);
	store.writeNow((s) =>
		subscribe(
			s,
			{ address: '=cmd@example.com', key: '=cmd@example.com', firstName: null, source: 'footer:/', consentVersion: '2026-11' },
			at + 1,
		),
	);
	store.writeNow((s) =>
		s.run("INSERT INTO tokens (hash, subscriber_id, purpose, created_at, expires_at) VALUES ('h', 1, 'confirm', ?, ?)", at, at + 1e9),
	);
	store.writeNow((s) => confirm(s, 'h', at + 60_000));
	store.close();
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('npm run subscribers', () => {
	it('lists subscribers with their status and a count', () => {
		const { status, stdout } = cli('list');
		expect(status).toBe(0);
		expect(stdout).toMatch(/confirmed\s+Ada@example\.com\s+Ada\s+lesson:take-the-leap\s+2026-11-01 09:30\s+2026-11-01 09:31/);
		expect(stdout).toContain('2 subscriber(s): 1 pending, 1 confirmed, 0 unsubscribed.');
	});

	it('exports CSV with status, consent version and time, source and confirmation time, safe for spreadsheets', () => {
		const { status, stdout } = cli('export');
		expect(status).toBe(0);
		expect(stdout.split('\r\n')).toEqual([
			'email,first_name,status,consent_version,consent_at,source,confirmed_at,created_at,unsubscribed_at',
			'Ada@example.com,Ada,confirmed,2026-11,2026-11-01T09:30:00.000Z,lesson:take-the-leap,2026-11-01T09:31:00.000Z,2026-11-01T09:30:00.000Z,',
			"'=cmd@example.com,,pending,2026-11,2026-11-01T09:30:00.001Z,footer:/,,2026-11-01T09:30:00.001Z,",
			'',
		]);
	});

	it('filters by status', () => {
		expect(cli('export', '--status', 'pending').stdout).not.toContain('Ada@example.com');
		expect(cli('list', '--status', 'nonsense').status).toBe(1);
	});

	it('erases an address however it is capitalised, and says when there is nothing to erase', () => {
		const deleted = cli('delete', 'ADA@EXAMPLE.COM');
		expect(deleted.status).toBe(0);
		expect(deleted.stdout).toContain('Deleted ADA@EXAMPLE.COM');
		expect(cli('export').stdout).not.toContain('Ada@example.com');
		const again = cli('delete', 'ada@example.com');
		expect(again.status).toBe(1);
		expect(again.stderr).toContain('No subscriber with the address ada@example.com');
	});

	it('backs up to a new file and refuses to overwrite one', () => {
		const file = join(folder, 'backup.db');
		expect(cli('backup', file).status).toBe(0);
		const copy = new Store({ path: file });
		expect(copy.get<{ n: number }>('SELECT count(*) AS n FROM subscribers')!.n).toBeGreaterThan(0);
		copy.close();
		expect(cli('backup', file).status).toBe(1);
	});

	it('explains its usage', () => {
		expect(cli('help').stdout).toContain('npm run subscribers -- delete <email>');
		expect(cli('bogus').status).toBe(1);
	});
});
