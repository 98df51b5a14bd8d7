// The meta block of an article wherever it is shown (list item, article view): its source, authors
// and time, and its tags as links. The source is named once, by sourceName().
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { formatDateTime, formatWhen } from '../../../lib/format.ts'
import { messages } from '../../../lib/messages.ts'
import { sourceName, type Article } from '../model/article.ts'
import { categoryPath, tagPath } from '../model/paths.ts'

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
