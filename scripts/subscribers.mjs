#!/usr/bin/env node
/**
 * Owner tools for the newsletter's subscribers (README, "Newsletter"):
 *
 *   npm run subscribers -- list [--status pending|confirmed|unsubscribed]
 *   npm run subscribers -- export [--status …] [--out subscribers.csv]
 *   npm run subscribers -- delete <email>
 *   npm run subscribers -- backup <file.db>
 *
 * Reads DATABASE_PATH (default data/newsletter.db). Safe while the server
 * runs: SQLite in WAL mode lets this process read alongside it, and a
 * delete waits for the server's write lock (busy timeout) instead of failing.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { resolveNewsletterConfig } from '../src/server/config.ts';
import { Store } from '../src/server/store.ts';
import { deleteSubscriber, listSubscribers } from '../src/server/subscribers.ts';
import { parseEmailAddress } from '../src/lib/newsletter/email-address.ts';
import { toCsv } from '../src/server/csv.ts';

const USAGE = `Usage:
  npm run subscribers -- list [--status pending|confirmed|unsubscribed]
  npm run subscribers -- export [--status …] [--out file.csv]   CSV on stdout unless --out
  npm run subscribers -- delete <email>                         erase everything held about an address
  npm run subscribers -- backup <file.db>                       a consistent copy, safe while the server runs

Database: DATABASE_PATH (default data/newsletter.db)`;

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: { status: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
});
const [command, ...rest] = positionals;
const STATUSES = ['pending', 'confirmed', 'unsubscribed'];

function fail(message) {
	console.error(message);
	process.exit(1);
}

if (values.help || !command || command === 'help') {
	console.log(USAGE);
	process.exit(command || values.help ? 0 : 1);
}
if (values.status && !STATUSES.includes(values.status)) fail(`--status must be one of ${STATUSES.join(', ')}.`);

const { databasePath } = resolveNewsletterConfig(process.env);
if (!existsSync(databasePath)) {
	if (command === 'delete') fail(`No database at ${databasePath}: nothing to delete.`);
	console.error(`No database at ${databasePath} yet: nobody has subscribed. (Set DATABASE_PATH if the server uses another file.)`);
	if (command === 'export') process.stdout.write(toCsv(exportHeader(), []));
	process.exit(0);
}
const store = new Store({ path: databasePath });

try {
	if (command === 'list') list();
	else if (command === 'export') exportCsv();
	else if (command === 'delete') remove(rest[0]);
	else if (command === 'backup') backup(rest[0]);
	else fail(`Unknown command "${command}".\n\n${USAGE}`);
} finally {
	store.close();
}

function selected() {
	return listSubscribers(store).filter((row) => !values.status || row.status === values.status);
}

function list() {
	const rows = selected();
	if (rows.length === 0) {
		console.log(values.status ? `No ${values.status} subscribers.` : 'No subscribers yet.');
		return;
	}
	const table = rows.map((row) => ({
		status: row.status,
		email: row.email,
		'first name': row.firstName ?? '',
		source: row.source,
		'consent (UTC)': row.consentAt.slice(0, 16).replace('T', ' '),
		'confirmed (UTC)': row.confirmedAt ? row.confirmedAt.slice(0, 16).replace('T', ' ') : '',
	}));
	const columns = Object.keys(table[0]);
	const widths = columns.map((column) => Math.max(column.length, ...table.map((row) => String(row[column]).length)));
	const line = (cells) =>
		cells
			.map((cell, index) => String(cell).padEnd(widths[index]))
			.join('  ')
			.trimEnd();
	console.log(line(columns));
	console.log(line(widths.map((width) => '-'.repeat(width))));
	for (const row of table) console.log(line(columns.map((column) => row[column])));
	const counts = STATUSES.map((status) => `${rows.filter((row) => row.status === status).length} ${status}`).join(', ');
	console.log(`\n${rows.length} subscriber(s): ${counts}.`);
}

function exportHeader() {
	return ['email', 'first_name', 'status', 'consent_version', 'consent_at', 'source', 'confirmed_at', 'created_at', 'unsubscribed_at'];
}

function exportCsv() {
	const rows = selected().map((row) => [
		row.email,
		row.firstName,
		row.status,
		row.consentVersion,
		row.consentAt,
		row.source,
		row.confirmedAt,
		row.createdAt,
		row.unsubscribedAt,
	]);
	const csv = toCsv(exportHeader(), rows);
	if (values.out) {
		writeFileSync(values.out, csv, { mode: 0o600 });
		console.error(`Wrote ${rows.length} subscriber(s) to ${values.out}.`);
	} else {
		process.stdout.write(csv);
	}
}

function remove(email) {
	if (!email) fail('Give the address to delete: npm run subscribers -- delete reader@example.com');
	const parsed = parseEmailAddress(email);
	const key = parsed.ok ? parsed.key : email.trim().toLowerCase();
	const deleted = store.writeNow((s) => deleteSubscriber(s, key));
	if (!deleted) fail(`No subscriber with the address ${email}. Nothing was deleted.`);
	console.log(`Deleted ${email}: the subscriber, their links and any mail still queued for them. Nothing about the address is kept.`);
}

function backup(file) {
	if (!file) fail('Give the file to write: npm run subscribers -- backup backups/newsletter-2026-11-25.db');
	if (existsSync(file)) fail(`${file} exists already; choose a new file name.`);
	// VACUUM INTO writes a consistent, compact copy while the server keeps running.
	store.db.prepare('VACUUM INTO ?').run(file);
	console.log(`Backed up ${databasePath} to ${file}.`);
}
