// The reading tools as a reader meets them: the read toggle, "unread only", whole-list unread
// counts from the bundle's sizes, "mark all read" with its undo, and the mark-read setting.
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter, Route, Routes, useLocation } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mockFeed, renderApp } from '../../../../test/support/render-app.tsx'
import { resetStorageForTests } from '../../../lib/storage/synced-store.ts'
import { setRead, useReadState } from '../hooks.ts'
import { useUnreadOnly } from '../list-helpers.ts'
import { readMarksStore } from '../read-marks-store.ts'
import { readSettingsStore } from '../read-settings.ts'
import { isArticleRead } from '../read-state.ts'
import { MarkReadSetting } from './mark-read-setting.tsx'
import { ReadToggle } from './read-toggle.tsx'
import { UnreadOnlySwitch } from './unread-only-switch.tsx'

const items = [
  { id: '202611280000000001', category: 'emnews', publishedMs: 1 },
  { id: '202611200000000002', category: 'emnews', publishedMs: 2 },
  { id: 'https://example.org/a?b=1', category: 'other', publishedMs: 3 },
]

beforeEach(() => resetStorageForTests())
afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

function Location() {
  const loc = useLocation()
  return <output aria-label="地址">{loc.pathname + loc.search}</output>
}

function List() {
  const unreadOnly = useUnreadOnly()
  const state = useReadState()
  const shown = unreadOnly ? items.filter((it) => !isArticleRead(state, it)) : items
  return (
    <>
      <UnreadOnlySwitch />
      <ul>
        {shown.map((it) => (
          <li key={it.id}>
            {it.id} <ReadToggle article={it} />
          </li>
        ))}
      </ul>
    </>
  )
}

function renderList(path = '/') {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="*" element={<List />} />
      </Routes>
      <Location />
    </MemoryRouter>,
  )
}

describe('read toggle', () => {
  it('toggles read with aria-pressed and stores it', async () => {
    const user = userEvent.setup()
    renderList()
    const first = within(screen.getAllByRole('listitem')[0]!).getByRole('button', { name: '已读' })
    expect(first.getAttribute('aria-pressed')).toBe('false')
    await user.click(first)
    expect(first.getAttribute('aria-pressed')).toBe('true')
    readMarksStore.flush()
    readMarksStore.reload()
    expect(readMarksStore.getSnapshot().markOf(items[0]!.id)?.read).toBe(true)
    await user.click(first)
    expect(first.getAttribute('aria-pressed')).toBe('false')
  })
})

describe('unread only switch', () => {
  it('filters the list and keeps the choice in the URL', async () => {
    const user = userEvent.setup()
    setRead([items[1]!], true)
    renderList()
    expect(screen.getAllByRole('listitem')).toHaveLength(3)
    await user.click(screen.getByRole('switch', { name: '只看未读' }))
    expect(screen.getByRole('status', { name: '地址' }).textContent ?? '').toBe('/?unread=1')
    expect(screen.getAllByRole('listitem')).toHaveLength(2)
  })

  it('reads the switch from the URL on load and ignores other values', () => {
    renderList('/category/x?unread=1')
    expect(screen.getByRole<HTMLInputElement>('switch', { name: '只看未读' }).checked).toBe(true)
  })

  it('is off for a value other than 1', () => {
    renderList('/?unread=yes')
    expect(screen.getByRole<HTMLInputElement>('switch', { name: '只看未读' }).checked).toBe(false)
  })
})

describe('unread counts of whole lists', () => {
  // The fixture bundle: 7 articles in 2 categories (citynews 4, technews 3), 3 on its first page,
  // dated 2026-11-23 to 11-28.
  const NOW = new Date('2026-11-29T12:00:00+08:00')

  it('count the whole list from the bundle, not the page loaded', async () => {
    mockFeed('bundle')
    const { user } = renderApp(null, { path: '/' })
    await screen.findByText('7 篇未读')
    await user.click(screen.getAllByRole('button', { name: '已读' })[0]!)
    await screen.findByText('6 篇未读')
  })

  it('mark the whole list read, pages not loaded included, and the undo puts it back', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW })
    mockFeed('bundle')
    const { user } = renderApp(null, { path: '/' })
    await screen.findByText('7 篇未读')
    await user.click(screen.getByText('标为已读', { selector: 'summary' }))
    await user.click(screen.getByRole('button', { name: '全部标为已读' }))
    await screen.findByText('全部已读')
    const toast = await screen.findByRole('status', { name: '' })
    within(toast).getByText('已将 7 篇标为已读')
    for (const t of screen.getAllByRole('button', { name: '已读' }))
      expect(t.getAttribute('aria-pressed')).toBe('true')
    // Seven articles read, and one record stored for them.
    expect(readMarksStore.getSnapshot().size).toBe(0)
    await user.click(within(toast).getByRole('button', { name: '撤销' }))
    await screen.findByText('7 篇未读')
  })

  it('mark only what is older than a day or a week', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW })
    mockFeed('bundle')
    const { user } = renderApp(null, { path: '/' })
    await screen.findByText('7 篇未读')
    await user.click(screen.getByText('标为已读', { selector: 'summary' }))
    // Older than a week: 11-23 and 11-24 (10:10) of the fixture, before 11-22 12:00? none.
    await user.click(screen.getByRole('button', { name: '一周前的标为已读' }))
    await screen.findByText(/已将 0 篇标为已读/)
    await user.click(screen.getByText('标为已读', { selector: 'summary' }))
    // Older than a day: everything before 11-28 12:00, that is all but the two of 11-28.
    await user.click(screen.getByRole('button', { name: '一天前的标为已读' }))
    await screen.findByText('2 篇未读')
  })

  it('say nothing of read state while the list loads or when it fails', async () => {
    mockFeed('bundle', { fail: (rel) => (rel === 'feed.json' ? 500 : null) })
    renderApp(null, { path: '/' })
    await screen.findByRole('alert')
    expect(screen.queryByText(/篇未读|全部已读/)).toBeNull()
    expect(screen.queryByText('标为已读', { selector: 'summary' })).toBeNull()
  })

  it('offer the whole list when "unread only" has nothing left', async () => {
    mockFeed('bundle')
    setRead(
      ['2026112801', '2026112802', '2026112703'].map((id) => ({ id })),
      true,
    )
    const { user, router } = renderApp(null, { path: '/?unread=1' })
    await screen.findByText('没有未读文章')
    await user.click(screen.getByRole('button', { name: '显示全部' }))
    await screen.findByRole('article', { name: '滨江公园新增夜跑步道' })
    expect(router.location.search).toBe('')
  })
})

describe('mark read setting', () => {
  it('offers open, scroll and manual, and keeps the choice', async () => {
    const user = userEvent.setup()
    render(<MarkReadSetting />)
    const group = screen.getByRole('group', { name: '何时标为已读' })
    expect(within(group).getByRole<HTMLInputElement>('radio', { name: '打开文章时' }).checked).toBe(
      true,
    )
    await user.click(within(group).getByRole('radio', { name: '仅手动' }))
    expect(within(group).getByRole<HTMLInputElement>('radio', { name: '仅手动' }).checked).toBe(
      true,
    )
    readSettingsStore.flush()
    readSettingsStore.reload()
    expect(readSettingsStore.getSnapshot().markReadOn).toBe('manual')
  })
})
