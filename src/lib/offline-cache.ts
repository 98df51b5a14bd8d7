// The offline copies the service worker and the page share in Cache Storage: list and directory
// pages, opened articles (bounded, oldest first out) and favourited articles (never evicted). The
// service worker fills the first two (network first, vite.config.ts); the page stores favourites,
// trims the articles to the reader's limit and clears both on request (docs/decisions/040-offline.md).
import { OFFLINE_CACHES } from '../shared/offline-caches.ts'

export { OFFLINE_CACHES }

/** Where Cache Storage is not available (an insecure origin, jsdom): nothing is kept. */
function storage(): CacheStorage | null {
  return typeof caches === 'undefined' ? null : caches
}

/**
 * Keeps the `limit` most recently stored articles. A cache lists its entries in the order they were
 * stored (Cache Storage spec; `put` replaces an entry at the end), and the service worker stores an
 * article again each time it is opened online.
 */
export async function trimArticles(limit: number): Promise<number> {
  const cs = storage()
  if (!cs || !(await cs.has(OFFLINE_CACHES.articles))) return 0
  const cache = await cs.open(OFFLINE_CACHES.articles)
  const keys = await cache.keys()
  const extra = keys.slice(0, Math.max(0, keys.length - Math.max(0, Math.floor(limit))))
  for (const req of extra) await cache.delete(req)
  return extra.length
}

/** A favourite's content file, stored whole; `check` validates the body before it is kept. */
export async function storeFavourite(
  url: string,
  check: (json: unknown) => boolean,
): Promise<boolean> {
  const cs = storage()
  if (!cs) return false
  const res = await fetch(url, { cache: 'no-cache', credentials: 'same-origin' })
  const type = res.headers.get('content-type') ?? ''
  if (!res.ok || /^text\/html/i.test(type)) return false
  const body = await res.clone().text()
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    return false
  }
  if (!check(json)) return false
  await (await cs.open(OFFLINE_CACHES.favourites)).put(url, res)
  return true
}

/** URLs of the stored favourites' content files. */
export async function storedFavourites(): Promise<string[]> {
  const cs = storage()
  if (!cs || !(await cs.has(OFFLINE_CACHES.favourites))) return []
  return (await (await cs.open(OFFLINE_CACHES.favourites)).keys()).map((r) => r.url)
}

export async function forgetFavourite(url: string): Promise<void> {
  const cs = storage()
  if (!cs || !(await cs.has(OFFLINE_CACHES.favourites))) return
  await (await cs.open(OFFLINE_CACHES.favourites)).delete(url)
}

export type CacheUsage = {
  /** Opened articles kept (favourites not counted). */
  articles: number
  /** Favourites kept for offline reading. */
  favourites: number
  /** List and directory pages kept. */
  pages: number
  /** Bytes of all three. */
  bytes: number
}

async function entries(cs: CacheStorage, name: string): Promise<{ count: number; bytes: number }> {
  if (!(await cs.has(name))) return { count: 0, bytes: 0 }
  const cache = await cs.open(name)
  let bytes = 0
  const keys = await cache.keys()
  for (const req of keys) {
    const res = await cache.match(req)
    if (res) bytes += (await res.blob()).size
  }
  return { count: keys.length, bytes }
}

/** The query key of `cacheUsage` (not feed data: it lives beside the feed's keys). */
export const cacheUsageKey = ['offline-cache', 'usage'] as const

/** What the offline copies hold; null where Cache Storage is not available. */
export async function cacheUsage(): Promise<CacheUsage | null> {
  const cs = storage()
  if (!cs) return null
  const [articles, favourites, pages] = await Promise.all([
    entries(cs, OFFLINE_CACHES.articles),
    entries(cs, OFFLINE_CACHES.favourites),
    entries(cs, OFFLINE_CACHES.feed),
  ])
  return {
    articles: articles.count,
    favourites: favourites.count,
    pages: pages.count,
    bytes: articles.bytes + favourites.bytes + pages.bytes,
  }
}

/** Drops the cached lists and opened articles; favourites stay readable offline. */
export async function clearOfflineCache(): Promise<void> {
  const cs = storage()
  if (!cs) return
  await Promise.all([cs.delete(OFFLINE_CACHES.feed), cs.delete(OFFLINE_CACHES.articles)])
}
