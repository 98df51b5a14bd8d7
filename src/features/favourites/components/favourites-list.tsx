// The reader's favourites, newest favourited first, from the stored snapshots: title, source,
// time and tags show and the article opens even when the feed no longer lists it.
import { useId } from 'react'
import { Link } from 'react-router'
import { formatDateTime } from '../../../lib/format.ts'
import { messages } from '../../../lib/messages.ts'
import { useFavourites } from '../hooks.ts'
import { FavouriteToggle } from './favourite-toggle.tsx'

function formatTime(value: string | number | null): string | null {
  if (value === null) return null
  const ms = typeof value === 'number' ? value : Date.parse(value)
  return Number.isFinite(ms) ? formatDateTime(ms) : null
}

export type FavouritesListProps = {
  /** The app's deep link of an article. */
  articleHref: (id: string) => string
}

export function FavouritesList({ articleHref }: FavouritesListProps) {
  const list = useFavourites()
  // Element ids from the list's own prefix and the position: article ids may hold spaces.
  const idPrefix = useId()
  if (list.length === 0) return <p className="empty">{messages.favouritesEmpty}</p>
  return (
    <ul className="favourites-list" aria-label={messages.favouritesListLabel}>
      {list.map(({ at, item }, i) => {
        const published = formatTime(item.published)
        const titleId = `${idPrefix}-${i}`
        return (
          <li key={item.id}>
            <article aria-labelledby={titleId}>
              <h2 id={titleId}>
                <Link to={articleHref(item.id)}>{item.title}</Link>
              </h2>
              <p className="meta">
                {(item.source ?? item.category) && <span>{item.source ?? item.category}</span>}
                {published && item.published && <time dateTime={item.published}>{published}</time>}
                <span>
                  {messages.favouritedAt} {formatTime(at)}
                </span>
              </p>
              {item.tags.length > 0 && (
                <ul className="tags" aria-label={messages.tags}>
                  {item.tags.map((t) => (
                    <li key={t}>{t}</li>
                  ))}
                </ul>
              )}
              <FavouriteToggle article={item} source={item.source} />
            </article>
          </li>
        )
      })}
    </ul>
  )
}
