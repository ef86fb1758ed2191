/**
 * The no-flash theme script: BaseLayout runs it in <head>, before first paint,
 * so a saved theme never shows the wrong colours for a frame. It is kept as a
 * string because it must stay inline (an external file would arrive too late)
 * and Astro's Content-Security-Policy hashes only the scripts it bundles:
 * src/integrations/content-security-policy.ts lists the hash of exactly this
 * text, so the page and its policy cannot drift apart.
 */
export const THEME_SCRIPT =
	"try{const theme=localStorage.getItem('theme');if(theme==='light'||theme==='dark')document.documentElement.dataset.theme=theme}catch{}";
