/**
 * The newsletter's database: one SQLite file through Node's built-in
 * `node:sqlite`, so the site needs nothing installed beyond npm.
 *
 * Design
 * - Durability first: WAL journal with `synchronous=FULL`, so a transaction
 *   that has committed survives a power cut or SIGKILL, and the HTTP answer
 *   "check your inbox" is only sent after the commit.
 * - Writers take the lock up front (`BEGIN IMMEDIATE`): the server and the
 *   owner's CLI can write at the same time without a deadlock, and a
 *   `busy_timeout` makes the loser wait instead of failing at once.
 * - Group commit: `write()` queues a synchronous function; everything queued
 *   in the same turn of the event loop runs in one transaction, each inside
 *   its own SAVEPOINT so one failure cannot undo the others, and one fsync
 *   commits them all. Under load this turns hundreds of fsyncs into one
 *   without weakening the guarantee: every promise resolves after COMMIT.
 *   When the disk is slow (the last COMMIT took more than half a
 *   millisecond), the next flush waits three times as long as that commit
 *   took (at most 15 ms), so that more writes share one fsync and the event
 *   loop, which an fsync blocks, spends at most a quarter of its time on them.
 * - Versioned schema: `PRAGMA user_version` records the last migration run;
 *   migrations are append-only and each runs in its own transaction.
 * - `DatabaseSync` is synchronous; every statement here is a small indexed
 *   lookup or insert, so blocking the event loop for microseconds is cheaper
 *   than the bookkeeping of an async driver.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';

/** Migrations in order; never edit one that has shipped, append a new one. */
export const MIGRATIONS: readonly string[] = [
	// 1: subscribers, their tokens, the outbox, and server settings.
	`
	CREATE TABLE subscribers (
		id INTEGER PRIMARY KEY,
		email TEXT NOT NULL,                 -- as typed, domain lowercased; where mail goes
		email_key TEXT NOT NULL UNIQUE,      -- lowercased email: one subscriber per mailbox
		first_name TEXT,
		status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'unsubscribed')),
		consent_version TEXT NOT NULL,       -- which consent statement they saw
		consent_at INTEGER NOT NULL,         -- ms since epoch, when they submitted the form
		source TEXT NOT NULL,                -- which form: lesson:<slug>, course-end, footer:<path>, newsletter-page
		created_at INTEGER NOT NULL,
		confirmed_at INTEGER,
		unsubscribed_at INTEGER,
		last_confirmation_at INTEGER         -- when a confirmation mail was last queued (hourly resend limit)
	);
	CREATE TABLE tokens (
		hash TEXT PRIMARY KEY,               -- SHA-256 of the raw token; the token itself is never stored
		subscriber_id INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
		purpose TEXT NOT NULL CHECK (purpose IN ('confirm', 'unsubscribe')),
		created_at INTEGER NOT NULL,
		expires_at INTEGER,                  -- null: never expires (unsubscribe links)
		used_at INTEGER
	) WITHOUT ROWID;
	CREATE INDEX tokens_by_subscriber ON tokens (subscriber_id, purpose);
	CREATE TABLE outbox (
		id INTEGER PRIMARY KEY,
		subscriber_id INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
		kind TEXT NOT NULL CHECK (kind IN ('confirm', 'welcome')),
		status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'skipped')),
		attempts INTEGER NOT NULL DEFAULT 0,
		next_attempt_at INTEGER NOT NULL,
		created_at INTEGER NOT NULL,
		sent_at INTEGER,
		last_error TEXT
	);
	CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status = 'pending';
	CREATE INDEX outbox_by_subscriber ON outbox (subscriber_id);
	CREATE TABLE settings (
		key TEXT PRIMARY KEY,
		value TEXT NOT NULL
	) WITHOUT ROWID;
	`,
	// 2: when the address was last entered in a form. Every sign-up now writes (and so
	// waits for an fsync), whatever the address's state: no timing difference to learn from.
	`
	ALTER TABLE subscribers ADD COLUMN last_request_at INTEGER;
	UPDATE subscribers SET last_request_at = max(created_at, coalesce(last_confirmation_at, 0));
	`,
];

/** Options for {@link Store}. */
export interface StoreOptions {
	/** Path of the database file; its folder is created if missing. */
	path: string;
	/** How long a writer waits for the lock held by another process, in ms. */
	busyTimeoutMs?: number;
	/** Most operations committed together in one group commit. */
	maxBatch?: number;
}

interface QueuedWrite {
	run: (store: Store) => unknown;
	resolve: (value: unknown) => void;
	reject: (error: unknown) => void;
}

/** An open newsletter database. */
export class Store {
	/** The underlying connection, for the few callers that need raw access (tests, the CLI). */
	readonly db: DatabaseSync;
	readonly #statements = new Map<string, StatementSync>();
	readonly #maxBatch: number;
	#queue: QueuedWrite[] = [];
	#flushScheduled = false;
	#closed = false;
	#lastCommitMs = 0;

	constructor({ path, busyTimeoutMs = 5_000, maxBatch = 1_000 }: StoreOptions) {
		if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
		this.db = new DatabaseSync(path, { timeout: busyTimeoutMs });
		this.#maxBatch = maxBatch;
		this.db.exec(`PRAGMA busy_timeout = ${Math.floor(busyTimeoutMs)}`);
		this.db.exec('PRAGMA journal_mode = WAL');
		this.db.exec('PRAGMA synchronous = FULL');
		this.db.exec('PRAGMA foreign_keys = ON');
		this.#migrate();
	}

	/** The schema version this database is at. */
	get schemaVersion(): number {
		return Number((this.db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
	}

	/** A cached prepared statement. */
	statement(sql: string): StatementSync {
		let statement = this.#statements.get(sql);
		if (!statement) {
			statement = this.db.prepare(sql);
			this.#statements.set(sql, statement);
		}
		return statement;
	}

	/** Runs one statement and returns the first row. */
	get<T>(sql: string, ...params: SQLInputValue[]): T | undefined {
		return this.statement(sql).get(...params) as T | undefined;
	}

	/** Runs one statement and returns every row. */
	all<T>(sql: string, ...params: SQLInputValue[]): T[] {
		return this.statement(sql).all(...params) as T[];
	}

	/** Runs one statement for its effect. */
	run(sql: string, ...params: SQLInputValue[]): { changes: number; lastInsertRowid: number } {
		const result = this.statement(sql).run(...params);
		return { changes: Number(result.changes), lastInsertRowid: Number(result.lastInsertRowid) };
	}

	/**
	 * Queues a synchronous write and resolves with its result once it is
	 * durably committed (group commit, see the header). If `work` throws, only
	 * its own changes are rolled back and the promise rejects.
	 */
	write<T>(work: (store: Store) => T): Promise<T> {
		if (this.#closed) return Promise.reject(new Error('The newsletter database is closed.'));
		return new Promise<T>((resolve, reject) => {
			this.#queue.push({ run: work, resolve: resolve as (value: unknown) => void, reject });
			if (!this.#flushScheduled) this.#scheduleFlush();
		});
	}

	/** Runs `work` in its own `BEGIN IMMEDIATE` transaction right now (the CLI, migrations, tests). */
	writeNow<T>(work: (store: Store) => T): T {
		this.db.exec('BEGIN IMMEDIATE');
		try {
			const result = work(this);
			this.db.exec('COMMIT');
			return result;
		} catch (error) {
			if (this.db.isTransaction) this.db.exec('ROLLBACK');
			throw error;
		}
	}

	/** Commits what is queued, then closes the file. */
	close(): void {
		if (this.#closed) return;
		while (this.#queue.length > 0) this.#flush();
		this.#closed = true;
		this.db.close();
	}

	#scheduleFlush(): void {
		this.#flushScheduled = true;
		const wait = this.#queue.length >= this.#maxBatch || this.#lastCommitMs < 0.5 ? 0 : Math.min(15, 3 * this.#lastCommitMs);
		if (wait === 0) setImmediate(() => this.#flush());
		else setTimeout(() => this.#flush(), wait);
	}

	#flush(): void {
		this.#flushScheduled = false;
		const batch = this.#queue.splice(0, this.#maxBatch);
		if (batch.length === 0) return;
		if (this.#queue.length > 0) this.#scheduleFlush();
		const started = performance.now();
		const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
		try {
			this.db.exec('BEGIN IMMEDIATE');
		} catch (error) {
			for (const item of batch) item.reject(error);
			return;
		}
		for (const item of batch) {
			this.db.exec('SAVEPOINT queued_write');
			try {
				const value = item.run(this);
				if (value instanceof Promise) throw new TypeError('Store.write() work must be synchronous.');
				this.db.exec('RELEASE queued_write');
				outcomes.push({ ok: true, value });
			} catch (error) {
				this.db.exec('ROLLBACK TO queued_write');
				this.db.exec('RELEASE queued_write');
				outcomes.push({ ok: false, error });
			}
		}
		try {
			this.db.exec('COMMIT');
		} catch (error) {
			if (this.db.isTransaction) this.db.exec('ROLLBACK');
			for (const item of batch) item.reject(error);
			return;
		} finally {
			this.#lastCommitMs = performance.now() - started;
		}
		batch.forEach((item, index) => {
			const outcome = outcomes[index]!;
			if (outcome.ok) item.resolve(outcome.value);
			else item.reject(outcome.error);
		});
	}

	#migrate(): void {
		if (this.schemaVersion >= MIGRATIONS.length) return;
		this.writeNow(() => {
			// Read again inside the lock: another process may have migrated meanwhile.
			for (let version = this.schemaVersion; version < MIGRATIONS.length; version++) {
				this.db.exec(MIGRATIONS[version]!);
				this.db.exec(`PRAGMA user_version = ${version + 1}`);
			}
		});
	}
}
