// Start and long-list behaviour in real Chromium (issue 6), over a generated archive of 400 posts:
// the feed head preloaded by index.html is the one the app reads (a single request); a long list
// keeps a small DOM without breaking the feed pattern or keyboard focus; hovering an item fetches
// its body ahead, so opening it asks the network for nothing more.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { browserAvailable, collectPageErrors, launchBrowser } from './support/browser.ts'
import { startStaticServer, type StaticServer } from './support/static-server.ts'

const DIST = process.env.E2E_DIST ?? 'dist'
const POSTS = 400
const run = browserAvailable()

function npm(...args: string[]) {
  const r = spawnSync('npm', ['run', '--silent', ...args], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`npm run ${args.join(' ')} failed:\n${r.stderr}`)
}

describe.runIf(run)('a long list in the browser', () => {
  let tmp: string
  let browser: Browser
  let server: StaticServer
  let page: Page
  let errors: Error[]
  let requests: string[]
  let warnings: string[]

  beforeAll(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'perf-list-'))
    npm('gen', '--', String(POSTS), path.join(tmp, 'posts'))
    npm('feed', '--', 'build', path.join(tmp, 'posts'), '--out', path.join(tmp, 'feed'), '--quiet')
  })
  beforeAll(async () => {
    server = await startStaticServer({ root: DIST, feedDir: path.join(tmp, 'feed') })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    if (tmp) rmSync(tmp, { recursive: true, force: true })
  })
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 390, height: 700 } })
    errors = collectPageErrors(page)
    requests = []
    warnings = []
    page.on('request', (r) => requests.push(new URL(r.url()).pathname))
    page.on('console', (m) => {
      if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text())
    })
  })
  afterEach(async () => {
    await page.close()
    expect(errors.map(String)).toEqual([])
  })

  const articles = () => page.locator('[role="feed"] > article')
  const positions = () =>
    articles().evaluateAll((els) => els.map((e) => Number(e.getAttribute('aria-posinset'))))

  /** Waits until the page has made no request for 700 ms (networkidle fires once per page). */
  async function quiet() {
    for (let n = -1; n !== requests.length;) {
      n = requests.length
      await page.waitForTimeout(700)
    }
  }

  async function scrollUntilLoaded(count: number) {
    for (let i = 0; i < 100; i++) {
      const max = Math.max(0, ...(await positions()))
      if (max >= count) return
      await page.mouse.wheel(0, 20_000)
      await page.waitForTimeout(100)
    }
    throw new Error(`the list did not reach ${count} items`)
  }

  it('reads the preloaded feed head: one request for feed.json, no unused preload', async () => {
    await page.goto(`${server.url}/`)
    await articles().first().waitFor()
    await page.waitForLoadState('load')
    // Chromium warns about an unused preload a few seconds after load.
    await page.waitForTimeout(3_500)
    expect(requests.filter((p) => p === '/feed/feed.json')).toHaveLength(1)
    expect(warnings.filter((w) => /preload/i.test(w))).toEqual([])
    // …and that one request is the preload from index.html, not a fetch after the JS ran.
    const initiators = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => new URL(e.name).pathname === '/feed/feed.json')
        .map((e) => (e as PerformanceResourceTiming).initiatorType),
    )
    expect(initiators).toEqual(['link'])
  })

  it('keeps a short list whole and a long one windowed, every item in its place', async () => {
    await page.goto(`${server.url}/`)
    await articles().first().waitFor()
    // One page (50 items): all in the DOM, for find-in-page (a cold start paints the first
    // screenful first, the rest right after).
    await expect.poll(positions).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
    await scrollUntilLoaded(300)
    const shown = await positions()
    expect(shown.length).toBeLessThan(60)
    expect(shown.length).toBeGreaterThan(3)
    // A contiguous run ending at the last loaded item, each with the list's total size.
    expect(shown).toEqual(shown.map((_, i) => shown[0]! + i))
    const sizes = await articles().evaluateAll((els) =>
      els.map((e) => e.getAttribute('aria-setsize')),
    )
    expect(new Set(sizes)).toEqual(new Set([String(POSTS)]))
    // Rendered items are where they claim to be: in order, without overlap.
    const boxes = await articles().evaluateAll((els) =>
      els.map((e) => ({
        top: e.getBoundingClientRect().top,
        bottom: e.getBoundingClientRect().bottom,
      })),
    )
    boxes.slice(1).forEach((box, i) => expect(box.top).toBeGreaterThanOrEqual(boxes[i]!.bottom - 1))
  })

  it('moves focus with Page Down and never loses the focused item to scrolling', async () => {
    await page.goto(`${server.url}/`)
    await articles().first().waitFor()
    await scrollUntilLoaded(200)
    const first = articles().first()
    const pos = Number(await first.getAttribute('aria-posinset'))
    await first.focus()
    await page.keyboard.press('PageDown')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-posinset'))).toBe(
      String(pos + 1),
    )
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.waitForTimeout(200)
    expect(await positions()).toContain(pos + 1)
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-posinset'))).toBe(
      String(pos + 1),
    )
    await page.keyboard.press('PageDown')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-posinset'))).toBe(
      String(pos + 2),
    )
  })

  it('keeps focus on its article when the list switches to windowing', async () => {
    await page.goto(`${server.url}/`)
    await articles().first().waitFor()
    await articles().first().focus()
    await scrollUntilLoaded(150)
    // Windowed: the focused article (and its neighbour) stay, far from the rendered window.
    const shown = await positions()
    expect(shown).toContain(1)
    expect(shown).not.toContain(10)
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-posinset'))).toBe(
      '1',
    )
  })

  it('fetches an article ahead when it is hovered, and opens it without another request', async () => {
    await page.goto(`${server.url}/`)
    await articles().first().waitFor()
    const link = articles().nth(3).locator('h2 a')
    const title = (await link.textContent())?.trim() ?? ''
    await link.hover()
    await expect
      .poll(() => requests.filter((p) => p.startsWith('/feed/content/')).length)
      .toBeGreaterThan(0)
    await quiet()
    const before = requests.length
    await link.click()
    await page.getByRole('heading', { level: 1, name: title }).waitFor()
    await page.locator('.body').first().waitFor()
    expect(requests.slice(before).filter((p) => p.startsWith('/feed/'))).toEqual([])
  })
})
