// Export to and import from a JSON file: a plain, documented format a reader can keep or move to
// another browser. Import merges: an article already favourited is not added twice.
import * as v from 'valibot'
import { readWire } from '../../lib/storage/wire.ts'
import {
  FavouriteItemSchema,
  withFavourite,
  type FavouriteItem,
  type Favourites,
} from './favourites-store.ts'

const FILE_FORMAT = 'news-reader-favourites'

const FileSchema = v.object({
  format: v.literal(FILE_FORMAT),
  version: v.literal(1),
  items: v.array(
    v.object({
      ...FavouriteItemSchema.entries,
      favouritedAt: v.pipe(v.string(), v.isoTimestamp()),
    }),
  ),
})

export function exportFavourites(
  list: readonly { at: number; item: FavouriteItem }[],
  now = new Date(),
) {
  return JSON.stringify(
    {
      format: FILE_FORMAT,
      version: 1,
      exported: now.toISOString(),
      items: list.map(({ at, item }) => ({ ...item, favouritedAt: new Date(at).toISOString() })),
    },
    null,
    2,
  )
}

export type ImportResult = { favs: Favourites; added: number; skipped: number }

/** Null when the text is not an export of this app; never throws. */
export function importFavourites(
  favs: Favourites,
  text: string,
  now = Date.now(),
): ImportResult | null {
  const file = readWire(text, FileSchema)
  if (!file) return null
  let next = favs
  let added = 0
  let skipped = 0
  for (const { favouritedAt, ...item } of file.items) {
    if (next.get(item.id)?.fav) {
      skipped++
      continue
    }
    // The list keeps the original favouriting time; the change time is now, so the import beats
    // an older unfavourite still held by another tab.
    const at = Date.parse(favouritedAt)
    next = withFavourite(next, item, true, now, Number.isFinite(at) ? at : now)
    added++
  }
  return { favs: next, added, skipped }
}
