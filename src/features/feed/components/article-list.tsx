// A list of articles as a WAI-ARIA feed: role="feed" of <article>s, busy while loading more, and
// Page Down / Page Up moving between articles as the pattern asks.
import type { KeyboardEvent, ReactNode } from 'react'
import type { Article } from '../../../shared/decode-feed.ts'
import type { ListScope } from '../../../lib/list-scope.ts'
import { useNow } from '../../../lib/use-now.ts'
import { ArticleListItem } from './article-list-item.tsx'

export type ArticleListProps = {
  articles: readonly Article[]
  /** Accessible name of the feed. */
  label: string
  /** True while more articles are being loaded (aria-busy). */
  busy: boolean
  /** Items in the whole list, or -1 while unknown. */
  setSize: number
  from: ListScope
  /** Per-article extra controls, e.g. read/favourite toggles. */
  renderActions?: (article: Article) => ReactNode
}

function moveFocus(e: KeyboardEvent<HTMLDivElement>) {
  if (e.key !== 'PageDown' && e.key !== 'PageUp') return
  const items = Array.from(e.currentTarget.querySelectorAll<HTMLElement>(':scope > article'))
  const current = items.findIndex((a) => a.contains(document.activeElement))
  const next = items[current + (e.key === 'PageDown' ? 1 : -1)]
  if (current >= 0 && next) {
    e.preventDefault()
    next.focus()
  }
}

export function ArticleList({
  articles,
  label,
  busy,
  setSize,
  from,
  renderActions,
}: ArticleListProps) {
  const now = useNow()
  return (
    <div role="feed" aria-busy={busy} aria-label={label} className="feed" onKeyDown={moveFocus}>
      {articles.map((a, i) => (
        <ArticleListItem
          key={a.id}
          article={a}
          position={i + 1}
          setSize={setSize}
          from={from}
          now={now}
          actions={renderActions?.(a)}
        />
      ))}
    </div>
  )
}
