// A list of articles as a WAI-ARIA feed: role="feed" of <article>s, busy while loading more, and
// Page Down / Page Up moving between articles as the pattern asks. A long list is windowed
// (virtual-rows.tsx, loaded once a list grows): the DOM holds about a screenful plus the focused
// item, so thousands of loaded items scroll smoothly; a short one stays whole for find-in-page.
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useDeferredValue,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type ReactNode,
  type RefCallback,
} from 'react'
import type { Article } from '../../../entities/article/model/article.ts'
import type { ListScope } from '../../../entities/article/model/scope.ts'
import { dayKey, formatDayLabel, useDisplayZone } from '../../../lib/format.ts'
import { placeNow, type Place } from '../../../lib/hold-place.ts'
import { useNow } from '../../../lib/use-now.ts'
import { ArticleListItem } from '../../../entities/article/ui/article-card.tsx'
import { rememberHeights } from './item-heights.ts'

/** Lists longer than this are windowed. */
const WINDOW_FROM = 100
/**
 * Items in a cold start's first frame: more than a phone's screen holds (so the load-more sentinel
 * stays out of reach), less than a page, whose rest renders right after in a transition. Fewer
 * items, less of the first render and layout on a slow phone.
 */
const FIRST_PAINT = 12
/** True until the first list of a page load renders; a reload or back/forward restores scrolling. */
let coldStart =
  typeof performance !== 'undefined' &&
  (performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined)
    ?.type === 'navigate'
/** An item in view this long counts as one the reader may open: its body is fetched ahead. */
const DWELL_MS = 300

type VirtualModule = typeof import('./virtual-rows.tsx')
let virtualModule: VirtualModule | undefined
let virtualLoading: Promise<unknown> | undefined
const loadVirtual = () =>
  (virtualLoading ??= import('./virtual-rows.tsx').then((m) => (virtualModule = m)))

export type ArticleListProps = {
  articles: readonly Article[]
  /** Accessible name of the feed. */
  label: string
  /** True while more articles are being loaded (aria-busy). */
  busy: boolean
  /** Items in the whole list, or -1 while unknown. */
  setSize: number
  from: ListScope
  /** Only unread articles are shown (their links say so). */
  unreadOnly?: boolean
  /** Per-article extra controls, e.g. read/favourite toggles. */
  renderActions?: (article: Article) => ReactNode
  /** Per-article marker before the title, e.g. the unread dot. */
  renderMarker?: (article: Article) => ReactNode
  /** Per-article text shown instead of the summary, e.g. a search result's excerpt. */
  renderExcerpt?: (article: Article) => ReactNode
  /** The reader may open this article soon (hovered, focused, or in view a moment): prefetch it. */
  onIntent?: (article: Article) => void
}

function moveFocus(e: KeyboardEvent<HTMLDivElement>) {
  if (e.key !== 'PageDown' && e.key !== 'PageUp') return
  const current = document.activeElement?.closest('article')
  if (!current || current.parentElement !== e.currentTarget) return
  const pos = Number(current.getAttribute('aria-posinset')) + (e.key === 'PageDown' ? 1 : -1)
  const next = e.currentTarget.querySelector<HTMLElement>(
    `:scope > article[aria-posinset="${pos}"]`,
  )
  if (next) {
    e.preventDefault()
    next.focus()
  }
}

/** The list index of the <article> around `el`, or -1. */
const indexOf = (el: Element | null) =>
  Number(el?.closest('article')?.getAttribute('aria-posinset') ?? 0) - 1

export function ArticleList({
  articles,
  label,
  busy,
  setSize,
  from,
  unreadOnly,
  renderActions,
  renderMarker,
  renderExcerpt,
  onIntent,
}: ArticleListProps) {
  const now = useNow()
  useDisplayZone() // the day headers follow the display zone
  // A cold start paints the first screenful at once and the rest of the page right after. Only
  // the first list of a fresh page load: a reload or back/forward may restore a scroll position.
  const [cold] = useState(coldStart)
  useEffect(() => {
    coldStart = false
  }, [])
  const limit = useDeferredValue(WINDOW_FROM, cold ? FIRST_PAINT : WINDOW_FROM)
  const feed = useRef<HTMLDivElement>(null)
  const [focused, setFocused] = useState(-1)
  // The one item of the list in the tab order (roving tabindex): the last one focused.
  const [current, setCurrent] = useState(0)
  const [, setVirtualLoaded] = useState(virtualModule !== undefined)
  const keys = useMemo(() => articles.map((a) => a.id), [articles])
  const Rows = articles.length > WINDOW_FROM ? virtualModule?.VirtualRows : undefined

  // Fetch the windowing code while the second page arrives, before the list needs it.
  const growing = articles.length > WINDOW_FROM / 2
  useEffect(() => {
    if (growing && !virtualModule) void loadVirtual().then(() => setVirtualLoaded(true))
  }, [growing])
  // One tab stop an item: only the current item's own links and buttons are in the tab order.
  useLayoutEffect(() => {
    feed.current?.querySelectorAll<HTMLElement>(':scope > article').forEach((item) => {
      const inOrder = item.tabIndex === 0
      item.querySelectorAll<HTMLElement>('a, button').forEach((el) => {
        if (el.closest('[aria-hidden="true"]')) return
        if (inOrder) el.removeAttribute('tabindex')
        else el.setAttribute('tabindex', '-1')
      })
    })
  })
  // Heights of the whole list, taken before it switches to windowing, so nothing jumps then; and
  // the reader's place in it, which the windowed list keeps as it mounts (virtual-rows.tsx).
  const place = useRef<Place>(undefined)
  useLayoutEffect(() => {
    if (Rows || !feed.current) return
    if (growing) rememberHeights(feed.current, keys)
    const keep = () => {
      place.current = placeNow()
    }
    keep()
    addEventListener('scroll', keep)
    return () => removeEventListener('scroll', keep)
  })

  const latest = useRef({ articles, onIntent })
  useEffect(() => {
    latest.current = { articles, onIntent }
  })
  const lastIntent = useRef<string | null>(null)
  const intent = useCallback((i: number) => {
    const a = latest.current.articles[i]
    if (!a || a.id === lastIntent.current) return
    lastIntent.current = a.id
    latest.current.onIntent?.(a)
  }, [])
  // Items that stay in view for DWELL_MS are prefetched (not when the reader saves data).
  const io = useRef<IntersectionObserver | null>(null)
  const timers = useRef(new Map<Element, number>())
  const observe = useCallback(
    (el: HTMLElement) => {
      const saveData = (navigator as { connection?: { saveData?: boolean } }).connection?.saveData
      if (!latest.current.onIntent || saveData || typeof IntersectionObserver === 'undefined')
        return () => {}
      const stop = (t: Element) => {
        clearTimeout(timers.current.get(t))
        timers.current.delete(t)
      }
      io.current ??= new IntersectionObserver((entries) => {
        for (const e of entries) {
          stop(e.target)
          if (e.isIntersecting)
            timers.current.set(
              e.target,
              window.setTimeout(() => intent(indexOf(e.target)), DWELL_MS),
            )
        }
      })
      io.current.observe(el)
      return () => {
        io.current?.unobserve(el)
        stop(el)
      }
    },
    [intent],
  )
  useEffect(
    () => () => {
      io.current?.disconnect()
      io.current = null
      timers.current.forEach((t) => clearTimeout(t))
    },
    [],
  )
  const plainRef = useCallback(
    (el: HTMLElement | null) => (el ? observe(el) : undefined),
    [observe],
  )

  const empty = articles.length === 0
  const item = (i: number, top?: number, ref: RefCallback<HTMLElement> = plainRef) => {
    const a = articles[i]
    if (!a) return null
    // The first article of each day carries the day's name.
    const prev = articles[i - 1]
    const day =
      a.publishedMs !== null &&
      (!prev ||
        prev.publishedMs === null ||
        dayKey(prev.publishedMs, prev.dateOnly) !== dayKey(a.publishedMs, a.dateOnly))
        ? formatDayLabel(a.publishedMs, now, a.dateOnly)
        : undefined
    return (
      <ArticleListItem
        key={a.id}
        ref={ref}
        top={top}
        article={a}
        position={i + 1}
        setSize={setSize}
        from={from}
        unreadOnly={unreadOnly}
        now={now}
        day={day}
        current={i === Math.min(current, articles.length - 1)}
        actions={renderActions?.(a)}
        marker={renderMarker?.(a)}
        excerpt={renderExcerpt?.(a)}
      />
    )
  }

  return (
    // The feed pattern's keys (Page Down / Page Up) are handled on the feed itself.
    <div
      // A feed must hold articles: with none (loading, empty, all hidden as read) the element stays
      // but is no feed, and the page's notices say why the list is empty.
      role={empty ? undefined : 'feed'}
      aria-busy={empty ? undefined : busy}
      aria-label={empty ? undefined : label}
      className="feed"
      ref={feed}
      style={Rows ? { position: 'relative' } : undefined}
      onKeyDown={moveFocus}
      onFocus={(e: FocusEvent) => {
        const i = indexOf(e.target)
        setFocused(i)
        if (i >= 0) setCurrent(i)
        intent(i)
      }}
      onBlur={(e: FocusEvent) => {
        // Only when focus moves elsewhere: an item removed on the switch to windowing blurs too.
        if (e.relatedTarget && !feed.current?.contains(e.relatedTarget)) setFocused(-1)
      }}
      onPointerOver={(e) => intent(indexOf(e.target as Element))}
    >
      {Rows ? (
        <Rows
          keys={keys}
          feed={feed}
          place={place}
          focused={focused}
          itemRef={observe}
          renderItem={item}
        />
      ) : (
        // Until the windowing code is there, a long list shows its first items only.
        keys.slice(0, limit).map((_, i) => item(i))
      )}
    </div>
  )
}
