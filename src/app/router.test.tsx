// Route-level tests over the whole app in jsdom: every route with the bundle fixture and with plain
// JSON Feeds, deep links, redirects and not-found.
import { screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fetchedPaths, mockFeed, renderApp } from '../../test/support/render-app.tsx'
import { fileKey } from '../shared/bundle-paths.ts'

afterEach(() => {
  vi.unstubAllGlobals()
})

const titles = (feed: HTMLElement) =>
  within(feed)
    .getAllByRole('article')
    .map((a) => within(a).getByRole('heading').textContent)

describe('routes over the feed bundle', () => {
  it('shows the latest articles as a feed', async () => {
    mockFeed('bundle')
    renderApp(null, { path: '/' })
    await screen.findByRole('heading', { level: 1, name: '最新文章' })
    const feed = await screen.findByRole('feed', { name: /最新文章/ })
    expect(titles(feed)).toEqual([
      '滨江公园新增夜跑步道',
      '本地团队发布开源天气小工具',
      '地铁三号线周末加开班次',
    ])
  })

  it('opens a deep link to an article with one content request', async () => {
    const fetch = mockFeed('bundle')
    renderApp(null, { path: '/article/Mixed-Case-Id' })
    await screen.findByRole('heading', { level: 1, name: '老街修缮完成：青石板路重新开放' })
    await screen.findByText('沿街店铺陆续开门。')
    expect(fetchedPaths(fetch).filter((p) => p.startsWith('content/'))).toEqual([
      'content/~deef0682dd19ef37.json',
    ])
  })
})

describe('deep links, redirects and not-found', () => {
  it('redirects an old permalink to the article, replacing it in history', async () => {
    mockFeed('bundle')
    const { router } = renderApp(null, { path: '/citynews/2026/11/28/2026112801.html' })
    await screen.findByRole('heading', { level: 1, name: '滨江公园新增夜跑步道' })
    expect(router.location.pathname).toBe('/article/2026112801')
    expect(router.action).toBe('REPLACE')
  })

  it('says what is missing, with a way home and a document title', async () => {
    const cases = [
      ['/article/nope', '这篇文章不存在'],
      ['/citynews/2026/xx/28/a.html', '找不到这个页面'],
      ['/a/b', '找不到这个页面'],
      ['/category/nosuch', '找不到这个来源'],
      [`/tag/${encodeURIComponent('没有这个标签')}`, '找不到这个标签'],
    ]
    for (const [path, missing] of cases) {
      mockFeed('bundle')
      const { unmount } = renderApp(null, { path })
      await screen.findByRole('heading', { level: 1, name: missing })
      expect(screen.getByRole('link', { name: '返回首页' }).getAttribute('href')).toBe('/')
      expect(document.title).toBe(`${missing} · 新闻阅读`)
      expect(screen.queryByRole('alert')).toBeNull()
      unmount()
    }
  })

  it('offers the category directory when a source is missing', async () => {
    mockFeed('bundle')
    renderApp(null, { path: '/category/nosuch' })
    const all = await screen.findByRole('link', { name: '查看全部分类' })
    expect(all.getAttribute('href')).toBe('/categories')
  })

  it('shows not-found, and asks the network for nothing, for blank or oversized parameters', async () => {
    const cases = [
      ['/article/%20', '这篇文章不存在'],
      ['/tag/%20%20', '找不到这个标签'],
      [`/category/${'x'.repeat(201)}`, '找不到这个来源'],
    ]
    for (const [path, missing] of cases) {
      const fetch = mockFeed('bundle')
      const { unmount } = renderApp(null, { path })
      await screen.findByRole('heading', { level: 1, name: missing })
      expect(fetchedPaths(fetch)).toEqual([])
      unmount()
    }
  })

  it('round-trips a tag with spaces, /, # and ? through the URL', async () => {
    mockFeed('bundle')
    const tag = 'AI / 机器人 #1?'
    renderApp(null, { path: `/tag/${encodeURIComponent(tag)}` })
    await screen.findByRole('heading', { level: 1, name: `标签：${tag}` })
    const feed = await screen.findByRole('feed')
    await within(feed).findAllByRole('article')
    expect(titles(feed)).toEqual(['机器人编程课走进社区'])
  })

  it('shows a category’s name from its posts and only its articles', async () => {
    mockFeed('bundle')
    renderApp(null, { path: '/category/technews' })
    await screen.findByRole('heading', { level: 1, name: '来源：科技日报' })
    const feed = await screen.findByRole('feed')
    await within(feed).findAllByRole('article')
    expect(titles(feed)).toEqual([
      '本地团队发布开源天气小工具',
      '机器人编程课走进社区',
      '图书馆开放电子书借阅',
    ])
  })

  it('lists the category directory with counts', async () => {
    mockFeed('bundle')
    renderApp(null, { path: '/categories' })
    await screen.findByRole('link', { name: '城市快讯' })
    screen.getByText('4 篇')
  })

  it('shows an article’s title from the list at once, before its body arrives', async () => {
    const fetch = mockFeed('bundle')
    const { user } = renderApp(null, { path: '/' })
    const link = await screen.findByRole('link', { name: '地铁三号线周末加开班次' })
    let release = () => {}
    const slow = fetch.getMockImplementation()!
    fetch.mockImplementation((input) => new Promise((r) => (release = () => r(slow(input)))))
    await user.click(link)
    await screen.findByRole('heading', { level: 1, name: '地铁三号线周末加开班次' })
    screen.getByText('正在加载正文…')
    release()
    await screen.findByText('周末早高峰间隔缩短到四分钟。')
    // Previous/next within the list it came from.
    const nav = screen.getByRole('navigation', { name: '前后文章' })
    within(nav).getByRole('link', { name: /上一篇.*本地团队/ })
  })
})

describe('the article page in every state', () => {
  const TITLE = '本地团队发布开源天气小工具'

  it('has an h1 and a document title while loading and once loaded', async () => {
    mockFeed('bundle', { delay: { 'content/2026112802.json': 300 } })
    renderApp(null, { path: '/article/2026112802' })
    await screen.findByRole('heading', { level: 1, name: '文章' })
    screen.getByRole('status')
    expect(document.title).toBe('文章 · 新闻阅读')
    await screen.findByRole('heading', { level: 1, name: TITLE })
    expect(document.title).toBe(`${TITLE} · 新闻阅读`)
  })

  it('has an h1 and a document title when its body fails to load', async () => {
    mockFeed('bundle', { fail: (rel) => (rel.startsWith('content/') ? 503 : null) })
    renderApp(null, { path: '/article/2026112802' })
    await screen.findByRole('alert')
    screen.getByRole('heading', { level: 1, name: '文章' })
    expect(document.title).toBe('文章 · 新闻阅读')
  })
})

describe('reading state on the lists', () => {
  // Read marks are one store per page, as in the browser: earlier tests may have opened (and so
  // marked read) some of these articles.
  it('gives every item its read and favourite toggles once their code has loaded', async () => {
    mockFeed('bundle')
    const { user } = renderApp(null, { path: '/' })
    const feed = await screen.findByRole('feed')
    const item = (await within(feed).findAllByRole('article'))[1]!
    const read = await within(item).findByRole('button', { name: '已读' })
    const wasRead = read.getAttribute('aria-pressed') === 'true'
    within(item).getByRole('button', { name: /收藏/ })
    await user.click(read)
    expect(read.getAttribute('aria-pressed')).toBe(String(!wasRead))
    // The list's tools count what is left.
    await screen.findByText(/篇未读|全部已读/)
  })

  it('hides what was already read when the reader asks for unread only', async () => {
    mockFeed('bundle')
    const { user } = renderApp(null, { path: '/' })
    const feed = await screen.findByRole('feed')
    const item = (await within(feed).findAllByRole('article'))[1]!
    const read = await within(item).findByRole('button', { name: '已读' })
    if (read.getAttribute('aria-pressed') !== 'true') await user.click(read)
    expect(titles(feed)).toContain('本地团队发布开源天气小工具')
    await user.click(screen.getByRole('switch', { name: '只看未读' }))
    const unread = await screen.findByRole('feed')
    await within(unread).findAllByRole('article')
    expect(titles(unread)).not.toContain('本地团队发布开源天气小工具')
    expect(titles(unread)).toContain('滨江公园新增夜跑步道')
  })
})

describe('plain JSON Feeds', () => {
  it('filters a tag over a 1.1 feed and opens a URL-shaped id with its inline body', async () => {
    mockFeed('jsonfeed-1.1')
    const { user } = renderApp(null, { path: `/tag/${encodeURIComponent('随笔')}` })
    const feed = await screen.findByRole('feed')
    await within(feed).findAllByRole('article')
    expect(titles(feed)).toEqual(['你好，阅读器', '纯文本正文'])
    await user.click(screen.getByRole('link', { name: '纯文本正文' }))
    await screen.findByRole('heading', { level: 1, name: '纯文本正文' })
    // The body follows the title by one render.
    expect((await screen.findByText('第二段纯文本。')).tagName).toBe('P')
  })

  it('opens a cold deep link into a 1.0 feed, untitled item shown with a stand-in', async () => {
    mockFeed('jsonfeed-1.0')
    renderApp(null, {
      path: `/article/${encodeURIComponent('https://old.example/2026/11/no-title')}`,
    })
    await screen.findByRole('heading', { level: 1, name: /^这一条也没有标题/ })
    await screen.findByText('这一条也没有标题，只有正文。', { selector: 'p' })
  })

  it('shows a 1.0 item’s author (`author`, not `authors`)', async () => {
    mockFeed('jsonfeed-1.0')
    renderApp(null, { path: `/article/${encodeURIComponent('https://old.example/2026/11/first')}` })
    await screen.findByRole('heading', { level: 1, name: '旧版订阅源的第一篇' })
    screen.getByText('作者：老周')
  })
})

describe('the bundle as it may be found', () => {
  type Json = Record<string, unknown> & { items: Record<string, unknown>[] }
  const feedJson = (edit: (feed: Json) => void) => (json: unknown) => {
    const feed = structuredClone(json) as Json
    edit(feed)
    return feed
  }

  it('titles a deep-linked category from the directory, not from its posts', async () => {
    mockFeed('bundle', {
      edit: {
        'categories.json': (json) =>
          (json as { slug: string; name: string }[]).map((c) =>
            c.slug === 'technews' ? { ...c, name: '科技日报社' } : c,
          ),
      },
      // The directory arrives after the list has been shown.
      delay: { 'categories.json': 300 },
    })
    renderApp(null, { path: '/category/technews' })
    await screen.findByRole('article', { name: '本地团队发布开源天气小工具' })
    await screen.findByRole('heading', { level: 1, name: '来源：科技日报社' })
  })

  it('lists a category even when one entry of the directory is broken', async () => {
    mockFeed('bundle', {
      // Without templates the app finds a category's feed through categories.json.
      edit: {
        'feed.json': feedJson((feed) => {
          const reader = feed._reader as Record<string, unknown>
          delete reader.category_feed_template
        }),
        'categories.json': (json) => [{ slug: 'broken', count: 'many' }, ...(json as unknown[])],
      },
    })
    renderApp(null, { path: '/category/technews' })
    const feed = await screen.findByRole('feed')
    await within(feed).findAllByRole('article')
    expect(titles(feed)).toEqual([
      '本地团队发布开源天气小工具',
      '机器人编程课走进社区',
      '图书馆开放电子书借阅',
    ])
  })

  it('never shows another article’s body under an article’s address', async () => {
    // The list says the first article's body is in the second article's content file.
    mockFeed('bundle', {
      edit: {
        'feed.json': feedJson((feed) => {
          const reader = feed.items[0]!._reader as Record<string, unknown>
          reader.content_url = 'content/2026112802.json'
        }),
      },
    })
    const { user } = renderApp(null, { path: '/' })
    await user.click(await screen.findByRole('link', { name: '滨江公园新增夜跑步道' }))
    await screen.findByRole('heading', { level: 1, name: '这篇文章不存在' })
    expect(screen.queryByRole('heading', { name: '本地团队发布开源天气小工具' })).toBeNull()
  })

  it('reads a tag that is literally "%2F" as written, and links to it', async () => {
    mockFeed('bundle', {
      edit: {
        'feed.json': feedJson((feed) => {
          feed.items[0]!.tags = ['城市快讯', '%2F']
        }),
      },
      alias: { [`tag/${fileKey('%2F')}/feed.json`]: `tag/${fileKey('中文')}/feed.json` },
    })
    const { user } = renderApp(null, { path: '/' })
    const link = await screen.findByRole('link', { name: '#%2F' })
    expect(link.getAttribute('href')).toBe('/tag/%252F')
    await user.click(link)
    await screen.findByRole('heading', { level: 1, name: '标签：%2F' })
    await within(await screen.findByRole('feed')).findAllByRole('article')
  })
})
