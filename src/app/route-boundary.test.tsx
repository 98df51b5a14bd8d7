// A page's error boundary as the reader meets it: a plain message with a retry that works, and
// leaving the page clears it.
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { lazy, Suspense } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MemoryRouter } from 'react-router'
import { FeedError } from '../entities/article/api/feed-error.ts'
import { RouteBoundary } from './route-boundary.tsx'

beforeEach(() => {
  // React reports every caught error on the console; the boundary logs it once more.
  vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => {
  vi.restoreAllMocks()
})

describe('a page that fails', () => {
  it('explains a feed failure and shows the page again when retried', async () => {
    let fail = true
    function Page() {
      if (fail) throw new FeedError('http', 'HTTP 503', { status: 503 })
      return <h1>最新文章</h1>
    }
    render(
      <RouteBoundary resetKey="/">
        <Page />
      </RouteBoundary>,
    )
    screen.getByRole('heading', { level: 1, name: '出了点问题' })
    expect(document.title).toBe('出了点问题 · 新闻阅读')
    expect(screen.getByRole('alert').textContent).toContain('服务器暂时出错')
    fail = false
    await userEvent.click(screen.getByRole('button', { name: '重试' }))
    screen.getByRole('heading', { level: 1, name: '最新文章' })
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('offers a reload when the page’s code did not download', async () => {
    const Page = lazy(() =>
      Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
    )
    const reload = vi.fn()
    render(
      <RouteBoundary resetKey="/article/a" reload={reload}>
        <Suspense fallback={<p>正在加载…</p>}>
          <Page />
        </Suspense>
      </RouteBoundary>,
    )
    await screen.findByRole('heading', { level: 1, name: '出了点问题' })
    expect(screen.getByRole('alert').textContent).toContain('加载失败')
    await userEvent.click(screen.getByRole('button', { name: '重试' }))
    expect(reload).toHaveBeenCalledOnce()
  })

  it('clears the message when the reader goes to another page', () => {
    function Broken(): never {
      throw new Error('render failure')
    }
    const { rerender } = render(
      <RouteBoundary resetKey="/a">
        <Broken />
      </RouteBoundary>,
    )
    screen.getByRole('heading', { name: '出了点问题' })
    rerender(
      <RouteBoundary resetKey="/categories">
        <h1>分类</h1>
      </RouteBoundary>,
    )
    screen.getByRole('heading', { level: 1, name: '分类' })
    expect(screen.queryByRole('alert')).toBeNull()
  })
})

describe('a page of something that does not exist', () => {
  it('shows the not-found page with a way home, not an error', () => {
    function Page(): never {
      throw new FeedError('not-found', 'No article x', { status: 404 })
    }
    render(
      <MemoryRouter initialEntries={['/article/x']}>
        <RouteBoundary resetKey="/article/x">
          <Page />
        </RouteBoundary>
      </MemoryRouter>,
    )
    screen.getByRole('heading', { level: 1, name: '这篇文章不存在' })
    expect(document.title).toBe('这篇文章不存在 · 新闻阅读')
    expect(screen.getByRole('link', { name: '返回首页' }).getAttribute('href')).toBe('/')
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
