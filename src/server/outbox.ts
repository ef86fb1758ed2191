/**
 * The outbox sender: delivers the mail that subscriber changes queued in
 * the `outbox` table, inside the server process, so no HTTP response ever
 * waits on SMTP and an SMTP outage loses nothing.
 *
 * - A row is claimed only by this loop (one batch at a time). Its tokens are
 *   created when the mail is composed, in a transaction, so raw tokens exist
 *   only in the mail itself; tokens of an attempt that failed are deleted.
 * - Failures are retried with exponential backoff (src/lib/retry-schedule.ts).
 *   When the server itself is unreachable the whole sender pauses with the
 *   same backoff instead of failing every queued mail one by one.
 * - A permanent refusal (SMTP 5xx) marks the row failed; so does a mail that
 *   could not be delivered for seven days.
 * - Live traffic comes first: while the site is busy answering sign-ups
 *   (`isBusy`), delivery waits, for at most `maxYieldMs` (2 s by default),
 *   so a burst of sign-ups is answered quickly and its mail follows seconds later.
 * - Delivery is at least once: if the process dies between the SMTP server's
 *   "250 OK" and the commit that marks the row sent (each mail is recorded
 *   the moment it is accepted), the mail goes again after restart, with the
 *   same Message-ID so receivers can drop it.
 */
import { DEFAULT_RETRY_SCHEDULE, GIVE_UP_AFTER_MS, retryDelay, type RetrySchedule } from './retry-schedule.ts';
import { composeMail, SendError, type MailTransport, type OutgoingMail } from './mail.ts';
import type { Store } from './store.ts';
import { pruneHistory } from './subscribers.ts';
import { CONFIRM_TOKEN_TTL_MS, createToken, hashToken } from './tokens.ts';

/** Options for {@link OutboxSender}. */
export interface OutboxSenderOptions {
	store: Store;
	transport: MailTransport;
	from: string;
	siteUrl: URL;
	schedule?: RetrySchedule;
	/** Rows claimed per batch. */
	batchSize?: number;
	/** Mails handed to the transport at once. */
	concurrency?: number;
	/** Longest sleep when nothing is due, so rows added by another process are noticed. */
	idlePollMs?: number;
	now?: () => number;
	log?: (line: string) => void;
	/** True while the server is busy with requests; delivery then waits (see the header). */
	isBusy?: () => boolean;
	/** Longest time delivery gives way to requests before it goes ahead anyway. */
	maxYieldMs?: number;
}

interface DueRow {
	id: number;
	kind: 'confirm' | 'welcome';
	subscriber_id: number;
	attempts: number;
	created_at: number;
}

interface Claimed {
	row: DueRow;
	mail: OutgoingMail;
	tokenHashes: string[];
}

type Result = { claimed: Claimed; error?: SendError };

/** Delivers queued mail in the background; `nudge()` after queuing to send at once. */
export class OutboxSender {
	readonly #store: Store;
	readonly #transport: MailTransport;
	readonly #from: string;
	readonly #siteUrl: URL;
	readonly #schedule: RetrySchedule;
	readonly #batchSize: number;
	readonly #concurrency: number;
	readonly #idlePollMs: number;
	readonly #now: () => number;
	readonly #log: (line: string) => void;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#running = false;
	#busy = false;
	/** Settles when the delivery round in flight (if any) has recorded its results. */
	#roundDone: Promise<void> = Promise.resolve();
	#again = false;
	#pausedUntil = 0;
	#transportFailures = 0;
	#lastPrune = 0;
	readonly #isBusy: () => boolean;
	readonly #maxYieldMs: number;
	#yieldingSince: number | null = null;

	constructor(options: OutboxSenderOptions) {
		this.#store = options.store;
		this.#transport = options.transport;
		this.#from = options.from;
		this.#siteUrl = options.siteUrl;
		this.#schedule = options.schedule ?? DEFAULT_RETRY_SCHEDULE;
		this.#batchSize = options.batchSize ?? 100;
		this.#concurrency = options.concurrency ?? 12;
		this.#idlePollMs = options.idlePollMs ?? 30_000;
		this.#now = options.now ?? Date.now;
		this.#log = options.log ?? ((line) => console.log(line));
		this.#isBusy = options.isBusy ?? (() => false);
		this.#maxYieldMs = options.maxYieldMs ?? 2_000;
	}

	/** Starts the loop; mail already waiting (for example from before a restart) goes out now. */
	start(): void {
		if (this.#running) return;
		this.#running = true;
		this.nudge();
	}

	/**
	 * Stops the loop: no new round starts, the one in flight (its mails already
	 * handed to the transport) finishes and is recorded, then the transport
	 * closes. Resolves then, so the database can be closed safely.
	 */
	async stop(): Promise<void> {
		this.#running = false;
		clearTimeout(this.#timer);
		await this.#roundDone;
		this.#transport.close();
	}

	/** Asks for a delivery round as soon as possible (a mail was just queued). */
	nudge(): void {
		if (!this.#running) return;
		if (this.#busy) {
			this.#again = true;
			return;
		}
		if (this.#now() < this.#pausedUntil) return;
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.#round(), 0);
	}

	/** Mails not yet delivered (pending rows), for diagnostics and tests. */
	pendingCount(): number {
		return this.#store.get<{ n: number }>("SELECT count(*) AS n FROM outbox WHERE status = 'pending'")!.n;
	}

	async #round(): Promise<void> {
		if (!this.#running || this.#busy) return;
		if (this.#isBusy()) {
			const now = this.#now();
			this.#yieldingSince ??= now;
			if (now - this.#yieldingSince < this.#maxYieldMs) {
				clearTimeout(this.#timer);
				this.#timer = setTimeout(() => void this.#round(), 100);
				return;
			}
		}
		this.#yieldingSince = null;
		this.#busy = true;
		this.#again = false;
		let roundFinished!: () => void;
		this.#roundDone = new Promise((resolve) => (roundFinished = resolve));
		let delay: number;
		try {
			const sent = await this.#deliverBatch();
			if (sent === this.#batchSize || this.#again) delay = 0;
			else delay = this.#untilNextDue();
		} catch (error) {
			this.#log(`[newsletter] Outbox round failed: ${(error as Error).message}`);
			delay = 1_000;
		} finally {
			this.#busy = false;
			roundFinished();
		}
		if (this.#pausedUntil > this.#now()) delay = Math.max(delay, this.#pausedUntil - this.#now());
		if (this.#running) {
			clearTimeout(this.#timer);
			this.#timer = setTimeout(() => void this.#round(), delay);
		}
	}

	#untilNextDue(): number {
		const next = this.#store.get<{ at: number | null }>("SELECT min(next_attempt_at) AS at FROM outbox WHERE status = 'pending'")!.at;
		if (next === null) return this.#idlePollMs;
		return Math.min(this.#idlePollMs, Math.max(0, next - this.#now()));
	}

	/** One batch: claim due rows, send them, record the results. Returns how many rows were claimed. */
	async #deliverBatch(): Promise<number> {
		const now = this.#now();
		if (now - this.#lastPrune > 60 * 60_000) {
			this.#lastPrune = now;
			await this.#store.write((store) => pruneHistory(store, now));
		}
		const due = this.#store.all<DueRow>(
			"SELECT id, kind, subscriber_id, attempts, created_at FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?",
			now,
			this.#batchSize,
		);
		if (due.length === 0) return 0;
		const claimed = await this.#store.write((store) =>
			due.map((row) => this.#claim(store, row, now)).filter((item): item is Claimed => item !== null),
		);
		// Each delivered mail is recorded as soon as the SMTP server accepts it (group commit
		// batches these), so a crash can only resend the few mails of the last milliseconds.
		const recorded: Promise<void>[] = [];
		const results = await mapWithLimit(claimed, this.#concurrency, async (item): Promise<Result> => {
			try {
				await this.#transport.send(item.mail, this.#from);
				recorded.push(this.#store.write((store) => this.#record(store, { claimed: item }, this.#now())));
				return { claimed: item };
			} catch (error) {
				return {
					claimed: item,
					error: error instanceof SendError ? error : new SendError(String((error as Error)?.message ?? error), 'message'),
				};
			}
		});
		await Promise.all(recorded);
		const finished = this.#now();
		const transportDown = results.some((result) => result.error?.kind === 'transport');
		if (transportDown) {
			this.#transportFailures += 1;
			const pause = retryDelay(this.#transportFailures, this.#schedule);
			this.#pausedUntil = finished + pause;
			const reason = results.find((result) => result.error?.kind === 'transport')!.error!.message;
			this.#log(
				`[newsletter] Mail server unreachable (${reason}); ${this.pendingCount()} mail(s) wait in the outbox, next try in ${Math.round(pause / 1000)} s.`,
			);
		} else if (results.some((result) => !result.error)) {
			if (this.#transportFailures > 0) this.#log('[newsletter] Mail server reachable again; delivering the outbox.');
			this.#transportFailures = 0;
		}
		await this.#store.write((store) => {
			for (const result of results) if (result.error) this.#record(store, result, finished);
		});
		return due.length;
	}

	/** Re-checks a due row inside the write transaction and composes its mail with fresh tokens. */
	#claim(store: Store, row: DueRow, now: number): Claimed | null {
		const current = store.get<{ status: string; subscriber_status: string; email: string; first_name: string | null }>(
			`SELECT o.status, s.status AS subscriber_status, s.email, s.first_name
			 FROM outbox o JOIN subscribers s ON s.id = o.subscriber_id WHERE o.id = ?`,
			row.id,
		);
		if (!current || current.status !== 'pending') return null;
		const wanted = row.kind === 'confirm' ? 'pending' : 'confirmed';
		if (current.subscriber_status !== wanted) {
			store.run("UPDATE outbox SET status = 'skipped', last_error = ? WHERE id = ?", `subscriber is ${current.subscriber_status}`, row.id);
			return null;
		}
		const unsubscribeToken = createToken();
		const tokenHashes = [hashToken(unsubscribeToken)];
		store.run(
			"INSERT INTO tokens (hash, subscriber_id, purpose, created_at) VALUES (?, ?, 'unsubscribe', ?)",
			tokenHashes[0]!,
			row.subscriber_id,
			now,
		);
		let confirmToken: string | undefined;
		if (row.kind === 'confirm') {
			confirmToken = createToken();
			const hash = hashToken(confirmToken);
			tokenHashes.push(hash);
			store.run(
				"INSERT INTO tokens (hash, subscriber_id, purpose, created_at, expires_at) VALUES (?, ?, 'confirm', ?, ?)",
				hash,
				row.subscriber_id,
				now,
				now + CONFIRM_TOKEN_TTL_MS,
			);
		}
		const mail = composeMail(
			{ id: row.id, kind: row.kind, to: current.email, firstName: current.first_name, confirmToken, unsubscribeToken },
			this.#siteUrl,
		);
		return { row, mail, tokenHashes };
	}

	#record(store: Store, { claimed, error }: Result, now: number): void {
		const { row, tokenHashes } = claimed;
		if (!error) {
			store.run("UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?", now, row.id);
			return;
		}
		// The mail did not go out, so its links must not work.
		for (const hash of tokenHashes) store.run('DELETE FROM tokens WHERE hash = ?', hash);
		const attempts = row.attempts + 1;
		if (error.kind === 'permanent' || now - row.created_at > GIVE_UP_AFTER_MS) {
			store.run("UPDATE outbox SET status = 'failed', attempts = ?, last_error = ? WHERE id = ?", attempts, error.message, row.id);
			this.#log(`[newsletter] Gave up on outbox mail ${row.id}: ${error.message}`);
			return;
		}
		const delay = error.kind === 'transport' ? Math.max(0, this.#pausedUntil - now) : retryDelay(attempts, this.#schedule);
		store.run(
			'UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?',
			attempts,
			now + delay,
			error.message,
			row.id,
		);
	}
}

/** Runs `work` over `items` with at most `limit` in flight, keeping order. */
async function mapWithLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
	const results = new Array<R>(items.length);
	let next = 0;
	const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await work(items[index]!);
		}
	});
	await Promise.all(runners);
	return results;
}
