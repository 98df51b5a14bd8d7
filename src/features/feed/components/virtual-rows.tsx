// Long lists, windowed with @tanstack/react-virtual: only the articles near the viewport (and the
// one holding keyboard focus) are in the DOM, placed absolutely inside the feed. Loaded lazily by
// ArticleList once a list grows long, so the first screen never downloads it.
import {
  useCallback,
  useLayoutEffect,
  useRef,
  useState,
  type ReactNode,
  type RefCallback,
  type RefObject,
} from 'react'
import {
  defaultRangeExtractor,
  measureElement,
  useWindowVirtualizer,
  type Range,
} from '@tanstack/react-virtual'
import { holdPlace, holding, type Place } from '../../../lib/hold-place.ts'
import { itemHeights } from './item-heights.ts'

/** How long the switch to windowing may take to settle, the reader's place held meanwhile. */
const SWITCH_MS = 1_000
/** A typical list item, until one is measured. */
const ESTIMATE = 140

/**
 * Where `feed` starts in the document. Content above it (header, the new-items banner) can change
 * height, which resizes the body: a ResizeObserver on it keeps the offset current.
 */
function useDocumentTop(feed: RefObject<HTMLElement | null>): number {
  const [top, setTop] = useState(0)
  useLayoutEffect(() => {
    const el = feed.current
    if (!el || typeof ResizeObserver === 'undefined') return
    const ro = new ResizeObserver(() =>
      setTop(Math.round(el.getBoundingClientRect().top + window.scrollY)),
    )
    ro.observe(document.body)
    return () => ro.disconnect()
  }, [feed])
  return top
}

export type VirtualRowsProps = {
  /** Item keys (article ids), in list order. */
  keys: readonly string[]
  feed: RefObject<HTMLDivElement | null>
  /** Where the reader was in the list before it was windowed: kept as it mounts. */
  place: RefObject<Place | undefined>
  /** Index of the item holding keyboard focus (kept rendered with its neighbours), or -1. */
  focused: number
  /** Called with each rendered item element (e.g. to observe it); returns its cleanup. */
  itemRef: (el: HTMLElement) => () => void
  /** Renders item `index` at `top` px inside the feed, with `ref` on its <article>. */
  renderItem: (index: number, top: number, ref: RefCallback<HTMLElement>) => ReactNode
}

export function VirtualRows({ keys, feed, place, focused, itemRef, renderItem }: VirtualRowsProps) {
  const margin = useDocumentTop(feed)
  const virtualizer = useWindowVirtualizer({
    count: keys.length,
    estimateSize: (i) => itemHeights.get(keys[i] ?? '') ?? ESTIMATE,
    getItemKey: (i) => keys[i] ?? i,
    overscan: 4,
    scrollMargin: margin,
    rangeExtractor: useCallback(
      (range: Range) => {
        const indexes = defaultRangeExtractor(range)
        if (focused < 0) return indexes
        // The focused item and its neighbours stay rendered: focus is never lost to scrolling,
        // and Page Up / Page Down always find the next article.
        const keep = [focused - 1, focused, focused + 1].filter((i) => i >= 0 && i < range.count)
        return [...new Set([...indexes, ...keep])].sort((a, b) => a - b)
      },
      [focused],
    ),
    measureElement: (el, entry, instance) => {
      const size = measureElement(el, entry, instance)
      const key = keys[Number(el.getAttribute('data-index'))]
      if (key !== undefined) itemHeights.set(key, size)
      return size
    },
  })
  // Mounting under a scrolled window, the virtualizer may move it to where the window was when
  // this render began: the article the reader had at the top of the window stays there.
  // Not while another hold runs: a restore after a reload knows the place better than the list,
  // which it has been scrolling as the list grew.
  useLayoutEffect(() => {
    const at = place.current
    if (!holding && at?.[1] !== undefined) return holdPlace(at, SWITCH_MS)
  }, [place])
  // Switching to windowing re-creates the items: the article that had keyboard focus (kept in
  // the range above) gets it back as soon as it is rendered, unless focus went elsewhere.
  const restoreFocus = useRef(true)
  useLayoutEffect(() => {
    if (!restoreFocus.current || focused < 0) return
    const item = feed.current?.querySelector<HTMLElement>(
      `:scope > article[aria-posinset="${focused + 1}"]`,
    )
    if (!item) return
    restoreFocus.current = false
    if (document.activeElement === document.body) item.focus({ preventScroll: true })
  })
  const measure = virtualizer.measureElement
  const ref = useCallback(
    (el: HTMLElement | null) => {
      if (!el) return
      measure(el)
      const release = itemRef(el)
      return () => {
        release()
        measure(null)
      }
    },
    [measure, itemRef],
  )
  return (
    <>
      <div aria-hidden="true" style={{ height: virtualizer.getTotalSize() }} />
      {virtualizer.getVirtualItems().map((v) => renderItem(v.index, v.start - margin, ref))}
    </>
  )
}
