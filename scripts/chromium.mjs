/**
 * The Chromium the e2e tests and the benchmarks drive: Debian's package
 * (Playwright's own browser downloads are not reachable from these machines),
 * or CHROMIUM_PATH. One list of flags, so tests and measurements run the
 * same browser the same way.
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumFlags = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];
