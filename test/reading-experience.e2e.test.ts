// The daily reading experience in real Chromium over a generated archive: how much a phone screen
// shows, touch targets, the keyboard, the way back from an article, the wide reading layout, the
// settings (theme, text, muted words), and the old site's list paths.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { makeArchive, type Archive } from './support/archive.ts'
import { browserAvailable, collectPageErrors, launchBrowser } from './support/browser.ts'
import { startStaticServer, type StaticServer } from './support/static-server.ts'

const DIST = process.env.E2E_DIST ?? 'dist'
const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1280, height: 800 }

describe.runIf(browserAvailable())('reading experience', () => {
  let archive: Archive
  let browser: Browser
  let server: StaticServer
  let context: BrowserContext
  let errors: Error[]
  /** When set, the feed's root page carries one more article at its head. */
  let grown = false

  beforeAll(async () => {
    archive = makeArchive(120, 7)
    server = await startStaticServer({
      root: DIST,
      feedDir: archive.feedDir,
      intercept: async (_req, res, pathname) => {
        if (!grown || pathname !== '/feed/feed.json') return false
        const feed = JSON.parse(
          await readFile(path.join(archive.feedDir, 'feed.json'), 'utf8'),
        ) as {
          items: Record<string, unknown>[]
        }
        const first = feed.items[0]!
        feed.items.unshift({ ...first, id: 'fresh-1', title: '刚刚到达的一篇' })
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(feed))
        return true
      },
    })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    archive?.remove()
  })
  afterEach(async () => {
    grown = false
    await context?.close()
    expect(errors.map(String)).toEqual([])
  })

  async function open(
    path: string,
    viewport = PHONE,
    opts: { touch?: boolean } = {},
  ): Promise<Page> {
    context = await browser.newContext({
      viewport,
      hasTouch: opts.touch ?? false,
      isMobile: opts.touch ?? false,
    })
    const page = await context.newPage()
    errors = collectPageErrors(page)
    await page.goto(server.url + path)
    await items(page).first().waitFor()
    return page
  }
  const items = (page: Page) => page.locator('[role="feed"] > article')

  /** Scrolls the page by a wheel over the list and waits until it has come to rest. */
  async function scrollBy(page: Page, dy: number): Promise<number> {
    const { width, height } = page.viewportSize()!
    await page.mouse.move(width / 2, height / 2)
    await page.mouse.wheel(0, dy)
    // At rest: the same offset for half a second (more items may still arrive and be measured).
    const seen: number[] = []
    await expect
      .poll(
        async () => {
          seen.push(await page.evaluate(() => scrollY))
          const recent = seen.slice(-6)
          return recent.length === 6 && recent[0]! > 0 && recent.every((y) => y === recent[0])
        },
        { interval: 100 },
      )
      .toBe(true)
    return seen.at(-1)!
  }

  /** An item wholly on screen (a list keeps a few items out of view rendered too). */
  async function itemOnScreen(page: Page, nth: number) {
    const id = await page.evaluate((n) => {
      const visible = [...document.querySelectorAll('[role="feed"] > article')].filter((el) => {
        const r = el.getBoundingClientRect()
        return r.top >= 0 && r.bottom <= window.innerHeight
      })
      return visible[n]?.getAttribute('data-id')
    }, nth)
    expect(id).toBeTruthy()
    const item = page.locator(`[role="feed"] > article[data-id="${id}"]`)
    return { item, title: ((await item.locator('h2').textContent()) ?? '').trim() }
  }

  /** List items wholly on screen. */
  const itemsOnScreen = (page: Page) =>
    page.evaluate(
      () =>
        [...document.querySelectorAll('[role="feed"] > article')].filter((el) => {
          const r = el.getBoundingClientRect()
          return r.top >= 0 && r.bottom <= window.innerHeight
        }).length,
    )

  it('shows at least 4 items on a phone screen, and at least 10 when compact', async () => {
    const page = await open('/', PHONE)
    expect(await itemsOnScreen(page)).toBeGreaterThanOrEqual(4)
    await page.getByRole('button', { name: '紧凑' }).click()
    await expect.poll(() => itemsOnScreen(page)).toBeGreaterThanOrEqual(10)
    // The choice is the reader's: it survives a reload.
    await page.reload()
    await items(page).first().waitFor()
    expect(await page.getByRole('button', { name: '紧凑' }).getAttribute('aria-pressed')).toBe(
      'true',
    )
    expect(await itemsOnScreen(page)).toBeGreaterThanOrEqual(10)
  })

  it('gives every control a 44 px touch target on a touch screen', async () => {
    const page = await open('/', PHONE, { touch: true })
    const first = items(page).first()
    await first.getByRole('button', { name: '收藏' }).waitFor()
    const targets = [
      ...(await page.getByRole('navigation', { name: '主导航' }).getByRole('link').all()),
      page.getByRole('switch', { name: '只看未读' }),
      page.getByRole('button', { name: '紧凑' }),
      first.getByRole('button', { name: '已读' }),
      first.getByRole('button', { name: '收藏' }),
      first.locator('.meta .source'),
    ]
    for (const target of targets) {
      // The switch's target is its label.
      const box = await target.evaluate((el) => {
        const r = (el.closest('label') ?? el).getBoundingClientRect()
        return { width: r.width, height: r.height }
      })
      expect
        .soft(Math.round(box.height), await target.evaluate((el) => el.outerHTML.slice(0, 80)))
        .toBeGreaterThanOrEqual(44)
      expect.soft(Math.round(box.width)).toBeGreaterThanOrEqual(44)
    }
    // The header stays at hand down a long list.
    await page.mouse.wheel(0, 2_000)
    await expect
      .poll(() => page.locator('.site-header').evaluate((el) => el.getBoundingClientRect().top))
      .toBe(0)
  })

  it('reads by keyboard: j/k move, o opens, Back returns focus to the item, m marks, ? helps', async () => {
    const page = await open('/', PHONE)
    await items(page).first().getByRole('button', { name: '已读' }).waitFor()
    await page.keyboard.press('j')
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-posinset')))
      .toBe('1')
    await page.keyboard.press('j')
    await page.keyboard.press('j')
    await page.keyboard.press('k')
    const focusedPos = () =>
      page.evaluate(() => document.activeElement?.getAttribute('aria-posinset'))
    await expect.poll(focusedPos).toBe('2')
    const second = items(page).nth(1)
    const title = (await second.locator('h2').textContent())?.trim() ?? ''
    // One tab stop for the whole list.
    expect(await items(page).evaluateAll((els) => els.filter((e) => e.tabIndex === 0).length)).toBe(
      1,
    )

    await page.keyboard.press('m')
    await expect
      .poll(() => second.getByRole('button', { name: '已读' }).getAttribute('aria-pressed'))
      .toBe('true')
    await page.keyboard.press('m')
    await expect
      .poll(() => second.getByRole('button', { name: '已读' }).getAttribute('aria-pressed'))
      .toBe('false')

    await page.keyboard.press('o')
    await page.getByRole('heading', { level: 1, name: title }).waitFor()
    await page.goBack()
    await expect.poll(focusedPos).toBe('2')

    await page.keyboard.press('?')
    const help = page.getByRole('dialog', { name: '键盘快捷键' })
    await help.waitFor()
    await page.keyboard.press('Escape')
    await help.waitFor({ state: 'hidden' })

    // Typing in a field is typing, not a shortcut.
    await page.keyboard.press('g')
    await page.keyboard.press('s')
    await page.getByRole('heading', { level: 1, name: '设置' }).waitFor()
    const before = page.url()
    await page.locator('input, select').first().focus()
    await page.keyboard.press('g')
    await page.keyboard.press('h')
    expect(page.url()).toBe(before)
  })

  it('goes back to the list from an article, at the place the reader left it', async () => {
    const page = await open('/', PHONE)
    const y = await scrollBy(page, 1_500)
    const { item, title } = await itemOnScreen(page, 1)
    await item.locator('h2 a').click()
    await page.getByRole('heading', { level: 1, name: title }).waitFor()
    await page.getByRole('link', { name: '返回列表' }).click()
    await page.waitForURL(server.url + '/')
    // Within a few lines: the list's rows are measured again as they come back.
    await expect
      .poll(async () => Math.abs((await page.evaluate(() => scrollY)) - y))
      .toBeLessThan(50)
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.querySelector('h2')?.textContent))
      .toBe(title)
    // Opened cold (a shared link), it leads to the list all the same.
    await page.goto(`${server.url}/article/${encodeURIComponent(archive.ids[0]!)}`)
    await page.getByRole('link', { name: '返回列表' }).click()
    await page.waitForURL(server.url + '/')
    await items(page).first().waitFor()
  })

  it('on a wide screen shows sources, the list and the article side by side', async () => {
    const page = await open('/', DESKTOP)
    const sources = page.getByRole('navigation', { name: '来源' })
    await expect
      .poll(() => sources.getByRole('link', { name: '全部来源' }).getAttribute('aria-current'))
      .toBe('page')
    // Unread counts beside the sources, from the bundle's totals.
    await expect
      .poll(() => sources.getByRole('link', { name: /篇未读$/ }).count())
      .toBeGreaterThan(1)

    const y = await scrollBy(page, 900)
    const { item, title } = await itemOnScreen(page, 1)
    const listBox = await page.locator('[role="feed"]').boundingBox()
    await item.locator('h2 a').click()
    const heading = page.getByRole('heading', { level: 1, name: title })
    await heading.waitFor()
    // The list stays where it was, the article beside it, and focus in the article's pane.
    expect(await page.evaluate(() => scrollY)).toBe(y)
    const articleBox = await heading.boundingBox()
    expect(articleBox!.x).toBeGreaterThan(listBox!.x + listBox!.width)
    expect(articleBox!.y).toBeGreaterThanOrEqual(0)
    expect(articleBox!.y).toBeLessThan(DESKTOP.height)
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('reading-pane')
    // 返回列表 is there, and hidden: the list is beside the article.
    await expect(page.locator('.back-link').count()).resolves.toBe(1)
    await expect(page.locator('.back-link').isVisible()).resolves.toBe(false)

    // A source from the sidebar: its list in the middle, marked current.
    const source = sources.getByRole('link').nth(2)
    const name = (await source.locator('.name').textContent()) ?? ''
    await source.click()
    await expect.poll(() => source.getAttribute('aria-current')).toBe('page')
    await page.getByRole('heading', { level: 1, name: new RegExp(name) }).waitFor()
  })

  it('on a wide screen keeps "unread only" beside an opened article, the article in place', async () => {
    const page = await open('/?unread=1', DESKTOP)
    const { item, title } = await itemOnScreen(page, 2)
    await item.locator('h2 a').click()
    await page.getByRole('heading', { level: 1, name: title }).waitFor()
    expect(new URL(page.url()).searchParams.get('unread')).toBe('1')
    expect(await page.getByRole('switch', { name: '只看未读' }).isChecked()).toBe(true)
    // Opened, so read, and still where it was in the list until the reader leaves it.
    await expect
      .poll(() => item.getByRole('button', { name: '已读' }).getAttribute('aria-pressed'))
      .toBe('true')
    expect(await item.isVisible()).toBe(true)
  })

  it('keeps "N 条新消息" in view however far down the reader is', async () => {
    context = await browser.newContext({ viewport: PHONE })
    const page = await context.newPage()
    errors = collectPageErrors(page)
    await page.clock.install()
    await page.goto(server.url + '/')
    await items(page).first().waitFor()
    await scrollBy(page, 2_500)
    grown = true
    await page.clock.fastForward(61_000)
    const pill = page.getByRole('button', { name: '1 条新消息' })
    await pill.waitFor()
    const box = await pill.boundingBox()
    expect(box!.y).toBeGreaterThanOrEqual(0)
    expect(box!.y + box!.height).toBeLessThanOrEqual(PHONE.height)
    await pill.click()
    await expect.poll(() => page.evaluate(() => scrollY)).toBe(0)
    await page.getByRole('heading', { level: 2, name: '刚刚到达的一篇' }).waitFor()
  })

  it('applies the reader’s theme and text size everywhere, and keeps them across a reload', async () => {
    const page = await open('/', PHONE)
    await page.goto(server.url + '/settings')
    await page.getByRole('radio', { name: '深色' }).click()
    await page.getByRole('radio', { name: '特大' }).click()
    const background = () =>
      page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)
    expect(await background()).toBe('rgb(18, 18, 18)')
    await page.goto(`${server.url}/article/${encodeURIComponent(archive.ids[3]!)}`)
    const body = page.locator('article.article .body')
    await body.waitFor()
    expect(await body.evaluate((el) => getComputedStyle(el).fontSize)).toBe('24px')
    await page.reload()
    await body.waitFor()
    expect(await background()).toBe('rgb(18, 18, 18)')
    expect(await body.evaluate((el) => getComputedStyle(el).fontSize)).toBe('24px')
  })

  it('hides articles with a muted word from the latest list, with a note, across a reload', async () => {
    const page = await open('/', PHONE)
    const first = items(page).first().locator('h2 a')
    const title = (await first.textContent())!
    const titled = page.locator('[role="feed"] > article h2 a', { hasText: title })
    await page.goto(server.url + '/settings')
    await page.getByRole('textbox', { name: '屏蔽词' }).fill(title)
    await page.goto(server.url + '/')
    const note = page.getByRole('status').filter({ hasText: /\d+ 条已隐藏/ })
    await note.waitFor()
    await items(page).first().waitFor()
    expect(await titled.count()).toBe(0)
    await page.reload()
    await note.waitFor()
    await items(page).first().waitFor()
    expect(await titled.count()).toBe(0)
    await note.getByRole('button', { name: '显示' }).click()
    await titled.first().waitFor()
  })

  it('keeps the old site’s list addresses working', async () => {
    const page = await open('/index.html', PHONE)
    expect(new URL(page.url()).pathname).toBe('/')
    const slug = await items(page)
      .first()
      .locator('.meta .source')
      .getAttribute('href')
      .then((href) => decodeURIComponent(href!.split('/').pop()!))
    await page.goto(`${server.url}/category/${encodeURIComponent(slug)}.html`)
    await page.waitForURL(`${server.url}/category/${encodeURIComponent(slug)}`)
    await items(page).first().waitFor()
  })
})
