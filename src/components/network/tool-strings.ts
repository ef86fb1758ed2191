/**
 * Server side: the strings a network tool's script needs at run time, picked
 * from src/i18n/en.json by key prefix and passed to its island through
 * `data-strings` (keys lose their `network.` prefix). Labels already in the
 * markup are not sent again; tests/unit/network-strings.test.ts checks that
 * every string a script looks up is sent.
 */
import strings from '../../i18n/en.json';

const all = strings as Record<string, string>;

/** Every `network.*` string whose key (without `network.`) starts with one of `prefixes`. */
export function networkStrings(...prefixes: string[]): Record<string, string> {
	const picked: Record<string, string> = {};
	for (const [key, text] of Object.entries(all)) {
		if (!key.startsWith('network.')) continue;
		const short = key.slice('network.'.length);
		if (prefixes.some((prefix) => short.startsWith(prefix))) picked[short] = text;
	}
	return picked;
}

/** The keys of the error messages a form can show (its fields' possible `FieldError`s), for `networkStrings`. */
export function formErrors(...codes: string[]): string[] {
	return codes.map((code) => `error.${code}`);
}

/**
 * Shared words, error messages and the own-sector confirmation, for the
 * network page. (Each lesson tool lists exactly the strings its script uses,
 * since its page carries them; sector names travel in the sector lists.)
 */
export const commonPrefixes = ['none', 'notRecorded', 'unknownPerson', 'error.', 'own.saved'];
