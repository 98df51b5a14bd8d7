// An article as lists and the article view show it: the list item (the one place a list item is
// rendered, so a windowed list can reuse it), and the meta block of source, authors, time and tags.
// The source is named once, by sourceName().
import { memo, useId, useState, type ReactNode, type Ref } from 'react'
import { Link } from 'react-router'
import { formatDay, formatFullTime, formatListTime, useDisplayZone } from '../../../lib/format.ts'
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
  /** The list shows unread articles only: so does the list beside the opened article. */
  unreadOnly?: boolean
  /** The current time, for relative times ("5 分钟前"). */
  now: number
  /** The day this item starts (今天, 昨天, a date), when it is the first of its day in the list. */
  day?: string
  /** The list's one item in the tab order (the feed's roving tabindex). */
  current?: boolean
  /** Extra controls (read/favourite toggles) a route adds. */
  actions?: ReactNode
  /** A marker before the title (the unread dot) a route adds. */
  marker?: ReactNode
  /** Shown instead of the summary (a search result's excerpt with its matches marked). */
  excerpt?: ReactNode
  /** The <article> element, for a list that observes or measures its items. */
  ref?: Ref<HTMLElement>
  /** Set by a windowed list: the item's offset (px) inside the feed, where it is placed. */
  top?: number
}

/** The article's first image, in a fixed box: lazy, sent no referrer, a quiet box if it breaks. */
function Thumbnail({ src }: { src: string }) {
  const [broken, setBroken] = useState(false)
  return (
    <span className="thumb" aria-hidden="true">
      {!broken && (
        <img
          src={src}
          alt=""
          width={96}
          height={72}
          loading="lazy"
          decoding="async"
          referrerPolicy="no-referrer"
          onError={() => setBroken(true)}
        />
      )}
    </span>
  )
}

export const ArticleListItem = memo(function ArticleListItem({
  article,
  position,
  setSize,
  from,
  unreadOnly = false,
  now,
  day,
  current = false,
  actions,
  marker,
  excerpt,
  ref,
  top,
}: ArticleListItemProps) {
  const titleId = useId()
  return (
    <article
      ref={ref}
      className={article.image ? 'item has-thumb' : 'item'}
      data-index={top === undefined ? undefined : position - 1}
      data-id={article.id}
      data-original={article.externalUrl ?? undefined}
      style={
        top === undefined
          ? undefined
          : { position: 'absolute', top: 0, left: 0, width: '100%', translate: `0 ${top}px` }
      }
      aria-posinset={position}
      aria-setsize={setSize}
      aria-labelledby={titleId}
      // The feed pattern makes each article focusable; one at a time is in the tab order.
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={current ? 0 : -1}
    >
      {day && (
        <p className="day" aria-hidden="true">
          {day}
        </p>
      )}
      {marker}
      <h2 id={titleId} className={article.titleIsStandIn ? 'item-title stand-in' : 'item-title'}>
        <Link to={articlePath(article.id, from, unreadOnly)}>{article.title}</Link>
      </h2>
      {excerpt !== undefined ? (
        <p className="summary excerpt">{excerpt}</p>
      ) : (
        article.summary !== '' &&
        !article.titleIsStandIn && <p className="summary">{article.summary}</p>
      )}
      <div className="item-foot">
        <ArticleMeta article={article} now={now} />
        <ArticleTags article={article} />
        {actions && <div className="actions">{actions}</div>}
      </div>
      {article.image && <Thumbnail src={article.image} />}
    </article>
  )
})

export type ArticleMetaProps = {
  article: Article
  /** Given: the short list form of the time ("5分钟前", "昨天 21:30"); else the full one. */
  now?: number
  /** Extra items at the end of the line (e.g. reading time). */
  children?: ReactNode
}

export function ArticleMeta({ article, now, children }: ArticleMetaProps) {
  useDisplayZone()
  const source = sourceName(article)
  const { publishedMs, published, dateOnly } = article
  const full = publishedMs === null ? '' : formatFullTime(publishedMs, dateOnly)
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
        <time dateTime={dateOnly ? published.slice(0, 10) : published} title={full}>
          {now === undefined
            ? dateOnly
              ? formatDay(publishedMs)
              : full
            : formatListTime(publishedMs, now, dateOnly)}
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
  return <TagLinks tags={article.tags.filter((t) => t !== source)} />
}

/** Tags as links to their lists. */
export function TagLinks({ tags }: { tags: readonly string[] }) {
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
