/**
 * Where the original post lives, from the build-time setting
 * ORIGINAL_POST_URL (src/integrations/site-settings.ts). Lives outside
 * src/lib because it reads `astro:env`.
 */
import { ORIGINAL_POST_URL } from 'astro:env/server';

/**
 * The original post's address, or undefined when ORIGINAL_POST_URL is unset
 * or empty. Anything but an http(s) address fails the build with the
 * setting named, so a mistyped value never ships as a broken link.
 */
export function originalPostUrl(value: string | undefined = ORIGINAL_POST_URL): string | undefined {
	if (!value) return undefined;
	const protocol = URL.canParse(value) ? new URL(value).protocol : '';
	if (protocol !== 'https:' && protocol !== 'http:') {
		throw new Error(`ORIGINAL_POST_URL must be an http:// or https:// address of the original post; it is "${value}".`);
	}
	return value;
}
