/**
 * The production server under measurement: `node <build>/server/entry.mjs`
 * (what `npm start` runs) on loopback with a throw-away database. Before each
 * page, `ensureUp` waits for a slow answer on a busy machine and starts the
 * server again (at most 3 times, each reported) if something else stopped it.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { log, onCleanup, root, sleep } from './run.mjs';

/** Whether the server answers `/` with a success within `timeout` ms. */
async function answers(/** @type {string} */ origin, timeout = 1000) {
	try {
		const response = await fetch(`${origin}/`, { signal: AbortSignal.timeout(timeout) });
		await response.arrayBuffer();
		return response.ok;
	} catch {
		return false;
	}
}

/**
 * Starts the production server for the build in `outDir` on `host:port`,
 * logging to `folder/server.log`, with its database in `folder`. Returns its
 * origin, `ensureUp()` and the restarts it needed.
 */
export async function startServer({ outDir, host, port, folder, env = {} }) {
	const origin = `http://${host}:${port}`;
	const logFile = path.join(folder, 'server.log');
	/** Server exits the bench did not ask for (something else on the machine stopped it). */
	const restarts = /** @type {string[]} */ ([]);
	/** @type {string | null} */
	let exit = null;

	const tail = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : '');
	const launch = async () => {
		exit = null;
		const out = createWriteStream(logFile, { flags: 'a' });
		const child = spawn(process.execPath, [path.join(outDir, 'server', 'entry.mjs')], {
			cwd: root,
			env: { ...process.env, PORT: String(port), HOST: host, DATABASE_PATH: path.join(folder, 'bench.db'), NODE_ENV: 'production', ...env },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		child.stdout.pipe(out);
		child.stderr.pipe(out);
		let exited = false;
		child.on('exit', (code, signal) => {
			exited = true;
			exit = signal ? `signal ${signal}` : `code ${code}`;
		});
		onCleanup(async () => {
			if (exited) return;
			child.kill('SIGTERM');
			for (let i = 0; i < 30 && !exited; i++) await sleep(100);
			if (!exited) child.kill('SIGKILL');
		});
		const deadline = Date.now() + 30_000;
		while (Date.now() < deadline && !exited) {
			if (await answers(origin, 5000)) {
				log(`server (pid ${child.pid}) answers on ${origin}`);
				return;
			}
			await sleep(200);
		}
		throw new Error(`server did not answer on ${origin}:\n${tail()}`);
	};

	/** @type {Promise<void> | null} */
	let ensuring = null;
	const ensure = async () => {
		for (let attempt = 0; attempt < 3 && exit === null; attempt++) {
			if (await answers(origin, 10_000)) return;
		}
		const why = exit === null ? 'it does not answer' : `it exited (${exit})`;
		if (exit !== null && restarts.length < 3) {
			restarts.push(why);
			log(`server ${why}; starting it again`);
			await launch();
			return;
		}
		throw new Error(`server on ${origin} is gone: ${why}\n${tail()}`);
	};

	if (await answers(origin)) throw new Error(`something already answers on ${origin}; stop it or set BENCH_PORT`);
	await launch();
	return {
		origin,
		restarts,
		/** Resolves once the server answers (starting it again if it died); concurrent callers share one check. */
		ensureUp() {
			ensuring ??= ensure().finally(() => (ensuring = null));
			return ensuring;
		},
	};
}
