// An article as lists and the article view show it: the list item (the one place a list item is
// rendered, so a windowed list can reuse it), and the meta block of source, authors, time and tags.
// The source is named once, by sourceName().
import { memo, useId, type ReactNode, type Ref } from 'react'
import { Link } from 'react-router'
import { formatDateTime, formatWhen } from '../../../lib/format.ts'
import { messages } from '../../../lib/messages.ts'
import { sourceName, type Article } from '../model/article.ts'
import { articlePath, categoryPath, tagPath } from '../model/paths.ts'
import type { ListScope } from '../model/scope.ts'

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
  /** A marker before the title (the unread dot) a route adds. */
  marker?: ReactNode
  /** The <article> element, for a list that observes or measures its items. */
  ref?: Ref<HTMLElement>
  /** Set by a windowed list: the item's offset (px) inside the feed, where it is placed. */
  top?: number
}

export const ArticleListItem = memo(function ArticleListItem({
  article,
  position,
  setSize,
  from,
  now,
  actions,
  marker,
  ref,
  top,
}: ArticleListItemProps) {
  const titleId = useId()
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
      {marker}
      <h2 id={titleId} className={article.titleIsStandIn ? 'item-title stand-in' : 'item-title'}>
        <Link to={articlePath(article.id, from)}>{article.title}</Link>
      </h2>
      <ArticleMeta article={article} now={now} />
      {article.summary !== '' && !article.titleIsStandIn && (
        <p className="summary">{article.summary}</p>
      )}
      <ArticleTags article={article} />
      {actions && <div className="actions">{actions}</div>}
    </article>
  )
})

export type ArticleMetaProps = {
  article: Article
  /** Given: recent times read relative to it ("5 分钟前"); else the full date and time. */
  now?: number
  /** Extra items at the end of the line (e.g. reading time). */
  children?: ReactNode
}

export function ArticleMeta({ article, now, children }: ArticleMetaProps) {
  const source = sourceName(article)
  const { publishedMs, published } = article
  return (
    <p className="meta">
      {source !== null && article.category !== null && (
        <Link className="source" to={categoryPath(article.category)}>
          {source}
        </Link>
      )}
      {article.authors.length > 0 && (
        <span className="source">{messages.by(article.authors.join(messages.listSeparator))}</span>
      )}
      {publishedMs !== null && published !== null && (
        <time dateTime={published} title={formatDateTime(publishedMs)}>
          {now === undefined ? formatDateTime(publishedMs) : formatWhen(publishedMs, now)}
        </time>
      )}
      {children}
    </p>
  )
}

export type ArticleTagsProps = { article: Article }

/** The article's tags as links; a tag that only repeats the source's name is left out. */
export function ArticleTags({ article }: ArticleTagsProps) {
  const source = sourceName(article)
  const tags = article.tags.filter((t) => t !== source)
  if (tags.length === 0) return null
  return (
    <ul className="tags" aria-label={messages.tags}>
      {tags.map((t) => (
        <li key={t}>
          <Link to={tagPath(t)}>#{t}</Link>
        </li>
      ))}
    </ul>
  )
}
