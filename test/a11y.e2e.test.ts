// axe-core in real Chromium against the production build (E2E_DIST, default dist) over the
// project's bundle fixture and a plain JSON Feed: every route and state a reader meets (lists,
// ?unread=1, directory, article, favourites empty and full, each kind of not-found, a failing feed,
// a storage notice), light and dark, phone and desktop, must have no WCAG 2 A/AA or best-practice
// violation. axe runs under the app's own CSP: DevTools' evaluate is not subject to it.
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { AxeResults, ElementContext, Result, RunOptions } from 'axe-core'
import {
  encodeFavourites,
  toFavouriteItem,
  withFavourite,
  type Favourites,
} from '../src/features/favourites/favourites-store.ts'
import { browserAvailable, collectPageErrors, launchBrowser } from './support/browser.ts'
import { startStaticServer, type StaticServer } from './support/static-server.ts'

const DIST = process.env.E2E_DIST ?? 'dist'
const FEED = path.resolve('test/fixtures/feeds/bundle')
const PLAIN_FEED = path.resolve('test/fixtures/feeds/jsonfeed-1.1')
const FAVOURITES_KEY = 'news-reader:v1:favourites'
const run = browserAvailable()

const AXE_OPTIONS: RunOptions = {
  runOnly: {
    type: 'tag',
    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
  },
  resultTypes: ['violations'],
}

type AxeRunner = { run: (context: ElementContext, options: RunOptions) => Promise<AxeResults> }

const VIEWPORTS = {
  phone: { width: 390, height: 800 },
  desktop: { width: 1280, height: 900 },
} as const
const SCHEMES = ['light', 'dark'] as const

type Route = {
  name: string
  path: string
  /** Seeds localStorage with this many favourites first, or with a value that is not valid. */
  favourites?: number | 'garbage'
  /** The host answers the feed's head with a server error. */
  failFeed?: boolean
  /** Served over a plain JSON Feed 1.1 (no directories, bodies inline) instead of the bundle. */
  plain?: boolean
  /** Done on the site before the route is opened. */
  before?: (page: Page, url: string) => Promise<unknown>
  /** What shows once the page is ready to be checked. */
  ready: (page: Page) => Promise<unknown>
  /** Done on the page before it is checked. */
  then?: (page: Page) => Promise<unknown>
}

const h1 = (page: Page, name: string) =>
  page.getByRole('heading', { level: 1, name, exact: true }).waitFor()
/** A list is ready when its first item's toggles are there. */
const listReady =
  (title: string, favourite = '收藏') =>
  async (page: Page) => {
    await h1(page, title)
    await page
      .locator('[role="feed"] > article')
      .first()
      .getByRole('button', { name: favourite })
      .waitFor()
  }

/** Opens the list's 标为已读 menu and marks everything loaded read. */
async function markAllRead(
  page: Page,
  [menu, all, done] = ['标为已读', '全部标为已读', '全部已读'],
) {
  await page.locator('summary', { hasText: menu }).click()
  await page.getByRole('button', { name: all }).click()
  await page.getByText(done).waitFor()
}

const ROUTES: Route[] = [
  { name: 'latest', path: '/', ready: listReady('最新文章') },
  { name: 'latest, unread only', path: '/?unread=1', ready: listReady('最新文章') },
  {
    name: 'latest, all read and one favourited, menu open',
    path: '/',
    ready: listReady('最新文章'),
    then: async (page) => {
      await markAllRead(page)
      await page.getByRole('button', { name: '收藏' }).first().click()
    },
  },
  {
    name: 'latest, unread only, all read',
    path: '/?unread=1',
    before: async (page, url) => {
      await page.goto(url)
      await listReady('最新文章')(page)
      await markAllRead(page)
    },
    ready: (page) => page.getByText('全部已读').waitFor(),
  },
  { name: 'a category', path: '/category/technews', ready: listReady('来源：科技日报') },
  {
    name: 'a category, unread only',
    path: '/category/technews?unread=1',
    ready: listReady('来源：科技日报'),
  },
  { name: 'a tag', path: `/tag/${encodeURIComponent('中文')}`, ready: listReady('标签：中文') },
  {
    name: 'the category directory',
    path: '/categories',
    ready: (page) => page.getByRole('link', { name: '城市快讯' }).waitFor(),
  },
  {
    name: 'an article',
    path: '/article/2026112802',
    ready: async (page) => {
      await h1(page, '本地团队发布开源天气小工具')
      await page.getByText('这个小工具只有几十行代码').first().waitFor()
      await page.getByRole('navigation', { name: '前后文章' }).waitFor()
    },
  },
  { name: 'favourites, none yet', path: '/favourites', ready: (page) => h1(page, '收藏') },
  { name: 'settings', path: '/settings', ready: (page) => h1(page, '设置') },
  {
    name: 'favourites, with a filter',
    path: '/favourites',
    favourites: 7,
    ready: (page) => page.getByRole('searchbox', { name: '筛选收藏' }).waitFor(),
  },
  {
    name: 'favourites, filtered to nothing',
    path: '/favourites',
    favourites: 7,
    ready: (page) => page.getByRole('searchbox', { name: '筛选收藏' }).waitFor(),
    then: async (page) => {
      await page.getByRole('searchbox', { name: '筛选收藏' }).fill('没有这样的收藏')
      await page.getByText('没有匹配的收藏。').waitFor()
    },
  },
  {
    name: 'a feed that fails to load',
    path: '/',
    failFeed: true,
    ready: (page) => page.getByRole('alert').getByRole('button', { name: '重试' }).waitFor(),
  },
  {
    name: 'a storage notice',
    path: '/favourites',
    favourites: 'garbage',
    // The notice (in the layout) can come before the lazy page: wait for both.
    ready: async (page) => {
      await page.getByText('保存的数据有误').waitFor()
      await h1(page, '收藏')
    },
  },
  {
    name: 'a plain JSON Feed',
    path: '/',
    plain: true,
    ready: listReady('最新文章'),
  },
  {
    name: 'a plain JSON Feed’s empty category',
    path: '/category/anything',
    plain: true,
    ready: (page) => page.getByText('这里还没有文章。').waitFor(),
  },
  {
    name: 'a plain JSON Feed’s article',
    path: `/article/${encodeURIComponent('https://blog.example/posts/plain-text')}`,
    plain: true,
    ready: (page) =>
      page.locator('article.article').getByText('第二段纯文本。', { exact: true }).waitFor(),
  },
  {
    name: 'search results with marked matches',
    path: `/search?q=${encodeURIComponent('纯文本')}`,
    plain: true,
    ready: (page) => page.getByText('共 1 篇').waitFor(),
  },
  {
    name: 'a search with no results, filters open',
    path: `/search?q=${encodeURIComponent('不存在')}&from=2026-01-01`,
    plain: true,
    ready: (page) => page.getByText('共 0 篇').waitFor(),
  },
  {
    name: 'a malformed search',
    path: `/search?q=${encodeURIComponent('"东营')}`,
    ready: (page) => page.getByText(/引号没有配对/).waitFor(),
  },
  {
    name: 'a search over a bundle without an index',
    path: `/search?q=${encodeURIComponent('东营')}`,
    ready: (page) => page.getByRole('alert').waitFor(),
  },
  { name: 'an unknown path', path: '/no/such/page', ready: (page) => h1(page, '找不到这个页面') },
  {
    name: 'an unknown article',
    path: '/article/no-such-article',
    ready: (page) => h1(page, '这篇文章不存在'),
  },
  {
    name: 'an unknown category',
    path: '/category/nosuch',
    ready: (page) => h1(page, '找不到这个来源'),
  },
  {
    name: 'an unknown tag',
    path: `/tag/${encodeURIComponent('没有这个标签')}`,
    ready: (page) => h1(page, '找不到这个标签'),
  },
]

/**
 * The same pages in English (the browser prefers it, so a first visit chooses it): what shows when
 * each is ready, and what is done before the check.
 */
const ENGLISH: Record<string, Partial<Pick<Route, 'ready' | 'then'>>> = {
  latest: { ready: listReady('Latest articles', 'Star') },
  'latest, all read and one favourited, menu open': {
    ready: listReady('Latest articles', 'Star'),
    then: async (page) => {
      await markAllRead(page, ['Mark as read', 'Mark all as read', 'All read'])
      await page.getByRole('button', { name: 'Star' }).first().click()
    },
  },
  'a category': { ready: listReady('Source: 科技日报', 'Star') },
  'the category directory': {},
  'an article': {
    ready: async (page) => {
      await h1(page, '本地团队发布开源天气小工具')
      await page.getByRole('navigation', { name: 'Previous and next articles' }).waitFor()
    },
  },
  settings: { ready: (page) => h1(page, 'Settings') },
  'favourites, with a filter': {
    ready: (page) => page.getByRole('searchbox', { name: 'Filter starred' }).waitFor(),
  },
  'a storage notice': {
    ready: async (page) => {
      await page.getByText('Some saved data was damaged').waitFor()
      await h1(page, 'Starred')
    },
  },
  'a feed that fails to load': {
    ready: (page) => page.getByRole('alert').getByRole('button', { name: 'Retry' }).waitFor(),
  },
  'search results with marked matches': { ready: (page) => page.getByText('1 result').waitFor() },
  'a malformed search': { ready: (page) => page.getByText(/A quote is not closed/).waitFor() },
  'an unknown path': { ready: (page) => h1(page, 'Page not found') },
}
const ENGLISH_ROUTES = ROUTES.flatMap((route) => {
  const english = ENGLISH[route.name]
  return english ? [{ ...route, then: undefined, ...english }] : []
})

const LANGUAGES = [
  { locale: 'zh-CN', label: '', routes: ROUTES },
  { locale: 'en-US', label: ', English', routes: ENGLISH_ROUTES },
] as const

type FixtureItem = {
  id: string
  title: string
  summary?: string
  tags?: string[]
  date_published?: string
  _reader: { category: string }
}

/** The fixture's first `count` articles as stored favourites. */
async function favouritesValue(count: number): Promise<string> {
  const items: FixtureItem[] = []
  for (const file of ['feed.json', 'pages/1.json', 'pages/2.json']) {
    const json = JSON.parse(await readFile(path.join(FEED, file), 'utf8')) as {
      items: FixtureItem[]
    }
    items.push(...json.items)
  }
  let favs: Favourites = new Map()
  items.slice(0, count).forEach((it, i) => {
    const article = {
      id: it.id,
      title: it.title,
      summary: it.summary ?? '',
      category: it._reader.category,
      published: it.date_published ?? null,
      tags: it.tags ?? [],
    }
    favs = withFavourite(favs, toFavouriteItem(article, it.tags?.[0] ?? null), true, 1_000 + i)
  })
  return encodeFavourites(favs)
}

/** One line per violation and element: what to fix, where, and why. */
function describeViolations(violations: Result[]): string[] {
  return violations.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `${v.id} (${v.impact ?? 'no impact'}) at ${JSON.stringify(n.target)}: ${v.help}. ${
          n.failureSummary ?? ''
        }`,
    ),
  )
}

describe.runIf(run)('accessibility (axe) of every route', () => {
  let browser: Browser
  let server: StaticServer
  let plainServer: StaticServer
  let axeSource: string
  let context: BrowserContext
  let page: Page
  let errors: Error[]
  let failFeed = false

  beforeAll(async () => {
    const require = createRequire(import.meta.url)
    axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8')
    plainServer = await startStaticServer({ root: DIST, feedDir: PLAIN_FEED })
    server = await startStaticServer({
      root: DIST,
      feedDir: FEED,
      intercept: (_req, res, pathname) => {
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
    await plainServer?.close()
  })

  for (const { locale, label, routes } of LANGUAGES) {
    for (const [device, viewport] of Object.entries(VIEWPORTS)) {
      for (const colorScheme of SCHEMES) {
        describe(`${device}, ${colorScheme}${label}`, () => {
          beforeEach(async () => {
            context = await browser.newContext({ viewport, locale })
            page = await context.newPage()
            await page.emulateMedia({ colorScheme })
            errors = collectPageErrors(page)
          })
          afterEach(async () => {
            await context.close()
            expect(errors.map(String)).toEqual([])
          })

          for (const route of routes) {
            it(route.name, async () => {
              failFeed = route.failFeed === true
              const { url } = route.plain ? plainServer : server
              if (route.favourites) {
                const value =
                  route.favourites === 'garbage'
                    ? '{"v":1,"items":"garbage"}'
                    : await favouritesValue(route.favourites)
                await page.goto(`${url}/favicon.svg`)
                await page.evaluate(
                  ([k, v]) => localStorage.setItem(k!, v!),
                  [FAVOURITES_KEY, value],
                )
              }
              await route.before?.(page, url)
              await page.goto(url + route.path)
              await route.ready(page)
              expect(await page.getAttribute('html', 'lang')).toBe(
                locale === 'en-US' ? 'en' : 'zh-CN',
              )
              await route.then?.(page)
              // Runtime.evaluate is not subject to the page's CSP, so the app's own policy stays on.
              await page.evaluate(axeSource)
              const results = await page.evaluate(
                (options) => (window as unknown as { axe: AxeRunner }).axe.run(document, options),
                AXE_OPTIONS,
              )
              expect(describeViolations(results.violations)).toEqual([])
            })
          }
        })
      }
    }
  }
})
