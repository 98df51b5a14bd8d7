// The sources of the wide layout's sidebar: every category with its unread count, the current one
// marked. Plain links in one memoized list: 2,000 sources re-render only when their counts change.
import { memo } from 'react'
import { Link } from 'react-router'
import type { Category } from '../../../entities/article/api/directories.ts'
import { categoryPath } from '../../../entities/article/model/paths.ts'
import { formatNumber } from '../../../lib/format.ts'
import { messages } from '../../../lib/messages.ts'

export type SourceListProps = {
  categories: readonly Category[]
  /** The slug of the source on screen ('' for all), marked aria-current. */
  current: string | null
  /** Unread in a source (total: its size), or null while unknown. */
  unreadOf?: (slug: string, total: number) => number | null
  /** Unread in all sources, or null while unknown. */
  unreadAll?: number | null
}

/** The unread count inside the source's link: the number shown, the words read out. */
function Count({ n }: { n: number | null | undefined }) {
  if (n === null || n === undefined || n === 0) return null
  return (
    <>
      <span className="count" aria-hidden="true">
        {formatNumber(n)}
      </span>
      <span className="visually-hidden">{`${messages.clauseSeparator}${messages.unreadCount(formatNumber(n))}`}</span>
    </>
  )
}

export const SourceList = memo(function SourceList({
  categories,
  current,
  unreadOf,
  unreadAll,
}: SourceListProps) {
  return (
    <ul className="source-list">
      <li>
        <Link to="/" aria-current={current === '' ? 'page' : undefined}>
          <span className="name">{messages.allSources}</span>
          <Count n={unreadAll} />
        </Link>
      </li>
      {categories.map((c) => (
        <li key={c.slug}>
          <Link to={categoryPath(c.slug)} aria-current={current === c.slug ? 'page' : undefined}>
            <span className="name">{c.name}</span>
            <Count n={unreadOf?.(c.slug, c.count)} />
          </Link>
        </li>
      ))}
    </ul>
  )
})
