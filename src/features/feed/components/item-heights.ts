// Heights of list items by article id, kept for the session: a windowed list estimates the items it
// has not rendered from them, so switching to windowing, or coming back to a long list, lands where
// the reader was.
export const itemHeights = new Map<string, number>()

/** Records the heights of the rendered <article>s of a feed, `keys` being their ids in order. */
export function rememberHeights(feed: HTMLElement, keys: readonly string[]) {
  feed.querySelectorAll<HTMLElement>(':scope > article').forEach((el, i) => {
    const key = keys[i]
    if (key !== undefined) itemHeights.set(key, el.getBoundingClientRect().height)
  })
}
