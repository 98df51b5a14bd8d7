// The static pages `build --app` writes, in real Chromium against the production build: an article
// page read with JavaScript off shows its title, summary and the link to the original; with
// JavaScript on the app starts on it under the same CSP with no error (a list page's stylesheet
// inline, allowed by its hash), and shows the article; an article without a page still opens
// through the host's fallback.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BundleListItem, BundlePage } from '../src/shared/feed-bundle.ts'
import { makeArchive, type Archive } from './support/archive.ts'
import { browserAvailable, collectPageErrors, launchBrowser } from './support/browser.ts'
import { startStaticServer, type StaticServer } from './support/static-server.ts'

const DIST = process.env.E2E_DIST ?? 'dist'

describe.runIf(browserAvailable())('static pages of a generated archive', () => {
  let archive: Archive
  let browser: Browser
  let server: StaticServer
  let appDir: string
  let items: BundleListItem[]
  const requested: string[] = []
  /** Held back while set: the app's vendor chunk (React), answered when the test releases it. */
  let holdApp: (() => void)[] | null = null
  /** Which chunk holdApp holds. */
  let held = /^\/assets\/vendor-[\w-]+\.js$/
  /** A content file answered with this item instead. */
  let substitute: { id: string; item: unknown } | null = null

  beforeAll(async () => {
    appDir = path.join(mkdtempSync(path.join(tmpdir(), 'static-pages-')), 'app')
    cpSync(DIST, appDir, { recursive: true })
    archive = makeArchive(120, 4, '2026-10-01', { appDir, siteUrl: 'https://reader.example' })
    items = (
      JSON.parse(readFileSync(path.join(archive.feedDir, 'feed.json'), 'utf8')) as BundlePage
    ).items
    server = await startStaticServer({
      root: appDir,
      feedDir: archive.feedDir,
      intercept: (_req, res, pathname) => {
        requested.push(pathname)
        if (substitute && pathname === `/feed/content/${substitute.id}.json`) {
          res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
          res.end(JSON.stringify(substitute.item))
          return true
        }
        if (holdApp && held.test(pathname)) {
          holdApp.push(() => {
            res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' })
            res.end(readFileSync(path.join(appDir, pathname)))
          })
          return true
        }
        // A host whose fallback is index.html (now the home list's page), for one address.
        if (pathname !== '/tag/fallback-test') return false
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        res.end(readFileSync(path.join(appDir, 'index.html')))
        return true
      },
    })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    archive?.remove()
    if (appDir) rmSync(path.dirname(appDir), { recursive: true, force: true })
  })

  /** Paths the page itself asks for (its service worker's precaching is not the page's). */
  function pageRequests(page: Page): string[] {
    const found: string[] = []
    page.on('request', (r) => {
      const url = new URL(r.url())
      if (url.origin === server.url) found.push(url.pathname)
    })
    return found
  }

  /** Console messages about a violated Content-Security-Policy or Trusted Types. */
  function cspViolations(page: Page): string[] {
    const found: string[] = []
    page.on('console', (m) => {
      if (!/Content.Security.Policy|Trusted Type/i.test(m.text())) return
      // Chromium (156 on) checks an inline handler against the page's CSP as soon as it is
      // parsed, even into the sanitizer's inert document (DOMParser), before DOMPurify drops it:
      // a report from the sanitizer's own chunk, of a handler that never reached the page.
      const inSanitizer = /\/assets\/trusted-html-[\w-]+\.js$/.test(m.location().url)
      if (inSanitizer && /inline event handler/.test(m.text())) return
      found.push(m.text())
    })
    return found
  }

  it('shows an article page with JavaScript off: title, summary, link to the original', async () => {
    const item = items.find((i) => i.external_url && i.summary)!
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    try {
      const res = await page.goto(`${server.url}/article/${item.id}`)
      expect(res?.status()).toBe(200)
      await expect.poll(() => page.locator('h1').textContent()).toBe(item.title)
      expect(await page.locator('.article .summary').textContent()).toBe(item.summary)
      const original = page.getByRole('link', { name: /阅读原文/ })
      expect(await original.getAttribute('href')).toBe(item.external_url)
      expect(await page.title()).toBe(`${item.title} · 新闻阅读`)
      // Its links lead somewhere real without JavaScript too: the home page, its source.
      expect(await page.locator('a.brand').getAttribute('href')).toBe('/')
    } finally {
      await context.close()
    }
  })

  it('starts the app on an article page, under its CSP, and shows the article', async () => {
    const item = items[3]!
    const page = await browser.newPage({ viewport: { width: 390, height: 700 } })
    const errors = collectPageErrors(page)
    const csp = cspViolations(page)
    const asked = pageRequests(page)
    // Whether the title was ever off the screen once painted (the static one, then the app's),
    // and whether the app ever showed a loading notice instead of the body (its first render of
    // a page it takes over shows the body at once).
    await page.addInitScript(() => {
      const w = window as unknown as { titleGone: number; bodyLoading: number }
      w.titleGone = 0
      w.bodyLoading = 0
      let seen = false
      new MutationObserver(() => {
        const shown = !!document.querySelector('h1')?.textContent
        if (shown) seen = true
        else if (seen) w.titleGone++
        if (document.querySelector('.article [role="status"]')?.textContent === '正在加载正文…')
          w.bodyLoading++
      }).observe(document, { childList: true, subtree: true, characterData: true })
    })
    try {
      requested.length = 0
      await page.goto(`${server.url}/article/${item.id}`)
      // The app's view: the body from the content file replaces the summary.
      await page.locator('.article .body').first().waitFor()
      expect(await page.locator('.article .summary').count()).toBe(0)
      expect(await page.locator('h1').textContent()).toBe(item.title)
      // Preloaded by the page and taken by the app's fetch: asked for once.
      expect(requested.filter((p) => p === `/feed/content/${item.id}.json`)).toHaveLength(1)
      // So is the article's code: the page preloads the chunk the app then imports.
      const chunk = asked.filter((p) => /^\/assets\/article-(?!nav-)[\w-]+\.js$/.test(p))
      expect(chunk).toHaveLength(1)
      expect(await page.locator(`link[rel="modulepreload"][href="${chunk[0]}"]`).count()).toBe(1)
      expect(errors.map(String)).toEqual([])
      expect(csp).toEqual([])
      expect(
        await page.evaluate(() => (window as unknown as { titleGone: number }).titleGone),
      ).toBe(0)
      expect(
        await page.evaluate(() => (window as unknown as { bodyLoading: number }).bodyLoading),
      ).toBe(0)
    } finally {
      await page.close()
    }
  })

  it('shows the body before the app, sanitized by the app’s policy, from one request', async () => {
    const item = items[6]!
    const file = path.join(archive.feedDir, 'content', `${item.id}.json`)
    const content = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
    substitute = {
      id: item.id,
      item: {
        ...content,
        content_html:
          '<p>先到的正文</p><img src="x" onerror="window.pwned=1">' +
          '<script>window.pwned=2</script><a href="javascript:window.pwned=3">链接</a>',
      },
    }
    holdApp = []
    const page = await browser.newPage()
    const errors = collectPageErrors(page)
    const csp = cspViolations(page)
    try {
      requested.length = 0
      await page.goto(`${server.url}/article/${item.id}`, { waitUntil: 'commit' })
      // React has not arrived: the page's own article shows the body in place of the summary.
      const body = page.locator('article[data-static] > .body')
      await body.waitFor()
      expect(await body.textContent()).toBe('先到的正文链接')
      expect(await page.locator('.article .summary').count()).toBe(0)
      expect(holdApp.length).toBe(1)
      expect(await body.locator('script, [onerror]').count()).toBe(0)
      expect(await body.locator('a').getAttribute('href')).toBeNull()
      // The app takes over with the same body and the same response.
      for (const release of holdApp) release()
      holdApp = null
      await page.locator('article.article:not([data-static]) > .body').waitFor()
      expect(await page.locator('.article .body').textContent()).toBe('先到的正文链接')
      expect(await page.locator('.article .body :is(script, [onerror])').count()).toBe(0)
      expect(requested.filter((p) => p === `/feed/content/${item.id}.json`)).toHaveLength(1)
      await page.waitForTimeout(300)
      expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined()
      expect(errors.map(String)).toEqual([])
      expect(csp).toEqual([])
    } finally {
      for (const release of holdApp ?? []) release()
      holdApp = null
      substitute = null
      await page.close()
    }
  })

  it('asks for the content file once when the early body comes after the app', async () => {
    const item = items[7]!
    holdApp = []
    held = /^\/assets\/early-body-[\w-]+\.js$/
    const page = await browser.newPage()
    const errors = collectPageErrors(page)
    try {
      requested.length = 0
      await page.goto(`${server.url}/article/${item.id}`, { waitUntil: 'commit' })
      await page.locator('article.article:not([data-static]) > .body').waitFor()
      await expect.poll(() => holdApp?.length).toBe(1)
      for (const release of holdApp) release()
      holdApp = null
      await page.waitForTimeout(500)
      expect(requested.filter((p) => p === `/feed/content/${item.id}.json`)).toHaveLength(1)
      expect(await page.locator('.article .body').count()).toBe(1)
      expect(errors.map(String)).toEqual([])
    } finally {
      for (const release of holdApp ?? []) release()
      holdApp = null
      held = /^\/assets\/vendor-[\w-]+\.js$/
      await page.close()
    }
  })

  it('opens an article without a page through the fallback, as before', async () => {
    const item = items[5]!
    rmSync(path.join(appDir, 'article', `${item.id}.html`))
    const page = await browser.newPage()
    const errors = collectPageErrors(page)
    try {
      await page.goto(`${server.url}/article/${item.id}`)
      await expect.poll(() => page.locator('h1').textContent()).toBe(item.title)
      expect(errors.map(String)).toEqual([])
    } finally {
      await page.close()
    }
  })

  it('shows the home list with JavaScript off, each title a link to its page', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    try {
      await page.goto(server.url)
      const titles = page.locator('[role="feed"] > article h2')
      expect(await titles.allTextContents()).toEqual(items.map((i) => i.title))
      // Styled by the app's stylesheet, inline in the page (its CSP lists the hash); its link
      // waits at the end of the body.
      expect(await page.locator('head link[rel="stylesheet"]').count()).toBe(0)
      expect(await page.locator('head style').count()).toBe(1)
      expect(await page.locator('body > link[rel="stylesheet"]').count()).toBe(1)
      expect(
        await page
          .locator('[role="feed"] .read-marker .visually-hidden')
          .first()
          .evaluate((e) => getComputedStyle(e).position),
      ).toBe('absolute')
      expect(await titles.first().locator('a').getAttribute('href')).toBe(
        `/article/${items[0]!.id}?from=all`,
      )
    } finally {
      await context.close()
    }
  })

  it('starts the app on the home list with a layout shift of at most 0.05', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 700 } })
    const errors = collectPageErrors(page)
    const csp = cspViolations(page)
    const asked = pageRequests(page)
    await page.addInitScript(() => {
      const w = window as unknown as { cls: number }
      w.cls = 0
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & {
          value: number
          hadRecentInput: boolean
        })[])
          if (!e.hadRecentInput) w.cls += e.value
      }).observe({ type: 'layout-shift', buffered: true })
    })
    try {
      requested.length = 0
      await page.goto(server.url)
      // React's list (router links carry data-discover) with its reading tools loaded.
      await page.locator('[role="feed"] > article a[data-discover]').first().waitFor()
      await page.locator('[role="feed"] > article .actions .read-toggle').first().waitFor()
      await page.waitForTimeout(1000)
      const cls = await page.evaluate(() => (window as unknown as { cls: number }).cls)
      console.log(`home list takeover: cumulative layout shift ${cls.toFixed(4)}`)
      expect(cls).toBeLessThanOrEqual(0.05)
      expect(await page.locator('[role="feed"] > article h2').first().textContent()).toBe(
        items[0]!.title,
      )
      expect(errors.map(String)).toEqual([])
      // The inline stylesheet applied under the CSP, and the linked one fetched once, also after
      // lazy code that names it as a dependency (mark as read) has loaded.
      expect(csp).toEqual([])
      const css = () => asked.filter((p) => /^\/assets\/app-[\w-]+\.css$/.test(p))
      expect(css()).toHaveLength(1)
      await page.locator('details.mark-all-read > summary').click()
      await page.getByRole('button', { name: '全部标为已读' }).click()
      await expect.poll(() => asked.filter((p) => p.includes('/mark-list-read-')).length).toBe(1)
      expect(css()).toHaveLength(1)
    } finally {
      await page.close()
    }
  })

  it('clears a static page served for another address (a fallback to index.html)', async () => {
    const page = await browser.newPage()
    const errors = collectPageErrors(page)
    try {
      await page.goto(`${server.url}/tag/fallback-test`)
      // The tag's own page (this tag is not in the archive), not the home list it was sent.
      await expect.poll(() => page.locator('h1').first().textContent()).toBe('找不到这个标签')
      expect(await page.locator('[role="feed"] > article').count()).toBe(0)
      expect(errors.map(String)).toEqual([])
    } finally {
      await page.close()
    }
  })
})
