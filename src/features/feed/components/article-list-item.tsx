// One article of a list: the only place a list item is rendered, so a virtualized list can reuse it.
import { memo, useId, type ReactNode, type Ref } from 'react'
import { Link } from 'react-router'
import type { Article } from '../../../shared/decode-feed.ts'
import { formatDateTime, formatWhen } from '../../../lib/format.ts'
import type { ListScope } from '../../../lib/list-scope.ts'
import { messages } from '../../../lib/messages.ts'
import { articlePath, categoryPath, tagPath } from '../../../lib/paths.ts'

export type ArticleListItemProps = {
  article: Article
  /** 1-based position in the list (aria-posinset). */
  position: number
  /** Items in the whole list, or -1 while unknown (aria-setsize). */
  setSize: number
  /** The list it belongs to: the article view's previous/next walk it. */
  from: ListScope
  /** The current time, for relative times ("5 分钟前"). */
  now: number
  /** Extra controls (read/favourite toggles) a route adds. */
  actions?: ReactNode
  /** The <article> element, for a list that observes or measures its items. */
  ref?: Ref<HTMLElement>
  /** Set by a windowed list: the item's offset (px) inside the feed, where it is placed. */
  top?: number
}

/** The source as people know it: the bundle's first tag is its source's label. */
function sourceName(article: Article): string | null {
  if (article.category === null) return null
  return article.tags[0] ?? article.category
}

export const ArticleListItem = memo(function ArticleListItem({
  article,
  position,
  setSize,
  from,
  now,
  actions,
  ref,
  top,
}: ArticleListItemProps) {
  const titleId = useId()
  const source = sourceName(article)
  return (
    <article
      ref={ref}
      className="item"
      data-index={top === undefined ? undefined : position - 1}
      style={
        top === undefined
          ? undefined
          : { position: 'absolute', top: 0, left: 0, width: '100%', translate: `0 ${top}px` }
      }
      aria-posinset={position}
      aria-setsize={setSize}
      aria-labelledby={titleId}
      tabIndex={-1}
    >
      <h2 id={titleId} className={article.titleIsStandIn ? 'item-title stand-in' : 'item-title'}>
        <Link to={articlePath(article.id, from)}>{article.title}</Link>
      </h2>
      <p className="meta">
        {source !== null && article.category !== null && (
          <Link className="source" to={categoryPath(article.category)}>
            {source}
          </Link>
        )}
        {source === null && article.authors.length > 0 && (
          <span className="source">{article.authors.join(messages.listSeparator)}</span>
        )}
        {article.publishedMs !== null && article.published !== null && (
          <time dateTime={article.published} title={formatDateTime(article.publishedMs)}>
            {formatWhen(article.publishedMs, now)}
          </time>
        )}
      </p>
      {article.summary !== '' && !article.titleIsStandIn && (
        <p className="summary">{article.summary}</p>
      )}
      {article.tags.length > 0 && (
        <ul className="tags" aria-label={messages.tags}>
          {article.tags.map((t) => (
            <li key={t}>
              <Link to={tagPath(t)}>#{t}</Link>
            </li>
          ))}
        </ul>
      )}
      {actions && <div className="actions">{actions}</div>}
    </article>
  )
})
