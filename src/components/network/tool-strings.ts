/**
 * Server side: the strings a network tool needs, picked from src/i18n/en.json
 * by key prefix and passed to its island through `data-strings` (keys lose
 * their `network.` prefix). Only what a tool uses is sent with its page.
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

/**
 * What the tools with forms and sectors need: shared words, error messages
 * and the own-sector question. (Sector names travel in the sector lists.)
 */
export const commonPrefixes = ['none', 'notRecorded', 'unknownPerson', 'error.', 'own.'];
