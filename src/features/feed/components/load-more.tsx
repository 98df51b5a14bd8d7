// "加载更多": a button for keyboards and screen readers, and a sentinel that loads the next page by
// itself when it scrolls into view.
import { useEffect, useRef } from 'react'
import { messages } from '../../../lib/messages.ts'

/** Pages in a row that may load by themselves without adding a shown item (a filtered list). */
const DRY_LOADS = 2

export type LoadMoreProps = {
  loading: boolean
  onLoadMore: () => void
  /** Items the list shows: a page that adds none is a "dry" load. */
  shown: number
}

export function LoadMore({ loading, onLoadMore, shown }: LoadMoreProps) {
  const sentinel = useRef<HTMLDivElement>(null)
  const latest = useRef({ loading, onLoadMore })
  const visible = useRef(false)
  const dry = useRef({ count: 0, shown, loading })
  useEffect(() => {
    latest.current = { loading, onLoadMore }
  })
  // A page that did not fill the screen leaves the sentinel in view, and an observer only reports
  // changes: keep loading while it stays in view, but only while pages add something to show
  // (with "unread only" and everything read, that would fetch the whole archive).
  useEffect(() => {
    const d = dry.current
    const finished = d.loading && !loading
    d.loading = loading
    if (!finished) return
    d.count = shown > d.shown ? 0 : d.count + 1
    d.shown = shown
    if (visible.current && d.count < DRY_LOADS) latest.current.onLoadMore()
  }, [loading, shown])
  useEffect(() => {
    const el = sentinel.current
    if (!el || typeof IntersectionObserver === 'undefined') return
    const io = new IntersectionObserver(
      (entries) => {
        visible.current = entries.some((e) => e.isIntersecting)
        if (visible.current && !latest.current.loading) latest.current.onLoadMore()
      },
      { rootMargin: '600px 0px' },
    )
    io.observe(el)
    return () => io.disconnect()
  }, [])
  const click = () => {
    dry.current.count = 0
    onLoadMore()
  }
  return (
    <div className="load-more" ref={sentinel}>
      <button type="button" onClick={click} disabled={loading}>
        {loading ? messages.loadingMore : messages.loadMore}
      </button>
    </div>
  )
}
