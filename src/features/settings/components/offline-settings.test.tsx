import { screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { installFakeCaches, type FakeCacheStorage } from '../../../../test/support/fake-caches.ts'
import { renderApp } from '../../../../test/support/render-app.tsx'
import { OFFLINE_CACHES } from '../../../lib/offline-cache.ts'
import { settingsStore } from '../settings-store.ts'
import { OfflineSettings } from './offline-settings.tsx'

const url = (n: number) => `http://x/feed/content/${n}.json`

describe('offline settings', () => {
  let fake: FakeCacheStorage
  let restore: () => void
  beforeEach(() => ({ fake, restore } = installFakeCaches()))
  afterEach(() => restore())

  it('shows what is kept and clears lists and articles, keeping favourites', async () => {
    await fake.fill(OFFLINE_CACHES.articles, [url(1), url(2)])
    await fake.fill(OFFLINE_CACHES.favourites, [url(3)])
    await fake.fill(OFFLINE_CACHES.feed, ['http://x/feed/feed.json'])
    const { user } = renderApp(<OfflineSettings />)
    await screen.findByText(/已保存 2 篇文章、1 篇收藏和 1 个列表页，共 0 KB。/)
    await user.click(screen.getByRole('button', { name: '清除缓存' }))
    await screen.findByText(/已保存 0 篇文章、1 篇收藏和 0 个列表页/)
    expect(screen.getByRole('status').textContent).toBe('缓存已清除，收藏的文章仍可离线阅读。')
    expect(fake.urls(OFFLINE_CACHES.favourites)).toEqual([url(3)])
  })

  it('sets how many articles are kept (default 300)', async () => {
    const { user } = renderApp(<OfflineSettings />)
    const select = screen.getByRole('combobox', { name: /离线保存的文章/ })
    expect(within(select).getByRole<HTMLOptionElement>('option', { name: '300 篇' }).selected).toBe(
      true,
    )
    await user.selectOptions(select, '1,000 篇')
    expect(settingsStore.getSnapshot().value.cacheLimit).toBe(1_000)
  })

  it('says so where the browser cannot keep anything', async () => {
    restore()
    renderApp(<OfflineSettings />)
    await screen.findByText('这个浏览器不能离线保存内容。')
    expect(screen.getByRole('button', { name: '清除缓存' })).toHaveProperty('disabled', true)
  })
})
