/**
 * Islands that show what src/lib says (its `Phrase`s: src/lib/learner/phrase.ts)
 * use this; kept apart from ./island.ts so the islands that never do (most
 * of them, on every page) do not carry it.
 */
import { say, type Strings } from './island';

/**
 * A phrase from src/lib (a catalog key and its values: src/lib/learner/phrase.ts)
 * in the island's words. Pure code may return any catalog key, so this one
 * lookup is checked at run time: the island's list in src/i18n/islands.ts
 * names the families of keys it can be given (`network.summary.`…), and a key
 * it was not handed shows as itself, so the gap is easy to spot.
 */
export function sayPhrase(strings: Strings<string>, phrase: { key: string; vars: Record<string, string | number> }): string {
	const text: string | undefined = strings[phrase.key];
	return text === undefined ? phrase.key : say(strings, phrase.key, phrase.vars);
}
