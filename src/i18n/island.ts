/**
 * The island side of the strings hand-off. A component renders
 * `data-strings={islandStrings('<tag>')}` on its custom element; the island
 * reads them with `readStrings<'<tag>'>(this)` and gets exactly the keys
 * listed for its tag in src/i18n/islands.ts, typed: a key the island uses
 * but its list (or the catalog) lacks fails `astro check`. Only types come
 * from islands.ts, so no catalog reaches the browser through here.
 */
import type { IslandKey, IslandTag } from './islands';
import { fill, type Strings } from './template';

export type { Strings };

/** The strings the component rendered into `element`'s `data-strings` for island `T`. */
export function readStrings<T extends IslandTag>(element: HTMLElement): Strings<IslandKey<T>> {
	return JSON.parse(element.dataset.strings ?? '{}') as Strings<IslandKey<T>>;
}

/** `strings[key]` with its `{{placeholders}}` filled from `vars`. */
export function say<K extends string>(strings: Strings<K>, key: NoInfer<K>, vars: Record<string, string | number> = {}): string {
	return fill(strings[key], vars);
}
