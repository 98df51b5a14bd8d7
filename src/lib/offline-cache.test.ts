import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { installFakeCaches, type FakeCacheStorage } from '../../test/support/fake-caches.ts'
import {
  cacheUsage,
  clearOfflineCache,
  OFFLINE_CACHES,
  storedFavourites,
  storeFavourite,
  trimArticles,
} from './offline-cache.ts'

const url = (n: number) => `http://x/feed/content/${n}.json`

describe('offline caches', () => {
  let fake: FakeCacheStorage
  let restore: () => void
  beforeEach(() => ({ fake, restore } = installFakeCaches()))
  afterEach(() => {
    restore()
    vi.unstubAllGlobals()
  })

  it('trims opened articles to the limit, oldest stored first, favourites untouched', async () => {
    await fake.fill(OFFLINE_CACHES.articles, [1, 2, 3, 4, 5].map(url))
    await fake.fill(OFFLINE_CACHES.favourites, [url(1)])
    // Opened again: stored again, at the end.
    await fake.fill(OFFLINE_CACHES.articles, [url(2)])
    expect(await trimArticles(3)).toBe(2)
    expect(fake.urls(OFFLINE_CACHES.articles)).toEqual([url(4), url(5), url(2)])
    expect(fake.urls(OFFLINE_CACHES.favourites)).toEqual([url(1)])
    expect(await trimArticles(3)).toBe(0)
  })

  it('stores a favourite only when the body is the article asked for', async () => {
    const bodies: Record<string, Response> = {
      [url(1)]: Response.json({ id: '1' }),
      [url(2)]: new Response('<!doctype html><p>app</p>', {
        headers: { 'content-type': 'text/html' },
      }),
      [url(3)]: new Response('{broken', { headers: { 'content-type': 'application/json' } }),
      [url(4)]: new Response('gone', { status: 404 }),
      [url(5)]: Response.json({ id: 'other' }),
    }
    vi.stubGlobal('fetch', (u: string) => Promise.resolve(bodies[u]!))
    const check = (id: string) => (json: unknown) =>
      typeof json === 'object' && json !== null && 'id' in json && json.id === id
    expect(await storeFavourite(url(1), check('1'))).toBe(true)
    expect(await storeFavourite(url(2), check('2'))).toBe(false)
    expect(await storeFavourite(url(3), check('3'))).toBe(false)
    expect(await storeFavourite(url(4), check('4'))).toBe(false)
    expect(await storeFavourite(url(5), check('5'))).toBe(false)
    expect(await storedFavourites()).toEqual([url(1)])
  })

  it('counts what is kept and clears lists and articles, keeping favourites', async () => {
    await fake.fill(OFFLINE_CACHES.articles, [url(1), url(2)])
    await fake.fill(OFFLINE_CACHES.favourites, [url(3)])
    await fake.fill(OFFLINE_CACHES.feed, ['http://x/feed/feed.json'])
    const before = await cacheUsage()
    expect(before).toMatchObject({ articles: 2, favourites: 1, pages: 1 })
    expect(before!.bytes).toBe(4 * JSON.stringify({ ok: true }).length)
    await clearOfflineCache()
    expect(await cacheUsage()).toMatchObject({ articles: 0, favourites: 1, pages: 0 })
  })

  it('does nothing where Cache Storage is missing', async () => {
    restore()
    expect(await cacheUsage()).toBeNull()
    expect(await trimArticles(1)).toBe(0)
    expect(await storedFavourites()).toEqual([])
  })
})
