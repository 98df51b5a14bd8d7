import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter, Route, Routes, useLocation } from 'react-router'
import { beforeEach, describe, expect, it } from 'vitest'
import { resetStorageForTests } from '../../../lib/storage/synced-store.ts'
import { readMarksStore, setRead } from '../read-marks-store.ts'
import { readSettingsStore } from '../read-settings.ts'
import { MarkAllReadMenu } from './mark-all-read-menu.tsx'
import { MarkReadSetting } from './mark-read-setting.tsx'
import { ReadToggle } from './read-toggle.tsx'
import { CategoryUnreadCount, ListUnreadCount } from './unread-count.tsx'
import { UnreadOnlySwitch } from './unread-only-switch.tsx'
import { useUnreadOnly } from '../list-helpers.ts'
import { useReadMarks } from '../hooks.ts'

const DAY = 86_400_000
const now = Date.now()
const items = [
  { id: '202611280000000001', category: 'emnews', publishedMs: now - 60_000 },
  { id: '202611200000000002', category: 'emnews', publishedMs: now - 2 * DAY },
  { id: 'https://example.org/a?b=1', category: 'other', publishedMs: now - 10 * DAY },
]

beforeEach(() => resetStorageForTests())

function Location() {
  const loc = useLocation()
  return <output aria-label="地址">{loc.pathname + loc.search}</output>
}

function List() {
  const unreadOnly = useUnreadOnly()
  const marks = useReadMarks()
  const shown = unreadOnly ? items.filter((it) => !marks.isRead(it.id)) : items
  return (
    <>
      <UnreadOnlySwitch />
      <ListUnreadCount items={items} />
      <MarkAllReadMenu items={items} />
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
    screen.getByText('3 篇未读')
    await user.click(first)
    expect(first.getAttribute('aria-pressed')).toBe('true')
    screen.getByText('2 篇未读')
    readMarksStore.flush()
    readMarksStore.reload()
    expect(readMarksStore.getSnapshot().isRead(items[0]!.id)).toBe(true)
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

describe('mark all read', () => {
  it('marks only items older than a week, then all', async () => {
    const user = userEvent.setup()
    renderList()
    await user.click(screen.getByText('标为已读', { selector: 'summary' }))
    await user.click(screen.getByRole('button', { name: '一周前的标为已读' }))
    screen.getByText('2 篇未读')
    await user.click(screen.getByRole('button', { name: '一天前的标为已读' }))
    screen.getByText('1 篇未读')
    await user.click(screen.getByRole('button', { name: '全部标为已读' }))
    screen.getByText('全部已读')
    const pressed = screen.getAllByRole('button', { name: '已读', pressed: true })
    expect(pressed).toHaveLength(3)
  })
})

describe('category unread count', () => {
  it('is the category size minus the read marks stored with that category', () => {
    setRead([items[0]!, items[1]!, items[2]!], true)
    render(
      <>
        <CategoryUnreadCount slug="emnews" total={10} />
        <CategoryUnreadCount slug="other" total={1} />
        <CategoryUnreadCount slug="none" total={4} />
      </>,
    )
    screen.getByText('8 篇未读')
    screen.getByText('全部已读')
    screen.getByText('4 篇未读')
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
