// The reader's favourites, newest favourited first, from the stored snapshots: title, source,
// time and tags show and the article opens even when the feed no longer lists it.
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
  if (list.length === 0) return <p className="empty">{messages.favouritesEmpty}</p>
  return (
    <ul className="favourites-list" aria-label={messages.favouritesListLabel}>
      {list.map(({ at, item }) => {
        const published = formatTime(item.published)
        return (
          <li key={item.id}>
            <article aria-labelledby={`fav-${item.id}`}>
              <h3 id={`fav-${item.id}`}>
                <Link to={articleHref(item.id)}>{item.title}</Link>
              </h3>
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
