// Offline and installable, in real Chromium against the production build (E2E_DIST, default dist):
// the browser finds the manifest and the service worker (no installability errors); after browsing,
// offline, a reload still shows the seen list, the opened article and an unopened favourite, with
// the offline banner, and an uncached article says why it cannot open; back online, new posts are
// offered without a reload; a new version while the page is open offers "新版本可用" and reloads
// only when asked. The server goes down for real while "offline" (sockets closed), so nothing can
// come from the network behind the test's back.
import { execFileSync } from 'node:child_process'
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { OFFLINE_CACHES } from '../src/shared/offline-caches.ts'
import {
  browserAvailable,
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  collectPageErrors,
  launchBrowser,
} from './support/browser.ts'
import { makeArchive } from './support/archive.ts'
import { offlineSite, openControlled } from './support/offline-site.ts'

const DIST = process.env.E2E_DIST ?? 'dist'
const run = browserAvailable()

const FIRST = '滨江公园新增夜跑步道'
const SECOND = '本地团队发布开源天气小工具'
const THIRD = '地铁三号线周末加开班次'
const NEW_TITLE = '离线测试新增的一条消息'

/**
 * Chromium forgets Playwright's offline emulation for `navigator.onLine` in a document loaded
 * after it was set (requests stay blocked; the server is down besides): set it again.
 */
async function stillOffline(context: BrowserContext) {
  await context.setOffline(false)
  await context.setOffline(true)
}

/** How many entries a cache of the page's origin holds. */
const cached = (page: Page, name: string) =>
  page.evaluate(async (n) => (await (await caches.open(n)).keys()).length, name)

/**
 * Waits until a cache holds an entry whose URL ends with `suffix`. (waitForFunction cannot: an
 * async predicate returns a promise, which is truthy at once.)
 */
const waitCached = (page: Page, name: string, suffix: string) =>
  expect
    .poll(
      () =>
        page.evaluate(
          async ([n, s]) => (await (await caches.open(n)).keys()).some((r) => r.url.endsWith(s)),
          [name, suffix] as const,
        ),
      { timeout: 15_000 },
    )
    .toBe(true)

describe.runIf(run)('offline and installable', () => {
  let browser: Browser
  let site: Awaited<ReturnType<typeof offlineSite>>
  let context: BrowserContext
  let errors: Error[]

  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })
  beforeEach(async () => {
    site = await offlineSite(DIST)
    context = await browser.newContext({ viewport: { width: 1000, height: 900 } })
    errors = []
    context.on('page', (p) => errors.push(...collectPageErrors(p)))
  })
  afterEach(async () => {
    await context.close()
    await site.close()
    expect(errors.map(String)).toEqual([])
  })

  it('is installable: the manifest, its icons and the service worker are found', async () => {
    // A profile on disk: Chromium does not offer installation in an incognito context.
    const profile = await mkdtemp(path.join(tmpdir(), 'offline-profile-'))
    const persistent = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      headless: true,
    })
    try {
      await installable(persistent)
    } finally {
      await persistent.close()
      await rm(profile, { recursive: true, force: true })
    }
  }, 150_000)

  async function installable(context: BrowserContext) {
    const page = await openControlled(context, `${site.server.url}/`)
    errors.push(...collectPageErrors(page))
    const sw = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready
      return { scope: reg.scope, script: reg.active?.scriptURL }
    })
    expect(sw).toEqual({ scope: `${site.server.url}/`, script: `${site.server.url}/sw.js` })

    const href = await page.locator('link[rel="manifest"]').getAttribute('href')
    const manifestUrl = new URL(href!, page.url())
    const manifest = (await (await fetch(manifestUrl)).json()) as {
      name: string
      short_name: string
      display: string
      start_url: string
      scope: string
      theme_color: string
      background_color: string
      icons: { src: string; sizes: string; type: string; purpose: string }[]
    }
    expect(manifest.name).toBe('新闻阅读')
    expect(manifest.short_name).toBeTruthy()
    expect(manifest.display).toBe('standalone')
    expect(new URL(manifest.start_url, manifestUrl).href).toBe(`${site.server.url}/`)
    expect(new URL(manifest.scope, manifestUrl).href).toBe(`${site.server.url}/`)
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i)
    const icons = manifest.icons.map((i) => `${i.sizes} ${i.purpose}`)
    expect(icons).toEqual(
      expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']),
    )
    for (const icon of manifest.icons) {
      const res = await fetch(new URL(icon.src, manifestUrl))
      expect(res.headers.get('content-type')).toBe('image/png')
      const png = Buffer.from(await res.arrayBuffer())
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(icon.sizes)
    }
    // A theme colour for light and for dark.
    const themes = await page
      .locator('meta[name="theme-color"]')
      .evaluateAll((ms) => ms.map((m) => m.getAttribute('media')))
    expect(themes).toEqual(['(prefers-color-scheme: light)', '(prefers-color-scheme: dark)'])

    // Chromium's own installability check.
    const cdp = await context.newCDPSession(page)
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[]
    }
    expect(installabilityErrors).toEqual([])
  }

  it('adds nothing to the first list: the worker starts after the list is on screen', async () => {
    const page = await context.newPage()
    // When the first item of the first list is in the DOM, by the page's own clock.
    await page.addInitScript(() => {
      const w = window as unknown as { firstList?: number }
      new MutationObserver((_, observer) => {
        if (document.querySelector('[role="feed"] > article')) {
          w.firstList = performance.now()
          observer.disconnect()
        }
      }).observe(document, { childList: true, subtree: true })
    })
    await page.goto(`${site.server.url}/`)
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
    const timing = await page.evaluate(() => ({
      firstList: (window as unknown as { firstList?: number }).firstList ?? null,
      offline: performance
        .getEntriesByType('resource')
        .filter((e) => /\/assets\/(start|offline-cache)-[^/]+\.js$/.test(e.name))
        .map((e) => e.startTime),
    }))
    expect(timing.firstList).not.toBeNull()
    expect(timing.offline.length).toBeGreaterThan(0)
    for (const start of timing.offline) expect(start).toBeGreaterThan(timing.firstList!)
    // Nor does the page ask for them up front.
    const html = await readFile(path.join(site.root, 'index.html'), 'utf8')
    expect(html).not.toMatch(/start-|offline-cache-|workbox|sw\.js/)
  })

  it('offline, reads the seen list, an opened article and an unopened favourite; back online, new items come in without a reload', async () => {
    const page = await openControlled(context, `${site.server.url}/`)
    // Browse while the service worker watches: the list, one article opened, one favourited.
    await page.reload()
    await page.getByRole('link', { name: FIRST }).click()
    await page.getByRole('heading', { level: 1, name: FIRST }).waitFor()
    await page.getByText('今晚开放').first().waitFor()
    await page.goBack()
    const third = page
      .locator('[role="feed"] > article')
      .filter({ has: page.getByRole('heading', { name: THIRD }) })
    await third.getByRole('button', { name: '收藏', exact: true }).click()
    await waitCached(page, OFFLINE_CACHES.favourites, '/content/2026112703.json')
    await waitCached(page, OFFLINE_CACHES.articles, '/content/2026112801.json')
    expect(await cached(page, OFFLINE_CACHES.favourites)).toBe(1)

    site.state.down = true
    await context.setOffline(true)
    await page.reload()
    await stillOffline(context)
    const banner = page.getByRole('status').filter({ hasText: '当前离线' })
    await banner.waitFor()
    await page.getByRole('link', { name: SECOND }).waitFor()
    await page.getByRole('link', { name: FIRST }).click()
    await page.getByRole('heading', { level: 1, name: FIRST }).waitFor()
    await page.getByText('今晚开放').first().waitFor()

    // The unopened favourite, from the favourites page.
    await page.getByRole('link', { name: '收藏', exact: true }).click()
    await page.getByRole('link', { name: THIRD }).click()
    await page.getByRole('heading', { level: 1, name: THIRD }).waitFor()
    const body = await page.locator('article .body').innerText()
    const stored = JSON.parse(
      await readFile(path.join(site.feedDir, 'content/2026112703.json'), 'utf8'),
    ) as { content_html: string }
    expect(body.length).toBeGreaterThan(0)
    expect(stored.content_html).toContain(body.split('\n')[0]!.slice(0, 8))

    // Never opened (nor prefetched), not a favourite: the page says why it cannot open.
    await page.goto(`${site.server.url}/article/2026112999`)
    await stillOffline(context)
    await page
      .getByRole('alert')
      .filter({ hasText: '当前离线，这部分内容还没有保存到本机' })
      .waitFor()
    await banner.waitFor()
    // A list never seen: the same.
    await page.getByRole('link', { name: '分类', exact: true }).click()
    await page.getByRole('link', { name: /科技日报/ }).click()
    await page
      .getByRole('alert')
      .filter({ hasText: '当前离线，这部分内容还没有保存到本机' })
      .waitFor()

    // A new post while offline; back online, the list offers it without a reload.
    await page.getByRole('link', { name: '最新', exact: true }).click()
    await page.getByRole('link', { name: FIRST }).waitFor()
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true))
    const feed = JSON.parse(await readFile(path.join(site.feedDir, 'feed.json'), 'utf8')) as {
      items: Record<string, unknown>[]
    }
    const item = {
      id: '2026112901',
      title: NEW_TITLE,
      summary: '新的一条。',
      date_published: '2026-11-29T08:00:00+08:00',
      tags: [],
      _reader: { category: 'citynews', content_url: 'content/2026112901.json', reading_minutes: 1 },
    }
    feed.items.unshift(item)
    await writeFile(path.join(site.feedDir, 'feed.json'), JSON.stringify(feed))
    await writeFile(
      path.join(site.feedDir, 'content/2026112901.json'),
      JSON.stringify({ ...item, content_html: '<p>新的一条。</p>' }),
    )
    site.state.down = false
    await context.setOffline(false)
    await banner.waitFor({ state: 'detached' })
    await page.getByRole('button', { name: '1 条新消息' }).click()
    await page.getByRole('link', { name: NEW_TITLE }).waitFor()
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true)
  })

  it('keeps at most the set number of opened articles, oldest out, favourites always', async () => {
    const archive = makeArchive(30)
    const big = await offlineSite(DIST, '/', archive.feedDir)
    try {
      const LIMIT = 10
      await context.addInitScript((limit) => {
        if (!localStorage.getItem('news-reader:v1:settings'))
          localStorage.setItem(
            'news-reader:v1:settings',
            JSON.stringify({ v: 1, t: 1, s: { cacheLimit: limit } }),
          )
      }, LIMIT)
      const page = await openControlled(context, `${big.server.url}/settings`)
      // Opened one after another: more than the limit. The first is a favourite.
      const opened = archive.ids.filter((_, i) => i % 2 === 0).slice(0, LIMIT + 4)
      for (const [i, id] of opened.entries()) {
        await page.goto(`${big.server.url}/article/${id}`)
        await page.locator('article .body').waitFor()
        if (i === 0) {
          await page.getByRole('button', { name: '收藏', exact: true }).first().click()
          await waitCached(page, OFFLINE_CACHES.favourites, '.json')
        }
      }
      expect(await cached(page, OFFLINE_CACHES.favourites)).toBe(1)
      // The settings say so. Prefetches of the last article's neighbours may have come in
      // since; on the settings page nothing comes in, and its own trim settles the count.
      await page.goto(`${big.server.url}/settings`)
      await expect
        .poll(() => cached(page, OFFLINE_CACHES.articles), { timeout: 15_000 })
        .toBe(LIMIT)
      // The oldest went (the favourite first of all), the newest stayed.
      const kept = await page.evaluate(
        async (n) => (await (await caches.open(n)).keys()).map((r) => r.url),
        OFFLINE_CACHES.articles,
      )
      expect(kept.some((u) => u.endsWith(`/${opened[0]}.json`))).toBe(false)
      expect(kept.some((u) => u.endsWith(`/${opened.at(-1)}.json`))).toBe(true)
      await page.reload()
      await page.getByText(`已保存 ${LIMIT} 篇文章、1 篇收藏`).waitFor()

      // The favourite, opened first and trimmed from the articles, still reads offline.
      big.state.down = true
      await context.setOffline(true)
      await page.goto(`${big.server.url}/article/${opened[0]}`)
      await stillOffline(context)
      await page.locator('article .body').waitFor()
    } finally {
      await big.close()
      archive.remove()
    }
  })

  it('a new version while the page is open offers 新版本可用 and reloads only when asked', async () => {
    const page = await openControlled(context, `${site.server.url}/`)
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true))
    const first = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)
    // A new deployment: the service worker's bytes change.
    await appendFile(path.join(site.root, 'sw.js'), '\n// a new build\n')
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update()
    })
    const offer = page.getByRole('status').filter({ hasText: '新版本可用' })
    await offer.waitFor()
    // Waiting, not swapped: the old worker still controls the page, which was not reloaded.
    expect(
      await page.evaluate(async () => {
        const reg = await navigator.serviceWorker.getRegistration()
        return {
          waiting: reg?.waiting?.state,
          stayed: (window as unknown as { stayed?: boolean }).stayed,
        }
      }),
    ).toEqual({ waiting: 'installed', stayed: true })
    await Promise.all([
      page.waitForEvent('load'),
      offer.getByRole('button', { name: '重新加载' }).click(),
    ])
    await page.getByRole('link', { name: FIRST }).waitFor()
    const after = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration()
      return {
        stayed: (window as unknown as { stayed?: boolean }).stayed ?? false,
        waiting: reg?.waiting ?? null,
        controller: navigator.serviceWorker.controller?.scriptURL,
      }
    })
    expect(after).toEqual({ stayed: false, waiting: null, controller: first })
    expect(await offer.count()).toBe(0)
  })
})

// The same under a sub-path (a GitHub Pages project site): the worker's scope, the manifest's start
// URL and scope, and an offline deep link all stay under the base. E2E_BASE_DIST names a ready
// `BASE_PATH=/reader/` build; otherwise one is made in a temporary folder.
describe.runIf(run)('offline under a sub-path base', () => {
  const BASE = '/reader/'
  let browser: Browser
  let built: string
  let site: Awaited<ReturnType<typeof offlineSite>>

  beforeAll(async () => {
    built = process.env.E2E_BASE_DIST ?? (await mkdtemp(path.join(tmpdir(), 'offline-base-dist-')))
    if (!process.env.E2E_BASE_DIST)
      execFileSync(
        'npx',
        ['vite', 'build', '--outDir', built, '--emptyOutDir', '--logLevel', 'warn'],
        // Vitest runs with NODE_ENV=test, which would make a development build.
        { env: { ...process.env, NODE_ENV: 'production', BASE_PATH: BASE }, stdio: 'inherit' },
      )
    site = await offlineSite(built, BASE)
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await site?.close()
    if (!process.env.E2E_BASE_DIST) await rm(built, { recursive: true, force: true })
  })

  it('registers at the base, starts there, and reads an opened article offline from a deep link', async () => {
    const context = await browser.newContext()
    const errors: Error[] = []
    context.on('page', (p) => errors.push(...collectPageErrors(p)))
    const root = `${site.server.url}${BASE}`
    const page = await openControlled(context, root)
    expect(
      await page.evaluate(async () => {
        const reg = await navigator.serviceWorker.ready
        return [reg.scope, reg.active?.scriptURL]
      }),
    ).toEqual([root, `${root}sw.js`])
    const href = await page.locator('link[rel="manifest"]').getAttribute('href')
    const manifestUrl = new URL(href!, page.url())
    expect(manifestUrl.pathname).toBe(`${BASE}manifest.webmanifest`)
    const manifest = (await (await fetch(manifestUrl)).json()) as {
      start_url: string
      scope: string
      icons: { src: string }[]
    }
    expect(new URL(manifest.start_url, manifestUrl).href).toBe(root)
    expect(new URL(manifest.scope, manifestUrl).href).toBe(root)
    for (const icon of manifest.icons)
      expect((await fetch(new URL(icon.src, manifestUrl))).status).toBe(200)

    await page.reload()
    await page.getByRole('link', { name: FIRST }).click()
    await page.getByRole('heading', { level: 1, name: FIRST }).waitFor()
    const articleUrl = page.url()
    expect(new URL(articleUrl).pathname).toBe(`${BASE}article/2026112801`)
    await waitCached(page, OFFLINE_CACHES.articles, '/content/2026112801.json')

    site.state.down = true
    await context.setOffline(true)
    await page.goto(articleUrl)
    await stillOffline(context)
    await page.getByRole('heading', { level: 1, name: FIRST }).waitFor()
    await page.getByText('今晚开放').first().waitFor()
    await page.getByRole('status').filter({ hasText: '当前离线' }).waitFor()
    await context.close()
    expect(errors.map(String)).toEqual([])
  })
})
