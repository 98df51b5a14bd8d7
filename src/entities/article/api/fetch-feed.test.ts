// The one fetch path: each way a request can fail becomes the FeedError kind the reader is told
// about, and a cancelled request stays a cancellation.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { FeedError } from './feed-error.ts'
import { fetchFeedRoot, fetchJson } from './fetch-feed.ts'

afterEach(() => {
  vi.unstubAllGlobals()
})

const kindOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof FeedError ? `${e.kind}${e.status ? ` ${e.status}` : ''}` : e),
  )

/** A server that never answers, but stops when the request is aborted. */
function hangingFetch() {
  return vi.fn(
    (_: string, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () =>
          reject(new DOMException('aborted', 'AbortError')),
        )
      }),
  )
}

describe('fetchJson', () => {
  it('revalidates every time (no-cache) and parses JSON', async () => {
    const fetch = vi.fn(() => Promise.resolve(new Response('{"a":1}')))
    vi.stubGlobal('fetch', fetch)
    expect(await fetchJson('http://x/feed.json')).toEqual({ a: 1 })
    expect(fetch).toHaveBeenCalledWith(
      'http://x/feed.json',
      expect.objectContaining({ cache: 'no-cache' }),
    )
  })

  it('tells not found, server errors, bad JSON and offline apart', async () => {
    const answer = (r: Response | Error) =>
      vi.stubGlobal('fetch', () => (r instanceof Error ? Promise.reject(r) : Promise.resolve(r)))
    answer(new Response('', { status: 404 }))
    expect(await kindOf(fetchJson('http://x/a'))).toBe('not-found 404')
    answer(new Response('', { status: 503 }))
    expect(await kindOf(fetchJson('http://x/a'))).toBe('http 503')
    answer(new Response('{"items": ['))
    expect(await kindOf(fetchJson('http://x/a'))).toBe('not-json')
    // A static host's SPA fallback: its index.html, with 200, for a file it does not have.
    answer(new Response('<!doctype html><p>app</p>'))
    expect(await kindOf(fetchJson('http://x/a'))).toBe('not-found 404')
    answer(new Response('<p>app</p>', { headers: { 'content-type': 'text/html' } }))
    expect(await kindOf(fetchJson('http://x/a'))).toBe('not-found 404')
    answer(new TypeError('Failed to fetch'))
    expect(await kindOf(fetchJson('http://x/a'))).toBe('offline')
  })

  it('gives up with a timeout when the server does not answer', async () => {
    vi.stubGlobal('fetch', hangingFetch())
    expect(await kindOf(fetchJson('http://x/a', undefined, 30))).toBe('timeout')
  })

  it('lets a cancelled request stay a cancellation, not a failure to show', async () => {
    vi.stubGlobal('fetch', hangingFetch())
    const ctl = new AbortController()
    const p = kindOf(fetchJson('http://x/a', ctl.signal))
    ctl.abort()
    expect(await p).toBeInstanceOf(DOMException)
  })
})

describe('fetchFeedRoot', () => {
  it('reads the bundle’s templates, and knows a plain feed has none', async () => {
    const bundle = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 't',
      items: [],
      _reader: { version: 1, total_items: 0, content_template: 'content/{key}.json' },
    }
    vi.stubGlobal('fetch', () => Promise.resolve(new Response(JSON.stringify(bundle))))
    const root = await fetchFeedRoot('http://x/feed/feed.json')
    expect(root.bundle?.contentTemplate).toBe('content/{key}.json')
    const plain = { ...bundle, _reader: undefined }
    vi.stubGlobal('fetch', () => Promise.resolve(new Response(JSON.stringify(plain))))
    expect((await fetchFeedRoot('http://x/feed/feed.json')).bundle).toBeNull()
  })

  it('reads search_url since version 3, and a later version as one that only adds', async () => {
    const head = (reader: object) => ({
      version: 'https://jsonfeed.org/version/1.1',
      title: 't',
      items: [],
      _reader: { total_items: 0, ...reader },
    })
    for (const version of [3, 4]) {
      const json = head({ version, search_url: 'search/index.json', future_field: 1 })
      vi.stubGlobal('fetch', () => Promise.resolve(new Response(JSON.stringify(json))))
      const root = await fetchFeedRoot('http://x/feed/feed.json')
      expect(root.bundle?.searchUrl).toBe('http://x/feed/search/index.json')
    }
    vi.stubGlobal('fetch', () =>
      Promise.resolve(new Response(JSON.stringify(head({ version: 2 })))),
    )
    expect((await fetchFeedRoot('http://x/feed/feed.json')).bundle?.searchUrl).toBeNull()
  })
})
