// The reader app in real Chromium against plain single-file JSON Feeds (1.1 and 1.0: inline
// content_html or content_text, untitled items, URL-shaped ids, no _reader extension) and against a
// feed with no items (an empty state, not an error). No uncaught page error anywhere.
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { browserAvailable, collectPageErrors, launchBrowser } from './support/browser.ts'
import { startStaticServer, type StaticServer } from './support/static-server.ts'

const DIST = process.env.E2E_DIST ?? 'dist'
const fixture = (name: string) => path.resolve('test/fixtures/feeds', name)
const run = browserAvailable()

type Case = {
  name: string
  dir: string
  titled: { id: string; title: string; body: string }
  untitled: { standIn: string }
  chineseTag: string[]
}

const CASES: Case[] = [
  {
    name: 'JSON Feed 1.1',
    dir: 'jsonfeed-1.1',
    titled: {
      id: 'https://blog.example/posts/plain-text',
      title: '纯文本正文',
      body: '第二段纯文本。',
    },
    untitled: { standIn: '一条没有标题的短消息' },
    chineseTag: ['你好，阅读器', '一条没有标题的短消息，读者需要一个可读的替代标题。'],
  },
  {
    name: 'JSON Feed 1.0',
    dir: 'jsonfeed-1.0',
    titled: {
      id: 'https://old.example/2026/11/first',
      title: '旧版订阅源的第一篇',
      body: '旧版订阅源用 author 而不是 authors。',
    },
    untitled: { standIn: '这一条也没有标题' },
    chineseTag: ['旧版订阅源的第一篇'],
  },
]

describe.runIf(run)('reader app over plain JSON Feeds', () => {
  let browser: Browser
  let page: Page
  let errors: Error[]

  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 390, height: 700 } })
    errors = collectPageErrors(page)
  })
  afterEach(async () => {
    await page.close()
    expect(errors.map(String)).toEqual([])
  })

  const h1 = () => page.getByRole('heading', { level: 1 })
  const listTitles = () => page.locator('[role="feed"] > article h2').allTextContents()

  for (const c of CASES) {
    describe(c.name, () => {
      let server: StaticServer
      beforeAll(async () => {
        server = await startStaticServer({ root: DIST, feedDir: fixture(c.dir) })
      })
      afterAll(async () => {
        await server?.close()
      })

      it('lists the items, with a readable stand-in for an untitled one', async () => {
        await page.goto(`${server.url}/`)
        await page.locator('[role="feed"] > article').first().waitFor()
        const titles = await listTitles()
        expect(titles).toContain(c.titled.title)
        expect(titles.some((t) => t.startsWith(c.untitled.standIn))).toBe(true)
        expect(await page.getByRole('alert').count()).toBe(0)
      })

      it('opens an item with a URL-shaped id, shows its inline body, and survives a reload', async () => {
        await page.goto(`${server.url}/`)
        await page.getByRole('link', { name: c.titled.title }).click()
        await expect.poll(() => h1().textContent()).toBe(c.titled.title)
        await page.getByText(c.titled.body).waitFor()
        expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(`/article/${c.titled.id}`)
        await page.reload()
        await expect.poll(() => h1().textContent()).toBe(c.titled.title)
        await page.getByText(c.titled.body).waitFor()
      })

      it('opens an untitled item with its stand-in as <h1>', async () => {
        await page.goto(`${server.url}/`)
        await page.getByRole('link', { name: new RegExp(c.untitled.standIn) }).click()
        await expect.poll(() => h1().textContent()).toContain(c.untitled.standIn)
      })

      it('filters a Chinese tag to its items', async () => {
        await page.goto(`${server.url}/tag/${encodeURIComponent('中文')}`)
        await expect.poll(() => h1().textContent()).toBe('标签：中文')
        await page.getByText('已经到底了').waitFor()
        expect(await listTitles()).toEqual(c.chineseTag)
      })

      it('shows not-found for an unknown id', async () => {
        await page.goto(`${server.url}/article/${encodeURIComponent('https://nowhere.example/x')}`)
        await expect.poll(() => h1().textContent()).toBe('这篇文章不存在')
      })

      it('shows an empty category directory and an empty category list, not errors', async () => {
        await page.goto(`${server.url}/categories`)
        await page.getByText('这个订阅源没有分类目录。').waitFor()
        await page.goto(`${server.url}/category/anything`)
        await page.getByText('这里还没有文章。').waitFor()
        expect(await page.getByRole('alert').count()).toBe(0)
      })
    })
  }

  describe('a feed with no items', () => {
    let server: StaticServer
    beforeAll(async () => {
      server = await startStaticServer({ root: DIST, feedDir: fixture('empty') })
    })
    afterAll(async () => {
      await server?.close()
    })

    it('shows an empty state, not an error', async () => {
      await page.goto(`${server.url}/`)
      await page.getByText('这个订阅源目前没有文章。').waitFor()
      expect(await page.getByRole('alert').count()).toBe(0)
      expect(await page.locator('[role="feed"] > article').count()).toBe(0)
    })
  })
})
