// The list of a scope: the WAI-ARIA feed pattern and each item's content and links, paging,
// the error state with retry, the empty state, skipped items, and the "N 条新消息" banner.
import { screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mockFeed, renderApp } from '../../../../test/support/render-app.tsx'
import { ALL } from '../../../entities/article/model/scope.ts'
import { ArticleFeed } from './article-feed.tsx'

afterEach(() => {
  vi.unstubAllGlobals()
})

const feed = () => screen.findByRole('feed', { name: '最新列表' })

describe('ArticleFeed', () => {
  it('follows the feed pattern with each item’s title, source, time, summary and tags', async () => {
    mockFeed('bundle')
    renderApp(<ArticleFeed scope={ALL} label="最新列表" />)
    const list = await feed()
    await within(list).findAllByRole('article')
    const items = within(list).getAllByRole('article')
    expect(items).toHaveLength(3)
    const first = items[0]!
    expect(first.getAttribute('aria-posinset')).toBe('1')
    expect(first.getAttribute('aria-setsize')).toBe('7')
    // aria-labelledby names the article by its title.
    expect(within(list).getByRole('article', { name: '滨江公园新增夜跑步道' })).toBe(first)
    expect(
      within(first).getByRole('link', { name: '滨江公园新增夜跑步道' }).getAttribute('href'),
    ).toBe('/article/2026112801?from=all')
    expect(within(first).getByRole('link', { name: '城市快讯' }).getAttribute('href')).toBe(
      '/category/citynews',
    )
    expect(within(first).getByRole('link', { name: '#中文' }).getAttribute('href')).toBe(
      `/tag/${encodeURIComponent('中文')}`,
    )
    const time = within(first).getByText(/21:30/, { selector: 'time' })
    expect(time.getAttribute('datetime')).toBe('2026-11-28T21:30:00+08:00')
    // Shown in the archive's time zone (Asia/Shanghai), whatever the machine's zone.
    expect(time.getAttribute('title')).toMatch(/2026.11.28.*21:30/)
    within(first).getByText(/全长三公里/)
  })

  it('is no feed while it has no article to show (an empty feed breaks the pattern)', async () => {
    mockFeed('bundle')
    renderApp(<ArticleFeed scope={ALL} label="最新列表" visible={() => false} />)
    await screen.findByRole('button', { name: '加载更多' })
    expect(screen.queryByRole('feed')).toBeNull()
  })

  it('loads the next page with 加载更多 and says when the list ends', async () => {
    mockFeed('bundle')
    const { user } = renderApp(<ArticleFeed scope={ALL} label="最新列表" />)
    const list = await feed()
    await within(list).findAllByRole('article')
    await user.click(screen.getByRole('button', { name: '加载更多' }))
    await vi.waitFor(() => expect(within(list).getAllByRole('article')).toHaveLength(6))
    await user.click(screen.getByRole('button', { name: '加载更多' }))
    await screen.findByText('已经到底了')
    expect(within(list).getAllByRole('article')).toHaveLength(7)
    expect(within(list).getAllByRole('article')[6]!.getAttribute('aria-posinset')).toBe('7')
  })

  it('shows a failure in plain words with a retry that works once the failure stops', async () => {
    let failing = true
    mockFeed('bundle', { fail: () => (failing ? 500 : null) })
    const { user } = renderApp(<ArticleFeed scope={ALL} label="最新列表" />)
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('服务器暂时出错')
    expect(alert.textContent).toContain('HTTP 500')
    failing = false
    await user.click(within(alert).getByRole('button', { name: '重试' }))
    await screen.findByRole('article', { name: '滨江公园新增夜跑步道' })
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('tells a feed that is not JSON from one that is missing', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('{"items": [')))
    const { unmount } = renderApp(<ArticleFeed scope={ALL} label="最新列表" />)
    expect((await screen.findByRole('alert')).textContent).toContain('不是有效的 JSON')
    unmount()
    // A static host's SPA fallback answers a missing file with its index.html and 200.
    const html = { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } }
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('<!doctype html><p>app', html)))
    renderApp(<ArticleFeed scope={ALL} label="最新列表" />)
    expect((await screen.findByRole('alert')).textContent).toContain('找不到这个订阅源')
  })

  it('ends a list whose next_url loops back instead of loading it again', async () => {
    const page = (next: string) => ({
      version: 'https://jsonfeed.org/version/1.1',
      title: 't',
      next_url: next,
      items: [{ id: next, title: `第 ${next} 页`, content_text: '正文' }],
    })
    // feed.json → 2.json → feed.json: the second visit is the loop.
    const fetch = vi.fn((input: string) =>
      Promise.resolve(
        new Response(
          JSON.stringify(input.endsWith('/2.json') ? page('feed.json') : page('2.json')),
        ),
      ),
    )
    vi.stubGlobal('fetch', fetch)
    const { user } = renderApp(<ArticleFeed scope={ALL} label="最新列表" />)
    await screen.findByRole('article', { name: '第 2.json 页' })
    await user.click(screen.getByRole('button', { name: '加载更多' }))
    await screen.findByText('已经到底了')
    expect(fetch).toHaveBeenCalledTimes(2)
  })

  it('shows an empty feed as an empty state, not an error', async () => {
    mockFeed('empty')
    renderApp(<ArticleFeed scope={ALL} label="最新列表" />)
    await screen.findByText('这个订阅源目前没有文章。')
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('counts skipped items unobtrusively and shows the rest', async () => {
    const page = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 't',
      items: [{ title: '没有编号' }, { id: 'ok', title: '好的一条', content_text: '正文' }],
    }
    vi.stubGlobal('fetch', () => Promise.resolve(new Response(JSON.stringify(page))))
    renderApp(<ArticleFeed scope={ALL} label="最新列表" />)
    await screen.findByRole('article', { name: '好的一条' })
    screen.getByText('1 条无法显示已跳过')
  })

  it('offers new items found by the head poll and brings them in on request', async () => {
    const base = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 't',
      items: [{ id: 'a', title: '旧的一条', content_text: '正文' }],
    }
    let body = base
    vi.stubGlobal('fetch', () => Promise.resolve(new Response(JSON.stringify(body))))
    const { user, queryClient } = renderApp(<ArticleFeed scope={ALL} label="最新列表" />)
    await screen.findByRole('article', { name: '旧的一条' })
    body = {
      ...base,
      items: [
        { id: 'b', title: '新的一条', content_text: '正文' },
        { id: 'c', title: '又一条', content_text: '正文' },
        ...base.items,
      ],
    }
    await queryClient.refetchQueries({ queryKey: ['articles', 'head'] })
    await user.click(await screen.findByRole('button', { name: '2 条新消息' }))
    await screen.findByRole('article', { name: '新的一条' })
    const titles = screen.getAllByRole('article').map((a) => a.getAttribute('aria-posinset'))
    expect(titles).toEqual(['1', '2', '3'])
    expect(screen.queryByRole('button', { name: /条新消息/ })).toBeNull()
  })
})
