// Previous/next within the list the article was opened from, read from that list's query (fetched
// again after a reload, so the links survive it); the scope stays in `?from=`.
import { useInfiniteQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { listInfiniteQueryOptions } from '../../../entities/article/api/lists.ts'
import { articlePath } from '../../../entities/article/model/paths.ts'
import type { ListScope } from '../../../entities/article/model/scope.ts'
import { messages } from '../../../lib/messages.ts'

export type ArticleNavProps = {
  id: string
  from: ListScope
  /** The list was unread only: so are the neighbours' addresses. */
  unread?: boolean
}

export function ArticleNav({ id, from, unread = false }: ArticleNavProps) {
  const { data } = useInfiniteQuery(listInfiniteQueryOptions(from))
  const list = data?.pages.flatMap((p) => p.articles) ?? []
  const i = list.findIndex((a) => a.id === id)
  const prev = i > 0 ? list[i - 1] : undefined
  const next = i >= 0 ? list[i + 1] : undefined
  if (!prev && !next) return null
  return (
    <nav className="article-nav" aria-label={messages.articleNav}>
      {prev && (
        <Link rel="prev" to={articlePath(prev.id, from, unread)}>
          <span className="nav-label">{messages.previous}</span> {prev.title}
        </Link>
      )}
      {next && (
        <Link rel="next" to={articlePath(next.id, from, unread)}>
          <span className="nav-label">{messages.next}</span> {next.title}
        </Link>
      )}
    </nav>
  )
}
