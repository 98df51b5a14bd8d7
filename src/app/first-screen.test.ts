// A static article page names its content file (the preload it carries): the app's first render
// waits for that file alone, not for the feed head and its decoding; a page naming another article
// or another site is not taken at its word.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { articleQueryOptions } from '../entities/article/api/article.ts'
import { staticPageReady } from './first-screen.ts'
import { makeQueryClient } from './query-client.ts'

const ID = '202601010800000001'
const CONTENT = {
  id: ID,
  url: `http://localhost/article/${ID}`,
  title: '一篇静态页面上的文章',
  summary: '',
  date_published: '2026-01-01T08:00:00+08:00',
  tags: [],
  _reader: { category: 'macro', content_url: `${ID}.json`, reading_minutes: 1 },
  content_html: '<p>正文</p>',
}

/** Answers the content file at `/feed/content/<ID>.json`; the feed head never answers. */
function serve() {
  const asked: string[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn((input: string) => {
      const path = new URL(input, window.location.href).pathname
      asked.push(path)
      if (path === `/feed/content/${ID}.json`)
        return Promise.resolve(
          new Response(JSON.stringify(CONTENT), {
            headers: { 'content-type': 'application/json' },
          }),
        )
      return new Promise<Response>(() => {})
    }),
  )
  return asked
}

function preloadLink(href: string, id: string) {
  const link = document.createElement('link')
  link.rel = 'preload'
  link.as = 'fetch'
  link.href = href
  link.dataset.article = id
  document.head.append(link)
}

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true })
})
afterEach(() => {
  document.head.querySelectorAll('link').forEach((l) => l.remove())
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

describe('a static article page', () => {
  it('shows the article from the content file it names, without the feed head', async () => {
    const asked = serve()
    preloadLink(`/feed/content/${ID}.json`, ID)
    const client = makeQueryClient()
    await staticPageReady(client, `/article/${ID}`)
    expect(client.getQueryData(articleQueryOptions(ID).queryKey)?.title).toBe(CONTENT.title)
    expect(asked).toEqual([`/feed/content/${ID}.json`])
  })

  it('goes through the feed head when the page names another article or another site', async () => {
    for (const [href, id] of [
      [`/feed/content/${ID}.json`, 'another-article'],
      [`https://elsewhere.example/feed/content/${ID}.json`, ID],
    ] as const) {
      const asked = serve()
      preloadLink(href, id)
      const client = makeQueryClient()
      const ready = staticPageReady(client, `/article/${ID}`)
      await vi.advanceTimersByTimeAsync(6_000)
      await ready
      expect(client.getQueryData(articleQueryOptions(ID).queryKey)).toBeUndefined()
      expect(asked).toEqual(['/feed/feed.json'])
      document.head.querySelectorAll('link').forEach((l) => l.remove())
    }
  })

  it('takes the content its early body fetched, once, while the static page shows, else asks', async () => {
    type Early = { newsReaderEarlyContent?: { url: string; json: Promise<unknown> } | null }
    const url = new URL(`/feed/content/${ID}.json`, window.location.href).href
    const early = { ...CONTENT, title: '早到的那一份' }
    const w = window as Early
    // The static page's article, until the app renders its own.
    const article = document.body.appendChild(document.createElement('article'))
    article.className = 'article'
    article.dataset.static = ''
    for (const [json, title, onPage] of [
      [() => Promise.resolve(early), early.title, true],
      [() => Promise.reject(new Error('offline')), CONTENT.title, true],
      // The app's own article on screen: a refetch or a retry, which asks the network.
      [() => Promise.resolve(early), CONTENT.title, false],
    ] as const) {
      if (!onPage) article.remove()
      const asked = serve()
      preloadLink(`/feed/content/${ID}.json`, ID)
      w.newsReaderEarlyContent = { url, json: json() }
      const client = makeQueryClient()
      await staticPageReady(client, `/article/${ID}`)
      expect(client.getQueryData(articleQueryOptions(ID).queryKey)?.title).toBe(title)
      expect(asked).toEqual(title === early.title ? [] : [`/feed/content/${ID}.json`])
      expect(w.newsReaderEarlyContent).toBeNull()
      document.head.querySelectorAll('link').forEach((l) => l.remove())
    }
  })
})
