// /search in jsdom: a plain JSON Feed searched in memory with the same query language, the count in
// role="status", marked excerpts, and the messages for a malformed query and a bundle without an
// index. The index itself is tested in features/search (Node) and test/search.e2e.test.ts.
import { screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fetchedPaths, mockFeed, renderApp } from '../../test/support/render-app.tsx'

afterEach(() => {
  vi.unstubAllGlobals()
})

const search = (q: string) => `/search?q=${encodeURIComponent(q)}`

describe('/search', () => {
  it('searches a plain JSON Feed in memory and marks the match', async () => {
    mockFeed('jsonfeed-1.1')
    renderApp(null, { path: search('纯文本') })
    const status = await screen.findByText('共 1 篇')
    expect(status.getAttribute('role')).toBe('status')
    const feed = await screen.findByRole('feed', { name: '搜索结果' })
    const item = within(feed).getByRole('article')
    within(item).getByRole('link', { name: '纯文本正文' })
    expect(within(item).getAllByText('纯文本', { selector: 'mark' })).toHaveLength(2)
    expect(screen.getByRole<HTMLInputElement>('searchbox', { name: '搜索文章' }).value).toBe(
      '纯文本',
    )
  })

  it('folds case and width, ANDs terms and excludes', async () => {
    mockFeed('jsonfeed-1.1')
    renderApp(null, { path: search('ｊｓｏｎ 正文 -纯文本') })
    await screen.findByText('共 1 篇')
    const feed = await screen.findByRole('feed', { name: '搜索结果' })
    within(feed).getByRole('link', { name: '你好，阅读器' })
  })

  it('says so when nothing matches', async () => {
    mockFeed('jsonfeed-1.1')
    renderApp(null, { path: search('不存在的词') })
    await screen.findByText('共 0 篇')
    screen.getByText('没有找到包含“不存在的词”的文章。')
    expect(screen.queryByRole('feed')).toBeNull()
  })

  it('explains a malformed query without asking the network', async () => {
    const fetch = mockFeed('jsonfeed-1.1')
    renderApp(null, { path: search('"东营') })
    await screen.findByText(/引号没有配对/)
    expect(fetchedPaths(fetch).filter((p) => p.includes('search'))).toEqual([])
  })

  it('says a bundle without a search index cannot be searched', async () => {
    mockFeed('bundle')
    renderApp(null, { path: search('东营') })
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('这个订阅源没有搜索索引')
  })

  it('ignores a date that is not one, and says so', async () => {
    mockFeed('jsonfeed-1.1')
    renderApp(null, { path: `${search('纯文本')}&from=2026-02-30` })
    await screen.findByText('网址中的部分筛选条件无效，已忽略。')
    await screen.findByText('共 1 篇')
  })
})
