// "加载更多": a button for keyboards and screen readers, and a sentinel that loads the next page by
// itself when it scrolls into view.
import { useEffect, useRef } from 'react'
import { messages } from '../../../lib/messages.ts'

export type LoadMoreProps = {
  loading: boolean
  onLoadMore: () => void
}

export function LoadMore({ loading, onLoadMore }: LoadMoreProps) {
  const sentinel = useRef<HTMLDivElement>(null)
  const latest = useRef({ loading, onLoadMore })
  const visible = useRef(false)
  useEffect(() => {
    latest.current = { loading, onLoadMore }
  })
  // A page that did not fill the screen (or a filtered page with no match) leaves the sentinel in
  // view, and an observer only reports changes: keep loading until it scrolls out of view.
  useEffect(() => {
    if (!loading && visible.current) latest.current.onLoadMore()
  }, [loading])
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
  return (
    <div className="load-more" ref={sentinel}>
      <button type="button" onClick={onLoadMore} disabled={loading}>
        {loading ? messages.loadingMore : messages.loadMore}
      </button>
    </div>
  )
}
