// The read/unread toggle of a list item or article view: a pressed button means "read". In a list
// it can also mark the article read when the reader scrolls past it (when the setting says so).
import { useCallback } from 'react'
import { messages } from '../../../lib/messages.ts'
import { setRead, useIsRead } from '../hooks.ts'
import type { Markable } from '../read-marks-store.ts'
import { useMarkReadMode } from '../read-settings.ts'

export type ReadToggleProps = {
  article: Markable
  /** In lists: mark read once this item has scrolled out past the top of the viewport. */
  markOnScrollPast?: boolean
}

export function ReadToggle({ article, markOnScrollPast = false }: ReadToggleProps) {
  const read = useIsRead(article)
  const mode = useMarkReadMode()
  const watch = markOnScrollPast && mode === 'scroll' && !read
  const ref = useCallback(
    (el: HTMLButtonElement | null) => {
      if (!el || !watch || typeof IntersectionObserver === 'undefined') return
      const io = new IntersectionObserver((entries) => {
        for (const e of entries) {
          const top = e.rootBounds?.top ?? 0
          if (!e.isIntersecting && e.boundingClientRect.bottom <= top) setRead([article], true)
        }
      })
      io.observe(el)
      return () => io.disconnect()
    },
    [watch, article],
  )
  return (
    <button
      ref={ref}
      type="button"
      className="read-toggle"
      aria-pressed={read}
      title={read ? messages.readToggleHintRead : messages.readToggleHintUnread}
      onClick={() => setRead([article], !read)}
    >
      {messages.readToggle}
    </button>
  )
}
