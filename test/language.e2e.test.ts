// The interface language in real Chromium against the production build (E2E_DIST, default dist):
// a first visit follows the browser's language, English chosen in the settings survives a reload
// with `<html lang="en">`, and another tab follows the change without a reload.
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { browserAvailable, collectPageErrors, launchBrowser } from './support/browser.ts'
import { startStaticServer, type StaticServer } from './support/static-server.ts'

const DIST = process.env.E2E_DIST ?? 'dist'
const FEED = path.resolve('test/fixtures/feeds/bundle')
const run = browserAvailable()

describe.runIf(run)('interface language', () => {
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
  beforeEach(() => {
    errors = []
  })
  afterEach(async () => {
    await context.close()
    expect(errors.map(String)).toEqual([])
  })

  async function open(url: string): Promise<Page> {
    const page = await context.newPage()
    errors.push(...collectPageErrors(page))
    await page.goto(server.url + url)
    return page
  }
  const h1 = (page: Page, name: string) =>
    page.getByRole('heading', { level: 1, name, exact: true }).waitFor()
  const lang = (page: Page) => page.getAttribute('html', 'lang')

  it('is English on a first visit from a browser that prefers English', async () => {
    context = await browser.newContext({ locale: 'en-GB' })
    const page = await open('/')
    await h1(page, 'Latest articles')
    expect(await lang(page)).toBe('en')
    expect(await page.title()).toBe('News Reader')
  })

  it('keeps English chosen in the settings after a reload, and another tab follows', async () => {
    context = await browser.newContext()
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
      'Favourites',
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
