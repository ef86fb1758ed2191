/**
 * Markdown for the benchmark reports: table cells, inline code, aligned
 * tables, and rewriting one marked section of docs/benchmarks.md while
 * keeping every other section (each bench script owns its own).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Markdown-safe cell text. */
function cell(/** @type {unknown} */ value) {
	return String(value ?? '–')
		.replace(/\r?\n/g, ' ')
		.replace(/\|/g, '\\|');
}

/** Text on one line, cut to `max` characters with an ellipsis. */
export function truncate(/** @type {string} */ text, max = 220) {
	const clean = text.replace(/\s+/g, ' ').trim();
	return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** Inline code that survives backticks inside. */
export function code(/** @type {string} */ text) {
	const clean = text.replace(/\s+/g, ' ').trim();
	const fence = clean.includes('`') ? '``' : '`';
	return `${fence}${clean.includes('`') ? ` ${clean} ` : clean}${fence}`;
}

/** An aligned Markdown table (readable both in a terminal and rendered). */
export function table(/** @type {string[]} */ head, /** @type {string[][]} */ rows, /** @type {('l'|'r')[]} */ align) {
	const all = [head, ...rows].map((row) => row.map(cell));
	const widths = head.map((_, i) => Math.max(3, ...all.map((row) => row[i].length)));
	const line = (/** @type {string[]} */ row) =>
		`| ${row.map((c, i) => (align[i] === 'r' ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
	const rule = `| ${widths.map((w, i) => (align[i] === 'r' ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
	return [line(all[0]), rule, ...all.slice(1).map(line)].join('\n');
}

/**
 * Puts `section` (which begins with `start` and ends with `end`) into the
 * Markdown file `doc`: in place of the old one, else right after the title,
 * else as a new document. Written through a temporary file, so a reader
 * never sees half of it.
 */
export function writeSection(
	/** @type {string} */ doc,
	/** @type {string} */ start,
	/** @type {string} */ end,
	/** @type {string} */ section,
) {
	mkdirSync(path.dirname(doc), { recursive: true });
	let text = existsSync(doc) ? readFileSync(doc, 'utf8') : '';
	const from = text.indexOf(start);
	const to = text.indexOf(end);
	if (from !== -1 && to > from) {
		text = text.slice(0, from) + section + text.slice(to + end.length);
	} else if (text.trim()) {
		// Keep what others wrote; put this section right after the title.
		const title = /^# .*\n/m.exec(text);
		const at = title ? title.index + title[0].length : 0;
		text = `${text.slice(0, at)}\n${section}\n\n${text.slice(at).replace(/^\n+/, '')}`;
	} else {
		text = `# Benchmarks\n\nFigures, not tests: each section is written by a bench script and rewritten on its next run.\n\n${section}\n`;
	}
	if (!text.endsWith('\n')) text += '\n';
	const temp = `${doc}.${process.pid}.tmp`;
	writeFileSync(temp, text);
	renameSync(temp, doc);
}
