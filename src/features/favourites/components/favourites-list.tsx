// The reader's favourites, newest favourited first, from the stored snapshots: title, summary,
// source, time and tags show and the article opens even when the feed no longer lists it. Past a
// handful, a filter box narrows them as you type.
import { memo, useDeferredValue, useId, useMemo, useState } from 'react'
import { Link } from 'react-router'
import { normalize } from '../../../entities/article/api/directories.ts'
import { articlePath, categoryPath } from '../../../entities/article/model/paths.ts'
import { TagLinks } from '../../../entities/article/ui/article-card.tsx'
import { useHidden } from '../../../components/hidden-note.tsx'
import { FilterBox } from '../../../components/ui/filter-box.tsx'
import { formatDateTime, formatNumber, useDisplayZone } from '../../../lib/format.ts'
import { messages } from '../../../lib/messages.ts'
import type { FavouriteItem } from '../favourites-store.ts'
import { useFavourites } from '../hooks.ts'
import { FavouriteToggle } from './favourite-toggle.tsx'
import { favouritesMessages } from '../messages.ts'

/** Up to this many favourites are easy to scan; more get the filter box. */
const HANDFUL = 5

function formatTime(value: string | number | null): string | null {
  if (value === null) return null
  const ms = typeof value === 'number' ? value : Date.parse(value)
  return Number.isFinite(ms) ? formatDateTime(ms) : null
}

type Entry = { at: number; item: FavouriteItem; search: string }

type FavouriteRowsProps = { entries: readonly Entry[] }

/** Memoized: while typing, React re-renders it only when the deferred filter has caught up. */
const FavouriteRows = memo(function FavouriteRows({ entries }: FavouriteRowsProps) {
  // Element ids from the list's own prefix and the position: article ids may hold spaces.
  const idPrefix = useId()
  useDisplayZone()
  return (
    <ul className="favourites-list" aria-label={messages.favouritesListLabel}>
      {entries.map(({ at, item }, i) => {
        const published = formatTime(item.published)
        const titleId = `${idPrefix}-${i}`
        const source = item.source ?? item.category
        // A bundle item's first tag is its source's label: it is shown once, as the source.
        const tags = item.tags.filter((t) => t !== item.source)
        return (
          <li key={item.id}>
            <article aria-labelledby={titleId}>
              <h3 id={titleId}>
                <Link to={articlePath(item.id)}>{item.title}</Link>
              </h3>
              <p className="meta">
                {source !== null &&
                  (item.category !== null ? (
                    <Link className="source" to={categoryPath(item.category)}>
                      {source}
                    </Link>
                  ) : (
                    <span className="source">{source}</span>
                  ))}
                {published && item.published && <time dateTime={item.published}>{published}</time>}
                <span>
                  {favouritesMessages.favouritedAt} {formatTime(at)}
                </span>
              </p>
              {item.summary !== '' && <p className="summary">{item.summary}</p>}
              <TagLinks tags={tags} />
              <div className="actions">
                <FavouriteToggle article={item} source={item.source} />
              </div>
            </article>
          </li>
        )
      })}
    </ul>
  )
})

export type FavouritesListProps = {
  /** Muted favourites (the settings' words and sources): hidden, with a note that can show them. */
  muted?: (item: FavouriteItem) => boolean
}

export function FavouritesList({ muted }: FavouritesListProps) {
  const list = useFavourites()
  const [filter, setFilter] = useState('')
  const deferred = useDeferredValue(filter)
  const entries = useMemo(
    () =>
      list.map(({ at, item }) => ({
        at,
        item,
        search: normalize([item.title, item.summary, item.source ?? '', ...item.tags].join('\n')),
      })),
    [list],
  )
  const shown = useMemo(() => {
    const needle = normalize(deferred)
    return needle === '' ? entries : entries.filter((e) => e.search.includes(needle))
  }, [entries, deferred])
  // Once typed in, the box stays while the reader unfavourites down to a handful.
  const filterShown = list.length > HANDFUL || filter !== ''
  const mutedEntry = useMemo(() => muted && ((e: Entry) => muted(e.item)), [muted])
  const { kept, note } = useHidden(filterShown ? shown : entries, mutedEntry)

  if (list.length === 0) return <p className="notice">{favouritesMessages.favouritesEmpty}</p>
  return (
    <>
      {filterShown && (
        <FilterBox
          label={favouritesMessages.favouritesFilter}
          value={filter}
          onChange={setFilter}
          status={favouritesMessages.favouritesCount(
            formatNumber(shown.length),
            formatNumber(list.length),
          )}
        />
      )}
      {note}
      {filterShown && shown.length === 0 ? (
        <p className="notice">{favouritesMessages.favouritesNoMatch}</p>
      ) : (
        <FavouriteRows entries={kept} />
      )}
    </>
  )
}
