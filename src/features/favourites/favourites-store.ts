// Favourites: each keeps a snapshot of what the list showed (title, summary, source, time, tags),
// so /favourites works without the feed page that held the article. Unfavouriting leaves a tombstone
// with its time so a stale copy from another tab cannot bring the favourite back.
import * as v from 'valibot'
import { createSyncedStore } from '../../lib/storage/synced-store.ts'
import { readWire } from '../../lib/storage/wire.ts'

const text = (max: number) => v.pipe(v.string(), v.maxLength(max))
const time = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER))

export const FavouriteItemSchema = v.object({
  id: v.pipe(text(2_000), v.minLength(1)),
  title: text(1_000),
  // Favourites stored before the summary was kept have none; they load as they were.
  summary: v.optional(text(1_000), ''),
  source: v.nullable(text(300)),
  category: v.nullable(text(300)),
  published: v.nullable(text(64)),
  tags: v.pipe(v.array(text(200)), v.maxLength(100)),
  url: v.nullable(text(2_000)),
})
/** What is kept of an article when it is favourited. */
export type FavouriteItem = v.InferOutput<typeof FavouriteItemSchema>

const StoredEntrySchema = v.union([
  v.object({ ...FavouriteItemSchema.entries, t: time, at: time }),
  v.object({ id: FavouriteItemSchema.entries.id, t: time, removed: v.literal(true) }),
])

const WireSchema = v.object({ v: v.literal(1), items: v.array(v.unknown()) })

export type FavouriteEntry =
  | { id: string; fav: true; t: number; at: number; item: FavouriteItem }
  | { id: string; fav: false; t: number }

export type Favourites = ReadonlyMap<string, FavouriteEntry>

function toWire(e: FavouriteEntry) {
  return e.fav ? { ...e.item, t: e.t, at: e.at } : { id: e.id, t: e.t, removed: true as const }
}

export function encodeFavourites(favs: Favourites): string {
  const items = [...favs.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return JSON.stringify({ v: 1, items: items.map(toWire) })
}

/** Never throws: keeps every valid entry of a damaged value and says it was incomplete. */
export function decodeFavourites(raw: string): {
  value: Map<string, FavouriteEntry>
  complete: boolean
} {
  const out = new Map<string, FavouriteEntry>()
  const wire = readWire(raw, WireSchema)
  if (!wire) return { value: out, complete: false }
  let complete = true
  for (const it of wire.items) {
    const r = v.safeParse(StoredEntrySchema, it)
    if (!r.success || out.has(r.output.id)) {
      complete = false
      continue
    }
    const e = r.output
    if ('removed' in e) out.set(e.id, { id: e.id, fav: false, t: e.t })
    else {
      const { t, at, ...item } = e
      out.set(e.id, { id: e.id, fav: true, t, at, item })
    }
  }
  return { value: out, complete }
}

/** Whether entry `a` replaces `b`: later change wins; ties settled the same way in every tab. */
function wins(a: FavouriteEntry, b: FavouriteEntry): boolean {
  if (a.t !== b.t) return a.t > b.t
  if (a.fav !== b.fav) return a.fav
  return JSON.stringify(toWire(a)) > JSON.stringify(toWire(b))
}

export function mergeFavourites(local: Favourites, incoming: Favourites): Favourites {
  let out: Map<string, FavouriteEntry> | null = null
  for (const [id, e] of incoming) {
    const l = (out ?? local).get(id)
    if (l && !wins(e, l)) continue
    out ??= new Map(local)
    out.set(id, e)
  }
  return out ?? local
}

export const favouritesStore = createSyncedStore<Favourites>({
  name: 'favourites',
  version: 1,
  codec: { encode: encodeFavourites, decode: decodeFavourites },
  empty: () => new Map(),
  merge: mergeFavourites,
  // No prune: favourites are never given up to make room.
})

/** A time later than both the clock and the entry it replaces (a logical clock per entry). */
function nextTime(prev: FavouriteEntry | undefined, now: number) {
  return prev && prev.t >= now ? prev.t + 1 : now
}

export function withFavourite(
  favs: Favourites,
  item: FavouriteItem,
  fav: boolean,
  now = Date.now(),
  /** When it was favourited (an import keeps the original time for the list's order). */
  at = now,
): Favourites {
  const prev = favs.get(item.id)
  if ((prev?.fav ?? false) === fav) return favs
  const next = new Map(favs)
  const t = nextTime(prev, now)
  next.set(item.id, fav ? { id: item.id, fav, t, at, item } : { id: item.id, fav, t })
  return next
}

export function setFavourite(item: FavouriteItem, fav: boolean) {
  favouritesStore.update((s) => withFavourite(s, item, fav))
}

/** Favourited entries, newest favourited first. */
export function favouriteList(favs: Favourites) {
  const list: { at: number; item: FavouriteItem }[] = []
  for (const e of favs.values()) if (e.fav) list.push({ at: e.at, item: e.item })
  return list.sort((a, b) => b.at - a.at || (a.item.id < b.item.id ? -1 : 1))
}

/** The fields of an article a favourite keeps (the domain Article fits). */
export type FavouriteInput = {
  id: string
  title: string
  summary?: string
  /** The title was made from the text: the summary would only repeat it. */
  titleIsStandIn?: boolean
  category?: string | null
  published?: string | null
  tags?: readonly string[]
  externalUrl?: string | null
}

export function toFavouriteItem(article: FavouriteInput, source?: string | null): FavouriteItem {
  return {
    id: article.id,
    title: article.title.slice(0, 1_000),
    summary: article.titleIsStandIn ? '' : (article.summary ?? '').slice(0, 1_000),
    source: source?.slice(0, 300) ?? null,
    category: article.category?.slice(0, 300) ?? null,
    published: article.published?.slice(0, 64) ?? null,
    tags: (article.tags ?? []).slice(0, 100).map((t) => t.slice(0, 200)),
    url: article.externalUrl?.slice(0, 2_000) ?? null,
  }
}
