/**
 * Loads a lesson tool's island only when its panel comes near the viewport:
 * its module (and the store and helpers it shares with the other tools) is
 * imported then, so none of it counts against the lesson's page-load JavaScript.
 */

/**
 * Watches every `tag` element; the first time one comes within a screen of
 * the viewport, calls `load` (a dynamic import of the island's module). Until
 * then, its "needs JavaScript" note goes (scripts do run) and "Loading the
 * tool…" stays. If the import fails (offline), the panel says so.
 */
export function whenNear(tag: string, load: () => Promise<unknown>): void {
	const observer = new IntersectionObserver(
		(entries) => {
			if (!entries.some((entry) => entry.isIntersecting)) return;
			observer.disconnect();
			load().catch(() => {
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
