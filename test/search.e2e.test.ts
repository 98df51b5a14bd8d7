// Search in real Chromium over the real posts of ../shared (the corpus and the seed post) built by
// the feed builder: what a reader types and sees, checked against a brute-force substring scan of
// the same articles' title and body text. No article text is written here: the seed's title, its
// category and its tag are read from ../shared at run time.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_CORPUS, DEFAULT_SEEDS } from '../scripts/compare-jekyll.ts'
import type { BundleContentItem } from '../src/shared/feed-bundle.ts'
import { docMatches, NO_FILTERS, type SearchFilters } from '../src/features/search/query.ts'
import { parseQuery, searchBodyText, type SearchDoc } from '../src/shared/search.ts'
import { browserAvailable, collectPageErrors, launchBrowser } from './support/browser.ts'
import { startStaticServer, type StaticServer } from './support/static-server.ts'

const DIST = process.env.E2E_DIST ?? 'dist'
const SEED = DEFAULT_SEEDS.find((s) => existsSync(s))
const available = existsSync(DEFAULT_CORPUS) && SEED !== undefined
if (!available) console.warn('Skipping search e2e tests: ../shared (corpus and seed) is absent')

/** The seed's front matter value of `key` (read, never written into the project). */
function front(file: string, key: string): string {
  const m = new RegExp(`^${key}:\\s*(.*)$`, 'm').exec(readFileSync(file, 'utf8'))
  return (m?.[1] ?? '').trim().replace(/^"(.*)"$/, '$1')
}

describe.runIf(available && browserAvailable())('search over the real posts', () => {
  let dir: string
  let feedDir: string
  let docs: SearchDoc[]
  let browser: Browser
  let server: StaticServer
  let page: Page
  let errors: Error[]
  let hideIndex = false
  const seed = SEED as string

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'news-reader-search-'))
    const site = path.join(dir, 'site')
    cpSync(DEFAULT_CORPUS, site, { recursive: true })
    cpSync(seed, path.join(site, '_posts', path.basename(seed)))
    feedDir = path.join(dir, 'feed')
    const r = spawnSync(
      process.execPath,
      ['scripts/feed.mjs', 'build', site, '--out', feedDir, '--quiet'],
      { encoding: 'utf8' },
    )
    if (r.status !== 0) throw new Error(r.stderr)
    docs = readdirSync(path.join(feedDir, 'content')).map((f) => {
      const item = JSON.parse(
        readFileSync(path.join(feedDir, 'content', f), 'utf8'),
      ) as BundleContentItem
      return {
        id: item.id,
        title: item.title,
        date_published: item.date_published,
        category: item._reader.category,
        tags: item.tags,
        text: searchBodyText(item.content_html),
      }
    })
    server = await startStaticServer({
      root: DIST,
      feedDir,
      intercept: (_req, res, pathname) => {
        if (!hideIndex || !pathname.startsWith('/feed/search/')) return false
        res.writeHead(404).end()
        return true
      },
    })
    browser = await launchBrowser()
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })
  beforeEach(async () => {
    hideIndex = false
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } })
    errors = collectPageErrors(page)
  })
  afterEach(async () => {
    await page.close()
    expect(errors.map(String)).toEqual([])
  })

  /** The brute-force count of a query. */
  const scan = (q: string, f: SearchFilters = NO_FILTERS) => {
    const parsed = parseQuery(q)
    if (!parsed.ok) throw new Error(q)
    return docs.filter((d) => docMatches(d, parsed.query, f)).length
  }
  const status = () => page.locator('.search-page [role="status"]')
  const results = () => page.getByRole('feed', { name: '搜索结果' }).locator(':scope > article')
  const url = (q: string, extra = '') => `${server.url}/search?q=${encodeURIComponent(q)}${extra}`

  it('finds the seed post for 东营市, with the match marked in its excerpt', async () => {
    await page.goto(url('东营市'))
    const n = scan('东营市')
    expect(n).toBeGreaterThan(0)
    await expect.poll(() => status().textContent()).toBe(`共 ${n} 篇`)
    await expect.poll(() => page.getByRole('link', { name: front(seed, 'title') }).count()).toBe(1)
    expect(await results().count()).toBe(n)
    expect(await results().first().locator('mark').first().textContent()).toBe('东营市')
  })

  it('counts what the brute-force scan counts, for a handful of queries', async () => {
    for (const q of ['市', '中国', '工业互联网', 'etf', 'Ａ股', '公司 -中国', '"工业 互联网"']) {
      await page.goto(url(q))
      const n = scan(q)
      await expect.poll(() => status().textContent(), { message: q }).toBe(`共 ${n} 篇`)
    }
  })

  it('filters by category and tag, and keeps the search on reload', async () => {
    const category = front(seed, 'categories')
    const tag = front(seed, 'tags')
    const f = { ...NO_FILTERS, category, tag }
    const n = scan('市', f)
    expect(n).toBeGreaterThan(0)
    expect(n).toBeLessThan(scan('市'))
    await page.goto(
      url('市', `&category=${encodeURIComponent(category)}&tag=${encodeURIComponent(tag)}`),
    )
    await expect.poll(() => status().textContent()).toBe(`共 ${n} 篇`)
    await page.reload()
    await expect.poll(() => status().textContent()).toBe(`共 ${n} 篇`)
    expect(await results().count()).toBe(Math.min(n, 20))
    expect(await page.getByRole('searchbox', { name: '搜索文章' }).inputValue()).toBe('市')
  })

  it('says when nothing matches, when a query is malformed, and when there is no index', async () => {
    await page.goto(url('东营市 -东营市'))
    await expect.poll(() => status().textContent()).toBe('共 0 篇')
    await expect(page.getByText('没有找到包含“东营市 -东营市”的文章。').count()).resolves.toBe(1)
    await page.goto(url('"东营'))
    await page.getByText('引号没有配对').waitFor()
    hideIndex = true
    await page.goto(url('东营市'))
    await page.getByRole('alert').getByText('这个订阅源没有搜索索引').waitFor()
  })

  it('focuses the search box with / from a list, searches on Enter, and Esc leaves the box', async () => {
    await page.goto(`${server.url}/`)
    await page.locator('[role="feed"] > article').first().waitFor()
    await page.keyboard.press('/')
    const box = page.getByRole('searchbox', { name: '搜索文章' })
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.type('东营市')
    await page.keyboard.press('Enter')
    await expect.poll(() => new URL(page.url()).pathname).toBe('/search')
    await expect.poll(() => status().textContent()).toBe(`共 ${scan('东营市')} 篇`)
    await box.focus()
    await page.keyboard.press('Escape')
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(false)
  })
})
