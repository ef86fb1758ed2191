/**
 * Loads a lesson tool's island only when its panel comes near the viewport:
 * its module (and the store and helpers it shares with the other tools) is
 * imported then, so none of it counts against the lesson's page-load JavaScript.
 *
 * The styles of what only exists once a tool runs (errors, lists, charts:
 * network-tools-runtime.css) are a stylesheet from this site, linked here
 * (the Content-Security-Policy allows no inline style it does not know, so
 * they cannot be injected as a `<style>`). It is requested as soon as the
 * page has a tool, never blocking the first render, and a tool's module is
 * imported only once it has loaded (or failed), so nothing a tool draws is
 * shown unstyled. The /network page inlines the same styles instead.
 */
import runtimeStylesheet from '../../styles/network-tools-runtime.css?url';

let stylesheet: Promise<void> | undefined;

/** Links the tools' runtime stylesheet once; settles when it has loaded or failed. */
function toolStyles(): Promise<void> {
	stylesheet ??= new Promise((resolve) => {
		const link = document.createElement('link');
		link.rel = 'stylesheet';
		link.href = runtimeStylesheet;
		link.addEventListener('load', () => resolve(), { once: true });
		link.addEventListener('error', () => resolve(), { once: true });
		document.head.append(link);
	});
	return stylesheet;
}

/**
 * Watches every `tag` element; the first time one comes within a screen of
 * the viewport, calls `load` (a dynamic import of the island's module). Until
 * then, its "needs JavaScript" note goes (scripts do run) and "Loading the
 * tool…" stays. If the import fails (offline), the panel says so.
 */
export function whenNear(tag: string, load: () => Promise<unknown>): void {
	if (!document.querySelector(tag)) return;
	const styled = toolStyles();
	const observer = new IntersectionObserver(
		(entries) => {
			if (!entries.some((entry) => entry.isIntersecting)) return;
			observer.disconnect();
			styled.then(load).catch(() => {
				for (const error of document.querySelectorAll<HTMLElement>(`${tag} .load-error`)) error.hidden = false;
			});
		},
		{ rootMargin: '100% 0px' },
	);
	for (const island of document.querySelectorAll(tag)) {
		// CSS already hides it where the `scripting` media feature is known.
		for (const note of island.querySelectorAll('.no-js')) note.remove();
		observer.observe(island);
	}
}
