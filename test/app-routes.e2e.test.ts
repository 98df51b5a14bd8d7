// The reader app in real Chromium against the production build (E2E_DIST, default dist), served
// like a static host with /feed/ mapped to the project's bundle fixture: lists, deep links and
// reloads, category and tag lists, old permalinks, not-found (also behind an SPA fallback), a
// failing feed with retry, and going back to a list at the same scroll position. No uncaught page
// error anywhere.
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { browserAvailable, collectPageErrors, launchBrowser } from './support/browser.ts'
import { startStaticServer, type StaticServer } from './support/static-server.ts'

const DIST = process.env.E2E_DIST ?? 'dist'
const FEED = path.resolve('test/fixtures/feeds/bundle')
const run = browserAvailable()

describe.runIf(run)('reader app over a feed bundle', () => {
  let browser: Browser
  let server: StaticServer
  let page: Page
  let errors: Error[]
  let failFeed = false
  let htmlFallback = false

  beforeAll(async () => {
    server = await startStaticServer({
      root: DIST,
      feedDir: FEED,
      intercept: async (_req, res, pathname) => {
        // Like nginx's `try_files $uri /index.html` or Netlify's `/* /index.html 200`.
        if (
          htmlFallback &&
          pathname.startsWith('/feed/') &&
          !existsSync(FEED + pathname.slice(5))
        ) {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          res.end(await readFile(path.join(DIST, 'index.html')))
          return true
        }
        if (!failFeed || pathname !== '/feed/feed.json') return false
        res.writeHead(500, { 'content-type': 'text/plain' }).end('server error')
        return true
      },
    })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })
  beforeEach(async () => {
    failFeed = false
    htmlFallback = false
    page = await browser.newPage({ viewport: { width: 390, height: 700 } })
    errors = collectPageErrors(page)
  })
  afterEach(async () => {
    await page.close()
    expect(errors.map(String)).toEqual([])
  })

  const h1 = () => page.getByRole('heading', { level: 1 })
  const listTitles = (p: Page) => p.locator('[role="feed"] > article h2').allTextContents()
  /** Loads every page of the current list (button, in case the sentinel is not in view). */
  async function loadAll() {
    await page.locator('[role="feed"] > article').first().waitFor()
    for (let i = 0; i < 10; i++) {
      if (await page.getByText('已经到底了').isVisible()) return
      const more = page.getByRole('button', { name: '加载更多' })
      // The sentinel may load the page first and hide the button: a missed click is fine.
      if (await more.isVisible()) await more.click({ timeout: 1_000 }).catch(() => {})
      await page.waitForTimeout(100)
    }
    await page.getByText('已经到底了').waitFor()
  }

  it('opens / and shows the latest articles as a feed', async () => {
    await page.goto(`${server.url}/`)
    await expect.poll(() => h1().textContent()).toBe('最新文章')
    const feed = page.getByRole('feed')
    await feed.locator('article').first().waitFor()
    // The sentinel may already be loading the next pages: the newest come first either way.
    expect((await listTitles(page)).slice(0, 3)).toEqual([
      '滨江公园新增夜跑步道',
      '本地团队发布开源天气小工具',
      '地铁三号线周末加开班次',
    ])
    expect(await feed.locator('article').first().getAttribute('aria-posinset')).toBe('1')
    await loadAll()
    expect(await listTitles(page)).toHaveLength(7)
  })

  it('follows an article, shows its title as <h1>, and survives a reload', async () => {
    await page.goto(`${server.url}/`)
    await page.getByRole('link', { name: '本地团队发布开源天气小工具' }).click()
    await expect.poll(() => h1().textContent()).toBe('本地团队发布开源天气小工具')
    await page.getByText('这个小工具只有几十行代码').waitFor()
    expect(new URL(page.url()).pathname).toBe('/article/2026112802')
    await page.reload()
    await expect.poll(() => h1().textContent()).toBe('本地团队发布开源天气小工具')
    await page.getByText('这个小工具只有几十行代码').waitFor()
    const source = page.getByRole('link', { name: /阅读原文/ })
    expect(await source.getAttribute('target')).toBe('_blank')
    expect(await source.getAttribute('rel')).toBe('noopener noreferrer')
  })

  it('shows only a category’s articles', async () => {
    await page.goto(`${server.url}/category/technews`)
    await expect.poll(() => h1().textContent()).toContain('科技日报')
    await loadAll()
    expect(await listTitles(page)).toEqual([
      '本地团队发布开源天气小工具',
      '机器人编程课走进社区',
      '图书馆开放电子书借阅',
    ])
  })

  it('shows only a Chinese tag’s articles, and a tag with / # ? round-trips', async () => {
    await page.goto(`${server.url}/tag/${encodeURIComponent('中文')}`)
    await expect.poll(() => h1().textContent()).toBe('标签：中文')
    await loadAll()
    expect(await listTitles(page)).toEqual([
      '滨江公园新增夜跑步道',
      '机器人编程课走进社区',
      '菜市场试点无现金支付',
    ])
    await page.getByRole('link', { name: '机器人编程课走进社区' }).click()
    await page.getByRole('link', { name: '#AI / 机器人 #1?' }).click()
    await expect.poll(() => h1().textContent()).toBe('标签：AI / 机器人 #1?')
    await page.reload()
    await expect.poll(() => h1().textContent()).toBe('标签：AI / 机器人 #1?')
    await page.locator('[role="feed"] > article').first().waitFor()
    expect(await listTitles(page)).toEqual(['机器人编程课走进社区'])
  })

  it('lands an old-style permalink on the article', async () => {
    await page.goto(`${server.url}/citynews/2026/11/25/Mixed-Case-Id.html`)
    await expect.poll(() => h1().textContent()).toBe('老街修缮完成：青石板路重新开放')
    expect(new URL(page.url()).pathname).toBe('/article/Mixed-Case-Id')
  })

  it('says what is missing (article, source, tag or page), with a way back', async () => {
    const cases = [
      ['/article/no-such-article', '这篇文章不存在'],
      ['/category/nosuch', '找不到这个来源'],
      [`/tag/${encodeURIComponent('没有这个标签')}`, '找不到这个标签'],
      ['/no/such/page', '找不到这个页面'],
    ]
    for (const [path, missing] of cases) {
      await page.goto(server.url + path)
      await expect.poll(() => h1().textContent()).toBe(missing)
      expect(await page.title()).toBe(`${missing} · 新闻阅读`)
    }
    await page.getByRole('link', { name: '返回首页' }).click()
    await expect.poll(() => h1().textContent()).toBe('最新文章')
  })

  it('says what is missing when the host answers a missing file with index.html and 200', async () => {
    htmlFallback = true
    for (const [path, missing] of [
      ['/article/no-such-article', '这篇文章不存在'],
      ['/category/nosuch', '找不到这个来源'],
    ]) {
      await page.goto(server.url + path)
      await expect.poll(() => h1().textContent()).toBe(missing)
      expect(await page.getByRole('alert').count()).toBe(0)
    }
  })

  it('explains a feed that fails to load, and its retry works once the failure stops', async () => {
    failFeed = true
    await page.goto(`${server.url}/`)
    const alert = page.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toContain('服务器暂时出错')
    failFeed = false
    await alert.getByRole('button', { name: '重试' }).click()
    await page.locator('[role="feed"] > article').first().waitFor()
    expect((await listTitles(page))[0]).toBe('滨江公园新增夜跑步道')
    expect(await page.getByRole('alert').count()).toBe(0)
  })

  it('goes back from an article to the list at the same scroll position', async () => {
    await page.goto(`${server.url}/`)
    await loadAll()
    const link = page.getByRole('link', { name: '菜市场试点无现金支付' })
    await link.scrollIntoViewIfNeeded()
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(100)
    // The place is the article where it was in the window (what is above it may settle later).
    const top = async () => Math.round((await link.boundingBox())?.y ?? NaN)
    const before = await top()
    await link.click()
    await expect.poll(() => h1().textContent()).toBe('菜市场试点无现金支付')
    await page.goBack()
    await expect.poll(() => h1().textContent()).toBe('最新文章')
    await expect.poll(top).toBe(before)
    expect(await listTitles(page)).toHaveLength(7)
  })

  it('walks previous/next within the list the article was opened from', async () => {
    await page.goto(`${server.url}/category/citynews`)
    await page.getByRole('link', { name: '地铁三号线周末加开班次' }).click()
    await expect.poll(() => h1().textContent()).toBe('地铁三号线周末加开班次')
    await page.reload()
    const nav = page.getByRole('navigation', { name: '前后文章' })
    await nav.getByRole('link', { name: /下一篇/ }).click()
    await expect.poll(() => h1().textContent()).toBe('老街修缮完成：青石板路重新开放')
    await nav.getByRole('link', { name: /上一篇/ }).click()
    await expect.poll(() => h1().textContent()).toBe('地铁三号线周末加开班次')
  })
})
