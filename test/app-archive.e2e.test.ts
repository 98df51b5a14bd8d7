// The reader over a generated archive of a few hundred posts (a dozen pages) in real Chromium:
// what only shows at more than one screenful, such as paging under a filter and scroll positions
// across page loads.
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { encodeReadMarks, type ReadMark } from '../src/features/reading-state/read-marks-codec.ts'
import { makeArchive, type Archive } from './support/archive.ts'
import { browserAvailable, collectPageErrors, launchBrowser } from './support/browser.ts'
import { startStaticServer, type StaticServer } from './support/static-server.ts'

const DIST = process.env.E2E_DIST ?? 'dist'
const READ_MARKS_KEY = 'news-reader:v1:read-marks'

describe.runIf(browserAvailable())('a generated archive of 600 posts', () => {
  let archive: Archive
  let browser: Browser
  let server: StaticServer
  let page: Page
  let errors: Error[]
  const requested: string[] = []

  beforeAll(async () => {
    archive = makeArchive(600)
    server = await startStaticServer({
      root: DIST,
      feedDir: archive.feedDir,
      intercept: (_req, _res, pathname) => {
        requested.push(pathname)
        return false
      },
    })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    archive?.remove()
  })
  beforeEach(async () => {
    requested.length = 0
    page = await browser.newPage({ viewport: { width: 390, height: 700 } })
    errors = collectPageErrors(page)
  })
  afterEach(async () => {
    await page.close()
    expect(errors.map(String)).toEqual([])
  })

  const articles = () => page.locator('[role="feed"] > article')
  const listPages = () => requested.filter((p) => /^\/feed\/page-\d+\.json$/.test(p))

  it('with "unread only" and everything read, does not fetch the whole archive', async () => {
    const marks = new Map<string, ReadMark>(
      archive.ids.map((id) => [id, { read: true, t: 1, c: null }]),
    )
    await page.addInitScript(({ key, value }) => localStorage.setItem(key, value), {
      key: READ_MARKS_KEY,
      value: encodeReadMarks(marks),
    })
    await page.goto(`${server.url}/?unread=1`)
    await page.getByRole('button', { name: '加载更多' }).waitFor()
    await page.waitForTimeout(1_500)
    expect(await articles().count()).toBe(0)
    // The sentinel stays in view: a few pages load by themselves, then the reader decides.
    expect(listPages().length).toBeLessThanOrEqual(3)
    const before = listPages().length
    await page.getByRole('button', { name: '加载更多' }).click()
    await expect.poll(() => listPages().length).toBeGreaterThan(before)
  })

  it('opens another address fresh at its top, not where the last one was left', async () => {
    await page.goto(`${server.url}/`)
    await articles().nth(20).scrollIntoViewIfNeeded()
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(1_000)
    // The same tab opens another list's address (typed, or from a bookmark).
    await page.goto(`${server.url}/?from=bookmark`)
    await articles().nth(20).waitFor()
    await page.waitForTimeout(500)
    expect(await page.evaluate(() => window.scrollY)).toBe(0)
  })

  it('returns to the same place after a reload: the same article, as far scrolled', async () => {
    await page.goto(`${server.url}/`)
    await articles().nth(20).scrollIntoViewIfNeeded()
    // The article at the top of the window and how far it is scrolled past, once items measured
    // late have stopped moving it.
    const top = () =>
      page.evaluate(() => {
        for (const el of document.querySelectorAll<HTMLElement>('[role="feed"] > article')) {
          const box = el.getBoundingClientRect()
          if (box.bottom > 0) return { id: el.dataset.id ?? '', top: box.top }
        }
        return { id: '', top: 0 }
      })
    let before = await top()
    await expect
      .poll(async () => {
        const [now, later] = [await top(), await page.waitForTimeout(200).then(top)]
        before = now
        return now.id === later.id && now.top === later.top
      })
      .toBe(true)
    expect(before.id).not.toBe('')
    // The window scrolls by whole pixels while the layout moves by fractions of one (the list's
    // height changes a little as it settles): the article can come back up to two pixels off.
    // A lost place is off by an item or more.
    const samePlace = async () => {
      const now = await top()
      return now.id === before.id && Math.abs(now.top - before.top) <= 2
    }
    await page.reload()
    await expect.poll(samePlace).toBe(true)
    await page.waitForTimeout(500)
    expect(await samePlace()).toBe(true)
  })
})
