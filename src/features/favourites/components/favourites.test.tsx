import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter } from 'react-router'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { resetStorageForTests } from '../../../lib/storage/synced-store.ts'
import { favouritesStore } from '../favourites-store.ts'
import { exportFavourites } from '../favourites-file.ts'
import { FavouriteToggle } from './favourite-toggle.tsx'
import { FavouritesList } from './favourites-list.tsx'
import { FavouritesTransfer } from './favourites-transfer.tsx'

const article = {
  id: '202611280712345678',
  title: '测试文章：央行公布新数据',
  category: 'emnews',
  published: '2026-11-28T07:12:00+08:00',
  tags: ['东财滚动新闻'],
  externalUrl: null,
}

beforeEach(() => resetStorageForTests())

function renderPage() {
  return render(
    <MemoryRouter>
      <FavouriteToggle article={article} source="东方财富" />
      <FavouriteToggle article={{ ...article, id: 'https://example.org/b', title: '第二篇' }} />
      <FavouritesTransfer />
      <FavouritesList articleHref={(id) => `/article/${encodeURIComponent(id)}`} />
    </MemoryRouter>,
  )
}

describe('favourite toggle', () => {
  it('is a button named 收藏 whose aria-pressed follows the store', async () => {
    const user = userEvent.setup()
    renderPage()
    const [toggle] = screen.getAllByRole('button', { name: '收藏' })
    expect(toggle!.getAttribute('aria-pressed')).toBe('false')
    await user.click(toggle!)
    expect(toggle!.getAttribute('aria-pressed')).toBe('true')
    favouritesStore.reload() // as after a reload: read back from localStorage
    expect(favouritesStore.getSnapshot().get(article.id)?.fav).toBe(true)
  })
})

describe('favourites list', () => {
  it('names each favourite by its title, whatever its id holds, under headings in order', async () => {
    const user = userEvent.setup()
    render(
      <MemoryRouter>
        <h1>收藏</h1>
        <FavouriteToggle article={{ ...article, id: 'an id with spaces', title: '带空格的编号' }} />
        <FavouritesList articleHref={(id) => `/article/${encodeURIComponent(id)}`} />
      </MemoryRouter>,
    )
    await user.click(screen.getByRole('button', { name: '收藏' }))
    const list = screen.getByRole('list', { name: '收藏的文章' })
    within(list).getByRole('article', { name: '带空格的编号' })
    within(list).getByRole('heading', { level: 2, name: '带空格的编号' })
  })

  it('shows title, source, time and tags from the snapshot, newest first, linking to the article', async () => {
    const user = userEvent.setup()
    renderPage()
    screen.getByText(/还没有收藏/)
    const [first, second] = screen.getAllByRole('button', { name: '收藏' })
    await user.click(first!)
    await user.click(second!)
    const list = screen.getByRole('list', { name: '收藏的文章' })
    const entries = within(list).getAllByRole('article')
    expect(entries.map((e) => within(e).getByRole('heading').textContent)).toEqual([
      '第二篇',
      article.title,
    ])
    const entry = entries[1]!
    expect(within(entry).getByRole('link', { name: article.title }).getAttribute('href')).toBe(
      `/article/${article.id}`,
    )
    within(entry).getByText('东方财富')
    within(entry).getByText('东财滚动新闻')
    within(entry).getByText(/2026/, { selector: 'time' })
    // Unfavouriting from the list removes it.
    await user.click(within(entry).getByRole('button', { name: '收藏', pressed: true }))
    expect(
      within(screen.getByRole('list', { name: '收藏的文章' })).getAllByRole('article'),
    ).toHaveLength(1)
  })
})

describe('export and import', () => {
  it('exports a JSON file of the favourites', async () => {
    const user = userEvent.setup()
    const created: Blob[] = []
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      created.push(b as Blob)
      return 'blob:x'
    })
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    renderPage()
    await user.click(screen.getAllByRole('button', { name: '收藏' })[0]!)
    await user.click(screen.getByRole('button', { name: '导出收藏' }))
    expect(click).toHaveBeenCalled()
    const json = JSON.parse(await created[0]!.text()) as { items: { id: string }[] }
    expect(json.items.map((i) => i.id)).toEqual([article.id])
    vi.restoreAllMocks()
  })

  it('imports a file, merging without duplicates, and says what it did', async () => {
    const user = userEvent.setup()
    renderPage()
    await user.click(screen.getAllByRole('button', { name: '收藏' })[0]!)
    const file = exportFavourites([
      { at: 1, item: { ...article, source: null, url: null, tags: [...article.tags] } },
      {
        at: 2,
        item: { ...article, id: 'other', title: '导入的文章', source: null, url: null, tags: [] },
      },
    ])
    await user.upload(
      screen.getByLabelText('导入收藏'),
      new File([file], 'f.json', { type: 'application/json' }),
    )
    await screen.findByText('已导入 1 篇，1 篇已在收藏中，未重复添加。')
    expect(
      within(screen.getByRole('list', { name: '收藏的文章' })).getAllByRole('article'),
    ).toHaveLength(2)
    screen.getByRole('link', { name: '导入的文章' })
  })

  it('refuses a file that is not an export', async () => {
    const user = userEvent.setup()
    renderPage()
    await user.upload(
      screen.getByLabelText('导入收藏'),
      new File(['{"hello":1}'], 'f.json', { type: 'application/json' }),
    )
    await screen.findByText('无法导入：文件不是本应用导出的收藏。')
  })
})
