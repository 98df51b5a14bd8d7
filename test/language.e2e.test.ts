// The interface language in real Chromium against the production build (E2E_DIST, default dist):
// a first visit follows the browser's language, English chosen in the settings survives a reload
// with `<html lang="en">`, and another tab follows the change without a reload.
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { browserAvailable, collectPageErrors, launchBrowser } from './support/browser.ts'
import { startStaticServer, type StaticServer } from './support/static-server.ts'

const DIST = process.env.E2E_DIST ?? 'dist'
const FEED = path.resolve('test/fixtures/feeds/bundle')
const run = browserAvailable()

describe.runIf(run)('interface language', () => {
  let browser: Browser
  let server: StaticServer
  let context: BrowserContext | undefined
  const errors: Error[] = []

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([
      startStaticServer({ root: DIST, feedDir: FEED }),
      launchBrowser(),
    ])
  })
  afterAll(() => Promise.all([browser?.close(), server?.close()]))
  afterEach(async () => {
    await context?.close()
    context = undefined
    expect(errors.splice(0).map(String)).toEqual([])
  })

  /** A page at `url` in the test's context (its browser preferring `locale`). */
  async function open(url: string, locale?: string): Promise<Page> {
    context ??= await browser.newContext(locale ? { locale } : {})
    const page = await context.newPage()
    errors.push(...collectPageErrors(page))
    await page.goto(server.url + url)
    return page
  }
  const h1 = (page: Page, name: string) =>
    page.getByRole('heading', { level: 1, name, exact: true }).waitFor()
  const lang = (page: Page) => page.getAttribute('html', 'lang')

  it('is English on a first visit from a browser that prefers English', async () => {
    const page = await open('/', 'en-GB')
    await h1(page, 'Latest articles')
    expect(await lang(page)).toBe('en')
    expect(await page.title()).toBe('News Reader')
  })

  it('keeps English chosen in the settings after a reload, and another tab follows', async () => {
    const page = await open('/settings')
    await h1(page, '设置')
    expect(await lang(page)).toBe('zh-CN')
    const other = await open('/')
    await h1(other, '最新文章')

    await page.getByRole('radio', { name: 'English' }).check()
    await h1(page, 'Settings')
    expect(await lang(page)).toBe('en')
    await expect.poll(() => page.title()).toBe('Settings · News Reader')
    // The other tab draws itself again in English, without a reload.
    await h1(other, 'Latest articles')
    expect(await lang(other)).toBe('en')

    await page.reload()
    await h1(page, 'Settings')
    expect(await lang(page)).toBe('en')
    const nav = page.getByRole('navigation', { name: 'Main' })
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Latest',
      'Categories',
      'Starred',
      'Settings',
    ])
    expect(await page.getByRole('radio', { name: 'English' }).isChecked()).toBe(true)
    await nav.getByRole('link', { name: 'Latest' }).click()
    await h1(page, 'Latest articles')
    // The shortcuts dialog's words load with it, in English.
    await page.keyboard.press('?')
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor()

    await page.goto(`${server.url}/settings`)
    await page.getByRole('radio', { name: '简体中文' }).check()
    await h1(page, '设置')
    await h1(other, '最新文章')
    expect(await lang(other)).toBe('zh-CN')
  })
})
