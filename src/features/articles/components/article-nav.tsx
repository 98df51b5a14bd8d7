// Previous/next within the list the article was opened from; the scope stays in `?from=` so the
// links survive a reload.
import { Link } from 'react-router'
import type { Article } from '../../../shared/decode-feed.ts'
import type { ListScope } from '../../../lib/list-scope.ts'
import { messages } from '../../../lib/messages.ts'
import { articlePath } from '../../../lib/paths.ts'

export type ArticleNavProps = {
  prev: Article | null
  next: Article | null
  from: ListScope
}

export function ArticleNav({ prev, next, from }: ArticleNavProps) {
  if (!prev && !next) return null
  return (
    <nav className="article-nav" aria-label={messages.articleNav}>
      {prev && (
        <Link rel="prev" to={articlePath(prev.id, from)}>
          <span className="nav-label">{messages.previous}</span> {prev.title}
        </Link>
      )}
      {next && (
        <Link rel="next" to={articlePath(next.id, from)}>
          <span className="nav-label">{messages.next}</span> {next.title}
        </Link>
      )}
    </nav>
  )
}
