// Muted words and sources on the lists: hidden with a quiet "N 条已隐藏" that shows them, and left
// out of the unread counts.
import { screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mockFeed, renderApp } from '../../test/support/render-app.tsx'
import { setFavourite, toFavouriteItem } from '../features/favourites/favourites-store.ts'
import { setSetting } from '../features/settings/settings-store.ts'

afterEach(() => vi.unstubAllGlobals())

// The fixture bundle's first page: 滨江公园新增夜跑步道 (城市快讯), 本地团队发布开源天气小工具
// (科技日报), 地铁三号线周末加开班次 (城市快讯, summary 周末早高峰间隔缩短到四分钟。); 7 in all.
const latest = () => screen.findByRole('feed', { name: '最新文章列表' })
const titles = (feed: HTMLElement) =>
  within(feed)
    .getAllByRole('article')
    .map((a) => within(a).getAllByRole('link')[0]!.textContent)

describe('muted words and sources', () => {
  it('hide an article whose title holds a muted word, with a note that shows it again', async () => {
    setSetting('mutedWords', ['夜跑'])
    mockFeed('bundle')
    const { user } = renderApp(null, { path: '/' })
    const feed = await latest()
    await screen.findByText('1 条已隐藏')
    expect(titles(feed)).toEqual(['本地团队发布开源天气小工具', '地铁三号线周末加开班次'])
    // Left out of the count: 7 articles, 1 muted (its page is loaded).
    await screen.findByText('6 篇未读')

    await user.click(screen.getByRole('button', { name: '显示' }))
    await screen.findByText('已显示 1 条屏蔽的文章')
    expect(titles(feed)).toHaveLength(3)
    within(screen.getByRole('article', { name: '滨江公园新增夜跑步道' })).getByText('已屏蔽')
    await user.click(screen.getByRole('button', { name: '隐藏' }))
    expect(titles(feed)).toHaveLength(2)
  })

  it('hide a muted source, and look in the summary only with “body too”', async () => {
    setSetting('mutedSources', ['科技日报'])
    setSetting('mutedWords', ['四分钟'])
    mockFeed('bundle')
    renderApp(null, { path: '/' })
    const feed = await latest()
    await screen.findByText('1 条已隐藏')
    expect(titles(feed)).toEqual(['滨江公园新增夜跑步道', '地铁三号线周末加开班次'])
    setSetting('muteBody', true)
    await screen.findByText('2 条已隐藏')
    expect(titles(feed)).toEqual(['滨江公园新增夜跑步道'])
    await screen.findByText('5 篇未读')
  })

  it('match as search does: ＳＰＡＣＥ in the settings hides “space” in a title', async () => {
    mockFeed('bundle', {
      edit: {
        'feed.json': (json) => {
          const feed = json as { items: { title: string }[] }
          feed.items[0]!.title = 'Ｓｐａｃｅ 滨江'
          feed.items[2]!.title = '地铁 SPACE 三号线'
          return feed
        },
      },
    })
    setSetting('mutedWords', ['ｓｐａｃｅ'])
    renderApp(null, { path: '/' })
    const feed = await latest()
    await screen.findByText('2 条已隐藏')
    expect(titles(feed)).toEqual(['本地团队发布开源天气小工具'])
  })

  it('hide muted search results too', async () => {
    setSetting('mutedWords', ['阅读器'])
    mockFeed('jsonfeed-1.1')
    const { user } = renderApp(null, { path: `/search?q=${encodeURIComponent('正文')}` })
    await screen.findByText('1 条已隐藏')
    expect(screen.queryByRole('link', { name: '你好，阅读器' })).toBeNull()
    await user.click(screen.getByRole('button', { name: '显示' }))
    await screen.findByRole('link', { name: '你好，阅读器' })
  })

  it('hide muted favourites, which the note shows again', async () => {
    const fav = { summary: '', category: 'news', tags: ['城市快讯'] }
    setFavourite(toFavouriteItem({ ...fav, id: 'a', title: '夜跑步道开放' }), true)
    setFavourite(toFavouriteItem({ ...fav, id: 'b', title: '地铁加开班次' }), true)
    setSetting('mutedWords', ['夜跑'])
    mockFeed('bundle')
    const { user } = renderApp(null, { path: '/favourites' })
    await screen.findByText('1 条已隐藏')
    screen.getByRole('link', { name: '地铁加开班次' })
    expect(screen.queryByRole('link', { name: '夜跑步道开放' })).toBeNull()
    await user.click(screen.getByRole('button', { name: '显示' }))
    await screen.findByRole('link', { name: '夜跑步道开放' })
  })
})
