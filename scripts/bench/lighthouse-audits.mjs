/**
 * Lighthouse's findings in words: the failures a 404 page must have, and a
 * short description of what each failing audit found (its details table,
 * list, checklist or request chain as a few lines), for the report.
 */
import { code, truncate } from './markdown.mjs';

/** Failures a 404 page must have: its status, its noindex, and the console line Chromium logs for the status. */
export function expectedOn404(/** @type {any} */ audit, /** @type {string} */ url) {
	if (audit.id === 'http-status-code') return true;
	if (audit.id === 'is-crawlable') {
		const items = Array.isArray(audit.details?.items) ? audit.details.items : [];
		return items.length > 0 && items.every((/** @type {any} */ item) => /noindex/i.test(JSON.stringify(item)));
	}
	if (audit.id === 'errors-in-console') {
		const items = Array.isArray(audit.details?.items) ? audit.details.items : [];
		return (
			items.length > 0 &&
			items.every((/** @type {any} */ item) => item.sourceLocation?.url === url && /\b404\b/.test(item.description ?? ''))
		);
	}
	return false;
}

/** One value of a Lighthouse details table, as short text. */
function describeValue(/** @type {any} */ value) {
	if (value == null) return '';
	if (typeof value === 'number') return String(Math.round(value * 1000) / 1000);
	if (typeof value !== 'object') return truncate(String(value), 160);
	if (value.type === 'node') {
		const bits = [];
		if (value.selector) bits.push(code(truncate(value.selector, 120)));
		if (value.snippet) bits.push(code(truncate(value.snippet, 160)));
		if (value.explanation) {
			const detail = String(value.explanation)
				.split('\n')
				.map((line) => line.trim())
				.filter((line) => line && !/^Fix (any|all) of the following:?$/i.test(line));
			bits.push(truncate(detail.join(' '), 300));
		}
		return bits.join(' ');
	}
	if (value.type === 'source-location') return `${value.url}:${(value.line ?? 0) + 1}`;
	if (value.type === 'url' || value.type === 'link') return value.value ?? value.url ?? value.text ?? '';
	if (value.type === 'code') return code(truncate(String(value.value), 160));
	if (value.type === 'text') return truncate(String(value.value), 160);
	return '';
}

/** Lighthouse details (table, list, checklist, network tree...) as short lines. */
function describeDetails(/** @type {any} */ details, depth = 0) {
	if (!details || depth > 3) return [];
	/** @type {string[]} */
	const lines = [];
	switch (details.type) {
		case 'debugdata':
		case 'screenshot':
		case 'filmstrip':
		case 'treemap-data':
			return [];
		case 'checklist':
			return Object.values(details.items ?? {})
				.filter((/** @type {any} */ check) => check?.value === false)
				.map((/** @type {any} */ check) => `failed check: ${check.label}`);
		case 'list':
			return (details.items ?? []).flatMap((/** @type {any} */ item) => describeDetails(item, depth + 1));
		case 'list-section':
			return details.value?.type === 'network-tree' ? describeDetails(details.value, depth + 1) : [];
		case 'network-tree': {
			/** @type {string[]} */
			const chain = [];
			let node = Object.values(details.chains ?? {}).find((/** @type {any} */ c) => c.isLongest) ?? Object.values(details.chains ?? {})[0];
			while (node) {
				chain.push(new URL(node.url).pathname);
				node = Object.values(node.children ?? {}).find((/** @type {any} */ c) => c.isLongest);
			}
			return chain.length > 1
				? [`longest request chain (${Math.round(details.longestChain?.duration ?? 0)} ms): ${chain.map((p) => code(p)).join(' → ')}`]
				: [];
		}
		default: {
			if (!Array.isArray(details.items)) return [];
			for (const item of details.items) {
				if (item?.type && ['table', 'list', 'checklist', 'network-tree', 'list-section'].includes(item.type)) {
					lines.push(...describeDetails(item, depth + 1));
					continue;
				}
				if (item?.node?.type === 'text' && item.node.value === 'Total') continue;
				const bits = [];
				for (const [key, value] of Object.entries(item ?? {})) {
					if (['subItems', 'entity', 'wastedMs', 'wastedBytes', 'totalBytes', 'debugData', 'type'].includes(key)) continue;
					const text = describeValue(value);
					if (text) bits.push(typeof value === 'object' && value?.type === 'node' ? text : `${key}: ${text}`);
				}
				const subs = item?.subItems?.items ?? [];
				if (subs.length) {
					bits.push(
						subs
							.slice(0, 3)
							.map((/** @type {any} */ sub) => Object.values(sub).map(describeValue).filter(Boolean).join(' '))
							.join('; '),
					);
				}
				if (bits.length) lines.push(truncate(bits.join('; '), 480));
			}
			return lines;
		}
	}
}

/** A short, human description of what an audit found. */
export function describeAudit(/** @type {any} */ audit, /** @type {any} */ lhr) {
	const parts = [];
	if (audit.displayValue) parts.push(String(audit.displayValue));
	if (audit.explanation) parts.push(truncate(String(audit.explanation)));
	if (audit.errorMessage) parts.push(`error: ${truncate(String(audit.errorMessage))}`);
	// CLS carries only debug data; the elements that shifted are in `layout-shifts`.
	const details = audit.id === 'cumulative-layout-shift' ? lhr.audits['layout-shifts']?.details : audit.details;
	let items = describeDetails(details);
	if (audit.id === 'cumulative-layout-shift') items = items.map((line) => `shifted: ${line}`);
	if (items.length > 8) items = [...items.slice(0, 8), `(+${items.length - 8} more)`];
	return { summary: parts.join(' — '), items };
}
