// The article view: heading, meta and links, the sanitized body or text paragraphs, loading and
// error states of the body, the original source link, sharing, and the actions slot.
import { screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Article } from '../../../entities/article/model/article.ts'
import { renderApp } from '../../../../test/support/render-app.tsx'
import { ArticleView } from './article-view.tsx'

afterEach(() => {
  vi.unstubAllGlobals()
})

const article: Article = {
  id: 'a1',
  title: '测试文章的标题',
  titleIsStandIn: false,
  summary: '摘要',
  published: '2026-11-28T21:30:00+08:00',
  publishedMs: Date.parse('2026-11-28T21:30:00+08:00'),
  tags: ['城市快讯', 'a b/c#d?e'],
  category: 'citynews',
  externalUrl: 'https://source.example/news/a1',
  url: null,
  contentUrl: null,
  contentHtml:
    '<p>第一段<strong>重点</strong>。</p><img src="x" onerror="window.__pwned=1"><script>window.__pwned=2</script>',
  contentText: null,
  readingMinutes: 3,
  authors: [],
  image: null,
  dateOnly: false,
}

describe('ArticleView', () => {
  it('shows the title as <h1>, the meta, links, and the sanitized body', () => {
    renderApp(<ArticleView article={article} />)
    screen.getByRole('heading', { level: 1, name: '测试文章的标题' })
    expect(screen.getByRole('link', { name: '城市快讯' }).getAttribute('href')).toBe(
      '/category/citynews',
    )
    expect(screen.getByRole('link', { name: '#a b/c#d?e' }).getAttribute('href')).toBe(
      '/tag/a%20b%2Fc%23d%3Fe',
    )
    screen.getByText('约 3 分钟读完')
    expect(screen.getByText(/2026.11.28.*21:30/).tagName).toBe('TIME')
    expect(screen.getByText('重点').tagName).toBe('STRONG')
    // What the sanitizer left in the DOM is the thing under test.
    // eslint-disable-next-line testing-library/no-node-access
    const body = document.querySelector('.body')!
    expect(body.innerHTML).not.toContain('onerror')
    // eslint-disable-next-line testing-library/no-node-access
    expect(body.querySelector('script')).toBeNull()
  })

  it('opens the original source safely', () => {
    renderApp(<ArticleView article={article} />)
    const link = screen.getByRole('link', { name: /阅读原文/ })
    expect(link.getAttribute('href')).toBe('https://source.example/news/a1')
    expect(link.getAttribute('target')).toBe('_blank')
    expect(link.getAttribute('rel')).toBe('noopener noreferrer')
    expect(link.getAttribute('referrerpolicy')).toBe('no-referrer')
  })

  it('shows content_text as paragraphs of text, never as HTML', () => {
    renderApp(
      <ArticleView
        article={{ ...article, contentHtml: null, contentText: '第一段<b>不是标签</b>\n\n第二段' }}
      />,
    )
    expect(screen.getByText('第一段<b>不是标签</b>').tagName).toBe('P')
    expect(screen.getByText('第二段').tagName).toBe('P')
  })

  it('shows the title at once while the body loads, and a body failure with retry', async () => {
    const bare = { ...article, contentHtml: null }
    const { rerender } = renderApp(<ArticleView article={bare} bodyPending />)
    screen.getByRole('heading', { level: 1, name: '测试文章的标题' })
    expect(screen.getByText('正在加载正文…').getAttribute('role')).toBe('status')
    const onRetry = vi.fn()
    rerender(<></>)
    const { user } = renderApp(
      <ArticleView article={bare} bodyError={new Error('x')} onRetry={onRetry} />,
    )
    await user.click(within(screen.getByRole('alert')).getByRole('button', { name: '重试' }))
    expect(onRetry).toHaveBeenCalledOnce()
  })

  it('copies the link when there is no share sheet, and says so', async () => {
    const { user } = renderApp(<ArticleView article={article} shareUrl="https://r.example/a" />)
    const writeText = vi.fn(() => Promise.resolve())
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    await user.click(await screen.findByRole('button', { name: '分享' }))
    expect(writeText).toHaveBeenCalledWith('https://r.example/a')
    await screen.findByText('链接已复制')
  })

  it('uses the share sheet where there is one', async () => {
    const share = vi.fn(() => Promise.resolve())
    Object.defineProperty(navigator, 'share', { value: share, configurable: true })
    const { user } = renderApp(<ArticleView article={article} shareUrl="https://r.example/a" />)
    await user.click(await screen.findByRole('button', { name: '分享' }))
    expect(share).toHaveBeenCalledWith({ title: '测试文章的标题', url: 'https://r.example/a' })
    Reflect.deleteProperty(navigator, 'share')
  })

  it('renders the actions and navigation slots', () => {
    renderApp(
      <ArticleView
        article={article}
        actions={<button type="button">收藏</button>}
        navigation={<nav aria-label="前后文章" />}
      />,
    )
    screen.getByRole('button', { name: '收藏' })
    screen.getByRole('navigation', { name: '前后文章' })
  })
})
