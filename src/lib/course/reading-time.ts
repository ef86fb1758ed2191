/**
 * Reading time for lesson cards and headers. Busy readers plan around it,
 * so it counts only words a person reads, not MDX markup.
 */

/** Words per minute for attentive reading of prose (a common, conservative figure). */
export const WORDS_PER_MINUTE = 200;

/** Strips MDX/Markdown syntax (imports, tags, expressions, markers) and returns the plain words. */
export function plainWords(source: string): string[] {
	const text = source
		.replace(/^\s*(import|export)\s.*$/gm, ' ')
		.replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ')
		.replace(/<\/?[A-Za-z][^>]*>/g, ' ')
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/[#>*_`~|-]+/g, ' ');
	return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
}

/** Whole minutes needed to read `source`, at least 1 for any non-empty text, 0 for none. */
export function readingMinutes(source: string, wordsPerMinute = WORDS_PER_MINUTE): number {
	const words = plainWords(source).length;
	if (words === 0) return 0;
	return Math.max(1, Math.round(words / wordsPerMinute));
}
