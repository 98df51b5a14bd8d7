// Reading state and favourites in real Chromium against the production build (E2E_DIST, default
// dist), over the project's bundle fixture: they survive reloads, two tabs changing favourites at
// the same moment both keep their change, garbage in storage is kept aside and reported, a full
// quota prunes the oldest read marks (never a favourite), and unavailable storage falls back to
// memory with a notice.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { encodeReadMarks, type ReadMark } from '../src/features/reading-state/read-marks-codec.ts'
import { browserAvailable, collectPageErrors, launchBrowser } from './support/browser.ts'
import { startStaticServer, type StaticServer } from './support/static-server.ts'

const DIST = process.env.E2E_DIST ?? 'dist'
const FEED = path.resolve('test/fixtures/feeds/bundle')
const FAVOURITES_KEY = 'news-reader:v1:favourites'
const READ_MARKS_KEY = 'news-reader:v1:read-marks'
const run = browserAvailable()

const FIRST = '滨江公园新增夜跑步道'
const SECOND = '本地团队发布开源天气小工具'
const THIRD = '地铁三号线周末加开班次'

describe.runIf(run)('reading state and favourites in localStorage', () => {
  let browser: Browser
  let server: StaticServer
  let context: BrowserContext
  let errors: Error[]

  beforeAll(async () => {
    server = await startStaticServer({ root: DIST, feedDir: FEED })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 390, height: 800 } })
    errors = []
  })
  afterEach(async () => {
    await context.close()
    expect(errors.map(String)).toEqual([])
  })

  async function open(url = '/'): Promise<Page> {
    const page = await context.newPage()
    errors.push(...collectPageErrors(page))
    await page.goto(server.url + url)
    return page
  }
  const item = (page: Page, title: string) =>
    page
      .locator('[role="feed"] > article')
      .filter({ has: page.getByRole('heading', { name: title }) })
  const toggle = (page: Page, title: string, name: '收藏' | '已读') =>
    item(page, title).getByRole('button', { name, exact: true })
  const pressed = (page: Page, title: string, name: '收藏' | '已读') =>
    toggle(page, title, name).getAttribute('aria-pressed')
  const storedKeys = (page: Page) =>
    page.evaluate(() => Object.fromEntries(Object.entries(localStorage)) as Record<string, string>)

  it('keeps a read mark and a favourite across a reload', async () => {
    const page = await open()
    await toggle(page, FIRST, '已读').click()
    await toggle(page, SECOND, '收藏').click()
    expect(await pressed(page, FIRST, '已读')).toBe('true')
    await page.reload()
    await expect.poll(() => pressed(page, FIRST, '已读')).toBe('true')
    expect(await pressed(page, SECOND, '收藏')).toBe('true')
    expect(await pressed(page, SECOND, '已读')).toBe('false')
    expect(await pressed(page, FIRST, '收藏')).toBe('false')
  })

  it('marks an article read when opened and lists favourites even without their feed page', async () => {
    const page = await open()
    await item(page, THIRD).getByRole('link', { name: THIRD }).click()
    await page.getByRole('heading', { level: 1, name: THIRD }).waitFor()
    await expect
      .poll(() =>
        page.getByRole('button', { name: '已读', exact: true }).getAttribute('aria-pressed'),
      )
      .toBe('true')
    await page.getByRole('button', { name: '收藏', exact: true }).click()
    await page.goBack()
    await expect.poll(() => pressed(page, THIRD, '已读')).toBe('true')
    // /favourites after a reload: title, summary, source and tags from the snapshot; the links
    // open the article and the source.
    await page.goto(`${server.url}/favourites`)
    const entry = page.getByRole('list', { name: '收藏的文章' }).getByRole('article')
    await expect.poll(() => entry.count()).toBe(1)
    expect(await entry.textContent()).toContain('周末早高峰间隔缩短到四分钟。')
    expect(await entry.getByRole('link', { name: '城市快讯' }).getAttribute('href')).toBe(
      '/category/citynews',
    )
    await entry.getByRole('link', { name: THIRD }).click()
    await page.getByRole('heading', { level: 1, name: THIRD }).waitFor()
  })

  it('exports favourites to a file and imports them into a fresh browser', async () => {
    const page = await open()
    await toggle(page, FIRST, '收藏').click()
    await page.goto(`${server.url}/favourites`)
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出收藏' }).click(),
    ])
    const file = await download.path()
    const text = await readFile(file, 'utf8')
    expect(JSON.parse(text)).toMatchObject({
      format: 'news-reader-favourites',
      items: [{ title: FIRST }],
    })
    // Another browser profile: nothing stored yet; importing twice adds it once.
    const other = await browser.newContext()
    try {
      const fresh = await other.newPage()
      errors.push(...collectPageErrors(fresh))
      await fresh.goto(`${server.url}/favourites`)
      await fresh.getByText(/还没有收藏/).waitFor()
      // The button named 导入收藏 opens the browser's file chooser.
      const importFile = async () => {
        const [chooser] = await Promise.all([
          fresh.waitForEvent('filechooser'),
          fresh.getByRole('button', { name: '导入收藏' }).click(),
        ])
        await chooser.setFiles({
          name: 'f.json',
          mimeType: 'application/json',
          buffer: Buffer.from(text),
        })
      }
      await importFile()
      await fresh.getByRole('status').filter({ hasText: '已导入 1 篇。' }).waitFor()
      await importFile()
      await fresh
        .getByRole('status')
        .filter({ hasText: '已导入 0 篇，1 篇已在收藏中，未重复添加。' })
        .waitFor()
      await fresh.reload()
      const entries = fresh.getByRole('list', { name: '收藏的文章' }).getByRole('article')
      await expect.poll(() => entries.count()).toBe(1)
      expect(await entries.textContent()).toContain(FIRST)
    } finally {
      await other.close()
    }
  })

  it('keeps the "unread only" switch in the URL across a reload', async () => {
    const page = await open()
    await toggle(page, FIRST, '已读').click()
    await page.getByRole('switch', { name: '只看未读' }).click()
    await expect.poll(() => new URL(page.url()).searchParams.get('unread')).toBe('1')
    await expect.poll(() => item(page, FIRST).count()).toBe(0)
    await page.reload()
    await item(page, SECOND).waitFor()
    expect(await item(page, FIRST).count()).toBe(0)
    expect(await page.getByRole('switch', { name: '只看未读' }).isChecked()).toBe(true)
    // Read while reading the list: it stays in place until the list is opened again.
    await toggle(page, SECOND, '已读').click()
    expect(await pressed(page, SECOND, '已读')).toBe('true')
    await page.reload()
    await item(page, THIRD).waitFor()
    expect(await item(page, SECOND).count()).toBe(0)
  })

  it('counts unread per category in the directory and on the category page', async () => {
    const page = await open('/categories')
    const city = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: '城市快讯' }) })
    await expect.poll(() => city.textContent()).toContain('4 篇未读')
    await city.getByRole('link', { name: '城市快讯' }).click()
    await toggle(page, FIRST, '已读').click()
    await page.locator('.list-tools').getByText('3 篇未读').waitFor()
    await page.goBack()
    await expect.poll(() => city.textContent()).toContain('3 篇未读')
  })

  it('marks the whole loaded list read from the menu, and keeps it', async () => {
    const page = await open()
    await item(page, THIRD).waitFor()
    await page.getByText('标为已读', { exact: true }).click()
    await page.getByRole('button', { name: '全部标为已读' }).click()
    await page.getByText(/已将 \d+ 篇标为已读/).waitFor()
    const toggles = page
      .locator('[role="feed"] > article')
      .getByRole('button', { name: '已读', exact: true })
    const n = await toggles.count()
    expect(n).toBeGreaterThanOrEqual(3)
    await page.reload()
    await item(page, THIRD).waitFor()
    for (let i = 0; i < n; i++)
      expect(await toggles.nth(i).getAttribute('aria-pressed')).toBe('true')
    await expect.poll(() => page.locator('.list-tools').textContent()).toContain('全部已读')
  })

  it('follows the setting: read when scrolled past, or only by hand', async () => {
    const page = await open('/settings')
    await page.getByRole('radio', { name: '在列表中滚动经过时' }).click()
    await page.getByRole('link', { name: '最新' }).click()
    await item(page, THIRD).waitFor()
    expect(await pressed(page, FIRST, '已读')).toBe('false')
    // Scroll to the end (more pages may load meanwhile): the first item has been scrolled past.
    await expect
      .poll(async () => {
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
        return pressed(page, FIRST, '已读')
      })
      .toBe('true')
    // Only by hand: opening an article leaves it unread.
    await page.goto(`${server.url}/settings`)
    await page.getByRole('radio', { name: '仅手动' }).click()
    await page.goto(`${server.url}/`)
    const LAST = '菜市场试点无现金支付' // the bottom of the feed: never scrolled past
    await page.getByText('已经到底了').waitFor()
    expect(await pressed(page, LAST, '已读')).toBe('false')
    await item(page, LAST).getByRole('link', { name: LAST }).click()
    await page.getByRole('heading', { level: 1, name: LAST }).waitFor()
    await page.waitForTimeout(300)
    const articleToggle = page.getByRole('button', { name: '已读', exact: true })
    expect(await articleToggle.getAttribute('aria-pressed')).toBe('false')
  })

  it('two tabs favouriting different articles at the same moment both keep theirs', async () => {
    const a = await open()
    const b = await open()
    // Both clicks fire at the same wall-clock moment, before either tab can see the other's write.
    const buttons = await Promise.all([
      toggle(a, FIRST, '收藏').elementHandle(),
      toggle(b, SECOND, '收藏').elementHandle(),
    ])
    const at = Date.now() + 300
    await Promise.all(
      buttons.map((button) =>
        button.evaluate(
          (el, when: number) =>
            new Promise<void>((resolve) =>
              setTimeout(() => {
                ;(el as HTMLElement).click()
                resolve()
              }, when - Date.now()),
            ),
          at,
        ),
      ),
    )
    // Without a reload, each tab shows the other's favourite once the storage event arrives.
    await expect.poll(() => pressed(a, SECOND, '收藏')).toBe('true')
    await expect.poll(() => pressed(b, FIRST, '收藏')).toBe('true')
    await a.waitForTimeout(500)
    await Promise.all([a.reload(), b.reload()])
    for (const page of [a, b]) {
      await expect.poll(() => pressed(page, FIRST, '收藏')).toBe('true')
      expect(await pressed(page, SECOND, '收藏')).toBe('true')
    }
    // And a later change in one tab shows in the other.
    await toggle(a, THIRD, '收藏').click()
    await expect.poll(() => pressed(b, THIRD, '收藏')).toBe('true')
  })

  it('keeps every garbage value, says so, and goes on working', async () => {
    const page = await open()
    await toggle(page, FIRST, '收藏').click()
    await toggle(page, SECOND, '已读').click()
    await page.goto(`${server.url}/settings`)
    await page.getByRole('radio', { name: '仅手动' }).click()
    await page.getByRole('radio', { name: '打开文章时' }).click()
    await page.goto(server.url + '/')
    const keys = Object.keys(await storedKeys(page))
    expect(keys).toEqual(
      expect.arrayContaining([FAVOURITES_KEY, READ_MARKS_KEY, 'news-reader:v1:read-settings']),
    )
    // Written from a page of the same origin without the app, so no write of the app's still
    // pending (a debounced store flushing on page hide) can repair the garbage first.
    await page.route('**/__blank', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title>' }),
    )
    await page.goto(`${server.url}/__blank`)
    const garbage = await page.evaluate((ks) => {
      const values = ks.map((k, i) => `{"garbage":${i},` + '\u0000\ufffd'.repeat(i + 1) + k)
      ks.forEach((k, i) => localStorage.setItem(k, values[i]!))
      return values
    }, keys)
    await page.goto(server.url + '/')
    await page.getByText(/保存的数据有误，已备份/).waitFor()
    await toggle(page, THIRD, '收藏').click()
    await page.waitForTimeout(500)
    await page.reload()
    await expect.poll(() => pressed(page, THIRD, '收藏')).toBe('true')
    const stored = Object.values(await storedKeys(page))
    for (const g of garbage) expect(stored).toContain(g)
    // Backed up once: no second notice now that the stored values are good again.
    expect(await page.getByText(/保存的数据有误/).count()).toBe(0)
  })

  it('with the quota full, favouriting still works and prunes the oldest read marks', async () => {
    const page = await open()
    await item(page, FIRST).waitFor()
    // 40,000 old read marks of other articles, then filler up to the quota.
    const marks = new Map<string, ReadMark>()
    for (let i = 0; i < 40_000; i++) {
      marks.set(`2020010100${String(10_000_000 + i * 997).padStart(8, '0')}`, {
        read: true,
        t: 2_800_000 + i,
        c: 'citynews',
      })
    }
    const filled = await page.evaluate(
      ({ key, value }) => {
        localStorage.setItem(key, value)
        let n = 0
        for (let size = 1 << 20; size >= 1; size >>= 1) {
          const chunk = 'x'.repeat(size)
          for (;;) {
            try {
              localStorage.setItem(`filler:${n}`, chunk)
              n++
            } catch {
              break
            }
          }
        }
        return n
      },
      { key: READ_MARKS_KEY, value: encodeReadMarks(marks) },
    )
    expect(filled).toBeGreaterThan(0)
    await page.reload()
    await toggle(page, SECOND, '收藏').click()
    expect(await pressed(page, SECOND, '收藏')).toBe('true')
    await page.getByText(/存储已满，已清理最早的已读记录/).waitFor()
    await page.reload()
    await expect.poll(() => pressed(page, SECOND, '收藏')).toBe('true')
    const stored = await storedKeys(page)
    expect(Object.keys(stored).filter((k) => k.startsWith('filler:'))).toHaveLength(filled)
  })

  it('falls back to memory with a visible notice when localStorage is unavailable', async () => {
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError')
        },
      })
    })
    const page = await open()
    await page.getByText('浏览器存储不可用，本次更改不会保存。').waitFor()
    await toggle(page, FIRST, '收藏').click()
    expect(await pressed(page, FIRST, '收藏')).toBe('true')
  })
})
