// Broken feeds in real Chromium against the production build: every case ends in words the reader
// understands (role="alert", with a retry where one can help), good items still show, bad ones are
// skipped and counted, and the page is never blank and never throws.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { browserAvailable, collectPageErrors, launchBrowser } from './support/browser.ts'
import { startStaticServer, type StaticServer } from './support/static-server.ts'
import { FETCH_TIMEOUT_MS } from '../src/entities/article/api/fetch-feed.ts'
import { messages } from '../src/lib/messages.ts'
import { LIMITS } from '../src/entities/article/api/decode.ts'

const DIST = process.env.E2E_DIST ?? 'dist'
const V11 = 'https://jsonfeed.org/version/1.1'

type Answer = { status?: number; body: string | object } | 'hold'
/** What the server answers under /feed/ for the current case: path → answer. */
let feed: Record<string, Answer> = {}
const requested: string[] = []

const item = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: `文章 ${id}`,
  content_html: `<p>正文 ${id}</p>`,
  date_published: '2026-01-01T08:00:00+08:00',
  ...extra,
})
/** An item as the bundle writes it: the schema's fields, its body in its content file. */
const bundleItem = (id: string) => ({
  id,
  title: `文章 ${id}`,
  summary: `摘要 ${id}`,
  date_published: '2026-01-01T08:00:00+08:00',
  tags: [],
  _reader: { category: 'news', content_url: `content/${id}.json`, reading_minutes: 1 },
})
const page = (items: unknown, extra: Record<string, unknown> = {}) => ({
  version: V11,
  title: '测试订阅源',
  items,
  ...extra,
})

const held: ServerResponse[] = []
function answer(_req: IncomingMessage, res: ServerResponse, pathname: string): boolean {
  if (!pathname.startsWith('/feed/')) return false
  requested.push(pathname)
  const a = feed[pathname.slice('/feed/'.length)]
  if (a === 'hold') {
    held.push(res) // never answered: the app's timeout must end the wait
    return true
  }
  if (!a) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
    return true
  }
  res
    .writeHead(a.status ?? 200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
    .end(typeof a.body === 'string' ? a.body : JSON.stringify(a.body))
  return true
}

describe.skipIf(!browserAvailable())('broken feeds in Chromium', () => {
  let browser: Browser
  let server: StaticServer
  let context: BrowserContext
  let errors: Error[]

  beforeAll(async () => {
    server = await startStaticServer({ root: DIST, intercept: answer })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    for (const res of held) res.destroy()
    await browser?.close()
    await server?.close()
  })

  /** Opens `/` on the case's feed; returns the page once the app has settled on something. */
  async function open(cases: Record<string, Answer>, path = '/'): Promise<Page> {
    feed = cases
    requested.length = 0
    context = await browser.newContext()
    const p = await context.newPage()
    errors = collectPageErrors(p)
    await p.goto(`${server.url}${path}`)
    return p
  }

  /** Never blank, never an uncaught error: checked after every case. */
  async function settle(p: Page) {
    expect(((await p.locator('#root').textContent()) ?? '').trim()).not.toBe('')
    expect(errors.map((e) => e.message)).toEqual([])
    await context.close()
  }

  async function expectAlert(p: Page, text: string, retry: boolean, timeout = 20_000) {
    const alert = p.getByRole('alert')
    await expect.poll(() => alert.first().textContent(), { timeout }).toContain(text)
    expect(await alert.getByRole('button', { name: messages.retry }).count()).toBe(retry ? 1 : 0)
    return alert
  }

  const articles = (p: Page) => p.locator('[role=feed] article')

  it.each([
    [
      'not JSON',
      '{"version": "https://jsonfeed.org/version/1.1", items: [',
      messages.feedError['not-json'],
    ],
    // A static host's SPA fallback answers a missing feed file with index.html and 200.
    [
      'an HTML page where the feed should be',
      '<!doctype html><title>oops</title>',
      messages.feedError['not-found'],
    ],
    [
      'a version that is not JSON Feed 1.0 or 1.1',
      page([item('a')], { version: 'https://jsonfeed.org/version/2' }),
      messages.feedError['bad-version'],
    ],
    ['items not a list', page({ 0: item('a') }), messages.feedError['bad-items']],
    ['not a feed at all', [1, 2, 3], messages.feedError['not-a-feed']],
  ])('%s: an alert with retry, no list', async (_name, body, text) => {
    const p = await open({ 'feed.json': { body } })
    await expectAlert(p, text, true)
    expect(await articles(p).count()).toBe(0)
    await settle(p)
  })

  it.each([
    [404, messages.feedError['not-found']],
    [500, messages.feedError.http + messages.httpStatus(500)],
  ])('HTTP %i: an alert, and retry loads the feed once it is back', async (status, text) => {
    const p = await open({ 'feed.json': { status, body: { error: 'x' } } })
    const alert = await expectAlert(p, text, true)
    feed['feed.json'] = { body: page([item('back')]) }
    await alert.getByRole('button', { name: messages.retry }).click()
    await expect.poll(() => articles(p).count()).toBe(1)
    await settle(p)
  })

  it('items without id or with a duplicate id: the good ones show, the bad ones are counted', async () => {
    const p = await open({
      'feed.json': {
        body: page([
          item('a'),
          { title: 'no id' },
          item('b'),
          item('a', { title: 'same id again' }),
          'not an item',
          item('c'),
        ]),
      },
    })
    await expect.poll(() => articles(p).count()).toBe(3)
    await expect.poll(() => p.getByText(messages.skippedItems(3, 0)).count()).toBe(1)
    expect(await p.getByText('same id again').count()).toBe(0)
    await settle(p)
  })

  it('bad dates, a 1 MB title and tags that are not strings: shown, repaired and counted', async () => {
    const p = await open({
      'feed.json': {
        body: page([
          item('dated', { date_published: '2022-02-30T10:00:00+08:00' }),
          item('huge', { title: '长'.repeat(1_000_000) }),
          item('tags', { tags: ['好标签', 42, null, { x: 1 }] }),
          item('fine', { tags: ['正常'] }),
        ]),
      },
    })
    await expect.poll(() => articles(p).count()).toBe(4)
    await expect.poll(() => p.getByText(messages.skippedItems(0, 3)).count()).toBe(1)
    const huge = articles(p).nth(1).getByRole('heading')
    expect(Array.from((await huge.textContent()) ?? '').length).toBeLessThanOrEqual(LIMITS.title)
    expect(await p.getByRole('link', { name: '#好标签' }).count()).toBe(1)
    expect(await articles(p).first().locator('time').count()).toBe(0)
    await settle(p)
  })

  it('a next_url that loops: every item once, then the end of the list', async () => {
    const p = await open({
      'feed.json': { body: page([item('p1')], { next_url: 'p2.json' }) },
      'p2.json': { body: page([item('p2')], { next_url: 'feed.json' }) },
    })
    // The list pages itself as its end scrolls into view.
    await expect.poll(() => p.getByText(messages.endOfList).count()).toBe(1)
    expect(await articles(p).count()).toBe(2)
    expect(requested.filter((r) => r === '/feed/p2.json')).toHaveLength(1)
    await settle(p)
  })

  it('a next_url that leaves the origin is never followed', async () => {
    const p = await open({
      'feed.json': { body: page([item('p1')], { next_url: 'http://127.0.0.2:9/evil.json' }) },
    })
    const outside: string[] = []
    p.on('request', (r) => {
      if (!r.url().startsWith(server.url)) outside.push(r.url())
    })
    await expect.poll(() => p.getByText(messages.endOfList).count()).toBe(1)
    expect(await articles(p).count()).toBe(1)
    expect(outside).toEqual([])
    await settle(p)
  })

  // The app gives up after FETCH_TIMEOUT_MS and says so at once: a timeout is not retried behind
  // the reader's back (that doubled the wait).
  const TIMED_OUT_AFTER = FETCH_TIMEOUT_MS + 5_000

  it(
    `a feed that never answers: a timeout alert after ${FETCH_TIMEOUT_MS / 1000} s, naming that time`,
    async () => {
      const started = Date.now()
      const p = await open({ 'feed.json': 'hold' })
      await expectAlert(p, messages.feedTimeout(FETCH_TIMEOUT_MS / 1000), true, TIMED_OUT_AFTER)
      // Not before the app's own limit (index.html's preload may share the held request).
      expect(Date.now() - started).toBeGreaterThanOrEqual(FETCH_TIMEOUT_MS)
      await settle(p)
    },
    TIMED_OUT_AFTER + 20_000,
  )

  it('offline: an alert with retry, and back online the article comes by itself', async () => {
    const p = await open({
      'feed.json': {
        body: page([bundleItem('a')], {
          _reader: { version: 1, total_items: 2, content_template: 'content/{key}.json' },
        }),
      },
      'content/a.json': { body: { ...bundleItem('a'), content_html: '<p>正文 a</p>' } },
      'content/b.json': { body: { ...bundleItem('b'), content_html: '<p>正文 b</p>' } },
    })
    await expect.poll(() => articles(p).count()).toBe(1)
    // Read one article first, so the article view's code is loaded before the network goes.
    await articles(p).getByRole('link', { name: '文章 a' }).click()
    await expect.poll(() => p.getByRole('heading', { level: 1 }).textContent()).toBe('文章 a')
    await context.setOffline(true)
    // A client-side navigation to an article whose content file is not cached yet.
    await p.evaluate(() => {
      history.pushState(null, '', '/article/b')
      dispatchEvent(new PopStateEvent('popstate'))
    })
    // Offline (navigator.onLine false): it says the article is not stored, with a retry.
    const alert = await expectAlert(p, messages.offlineNotCached, true)
    await context.setOffline(false)
    // Back online it loads by itself (what failed offline is fetched again: no retry needed).
    await expect.poll(() => p.getByRole('heading', { level: 1 }).textContent()).toBe('文章 b')
    expect(await alert.count()).toBe(0)
    await settle(p)
  })
})
