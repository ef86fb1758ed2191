/**
 * Which address a request comes from, for the per-IP rate limit. By default
 * the socket's: `X-Forwarded-For` is written by whoever sends the request,
 * so it is ignored unless TRUST_PROXY says which proxies in front of the
 * server may be believed:
 *
 * - a number of hops (`1` for one nginx or Caddy): the client is that many
 *   entries from the right of the chain socket ← X-Forwarded-For, because
 *   each trusted proxy appends the address it received the request from and
 *   everything further left came from the client;
 * - a comma-separated list of proxy addresses and CIDRs
 *   (`127.0.0.1, 10.0.0.0/8, ::1`): walking from the socket leftwards, the
 *   first address that is not one of them is the client.
 *
 * The chosen value must be an IP address (`net.isIP`); anything else (a
 * forged word, a 16,000-character string) is ignored and the socket address
 * is used, so a client can never pick its own rate-limit bucket.
 */
import { BlockList, isIP } from 'node:net';

/** Parsed TRUST_PROXY: trust nothing, a number of hops, or a set of proxy addresses. */
export type TrustProxy = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'addresses'; list: BlockList; source: string };

/** IPv4-mapped IPv6 (`::ffff:1.2.3.4`, as dual-stack sockets report IPv4 peers) as plain IPv4. */
function unmapped(address: string): string {
	return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
}

/** Parses TRUST_PROXY; throws a message naming the setting and the bad part. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
	const text = (value ?? '').trim();
	if (text === '' || text === '0') return { kind: 'none' };
	if (/^\d+$/.test(text)) {
		const hops = Number(text);
		if (hops > 32)
			throw new Error(`TRUST_PROXY: ${hops} hops is more proxies than any real chain; give the number of proxies in front of the server.`);
		return { kind: 'hops', hops };
	}
	const list = new BlockList();
	for (const part of text.split(',').map((item) => item.trim())) {
		const [address = '', prefix, extra] = part.split('/');
		const ip = unmapped(address);
		const family = isIP(ip);
		const bits = prefix === undefined ? (family === 6 ? 128 : 32) : /^\d+$/.test(prefix) ? Number(prefix) : NaN;
		if (!family || extra !== undefined || !(bits >= 0 && bits <= (family === 6 ? 128 : 32)))
			throw new Error(
				`TRUST_PROXY: "${part}" is not an IP address or CIDR range. Use a number of proxy hops (e.g. 1) or a comma-separated list such as "127.0.0.1, 10.0.0.0/8, ::1".`,
			);
		list.addSubnet(ip, bits, family === 6 ? 'ipv6' : 'ipv4');
	}
	return { kind: 'addresses', list, source: text };
}

/** An address as proxies write it in X-Forwarded-For, without brackets or port (`[::1]:80`, `1.2.3.4:80`). */
function bareAddress(entry: string): string {
	const value = entry.trim();
	const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
	if (bracketed) return bracketed[1]!;
	const withPort = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(value);
	return unmapped(withPort ? withPort[1]! : value);
}

function isTrustedAddress(list: BlockList, address: string): boolean {
	const family = isIP(address);
	return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client address of a request that arrived from `socketAddress` with
 * this `X-Forwarded-For` header (null when absent), under `trust`.
 */
export function clientAddress(socketAddress: string, forwardedFor: string | null, trust: TrustProxy): string {
	const socket = unmapped(socketAddress);
	if (trust.kind === 'none' || !forwardedFor) return socket;
	// Nearest first: the socket, then X-Forwarded-For from its right end.
	const chain = [socket, ...forwardedFor.split(',').map(bareAddress).reverse()];
	let index: number;
	if (trust.kind === 'hops') {
		index = Math.min(trust.hops, chain.length - 1);
	} else {
		index = 0;
		while (index < chain.length - 1 && isTrustedAddress(trust.list, chain[index]!)) index += 1;
	}
	const candidate = chain[index]!;
	return isIP(candidate) ? candidate : socket;
}
