// A page's error boundary as the reader meets it: a plain message with a retry that works, and
// leaving the page clears it.
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { lazy, Suspense } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FeedError } from '../shared/decode-feed.ts'
import { RouteErrorBoundary } from './route-error.tsx'

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
      if (fail) throw new FeedError('http', 'HTTP 503', 503)
      return <h1>最新文章</h1>
    }
    render(
      <RouteErrorBoundary resetKey="/">
        <Page />
      </RouteErrorBoundary>,
    )
    expect(screen.getByRole('heading', { level: 1, name: '出了点问题' })).toBeTruthy()
    expect(screen.getByRole('alert').textContent).toContain('服务器暂时出错')
    fail = false
    await userEvent.click(screen.getByRole('button', { name: '重试' }))
    expect(screen.getByRole('heading', { level: 1, name: '最新文章' })).toBeTruthy()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('offers a reload when the page’s code did not download', async () => {
    const Page = lazy(() =>
      Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
    )
    const reload = vi.fn()
    render(
      <RouteErrorBoundary resetKey="/article/a" reload={reload}>
        <Suspense fallback={<p>正在加载…</p>}>
          <Page />
        </Suspense>
      </RouteErrorBoundary>,
    )
    expect(await screen.findByRole('heading', { level: 1, name: '出了点问题' })).toBeTruthy()
    expect(screen.getByRole('alert').textContent).toContain('加载失败')
    await userEvent.click(screen.getByRole('button', { name: '重试' }))
    expect(reload).toHaveBeenCalledOnce()
  })

  it('clears the message when the reader goes to another page', () => {
    function Broken(): never {
      throw new Error('render failure')
    }
    const { rerender } = render(
      <RouteErrorBoundary resetKey="/a">
        <Broken />
      </RouteErrorBoundary>,
    )
    expect(screen.getByRole('heading', { name: '出了点问题' })).toBeTruthy()
    rerender(
      <RouteErrorBoundary resetKey="/categories">
        <h1>分类</h1>
      </RouteErrorBoundary>,
    )
    expect(screen.getByRole('heading', { level: 1, name: '分类' })).toBeTruthy()
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
