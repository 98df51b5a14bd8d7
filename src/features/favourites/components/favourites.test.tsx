import { screen, within } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { renderApp } from '../../../../test/support/render-app.tsx'
import { resetStorageForTests } from '../../../lib/storage/synced-store.ts'
import {
  favouritesStore,
  toFavouriteItem,
  withFavourite,
  type FavouriteInput,
} from '../favourites-store.ts'
import { exportFavourites } from '../favourites-file.ts'
import { FavouriteToggle } from './favourite-toggle.tsx'
import { FavouritesList } from './favourites-list.tsx'
import { FavouritesTransfer } from './favourites-transfer.tsx'

const article = {
  id: '202611280712345678',
  title: '测试文章：央行公布新数据',
  summary: '央行今天公布了十一月的货币数据。',
  category: 'emnews',
  published: '2026-11-28T07:12:00+08:00',
  tags: ['东方财富', '东财滚动新闻'],
  externalUrl: null,
}

beforeEach(() => resetStorageForTests())

/** Favourites already stored, the first given the newest. */
function seed(articles: (FavouriteInput & { source?: string | null })[]) {
  favouritesStore.update((favs) =>
    articles.reduce(
      (f, a, i) => withFavourite(f, toFavouriteItem(a, a.source), true, 1_000, articles.length - i),
      favs,
    ),
  )
}

const many = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `n${i}`, title: `普通文章 ${i}`, tags: [] }))

const entries = () =>
  within(screen.getByRole('list', { name: '收藏的文章' })).getAllByRole('article')

describe('favourite toggle', () => {
  it('is a button named 收藏 whose aria-pressed follows the store', async () => {
    const { user } = renderApp(<FavouriteToggle article={article} source="东方财富" />)
    const toggle = screen.getByRole('button', { name: '收藏' })
    expect(toggle.getAttribute('aria-pressed')).toBe('false')
    await user.click(toggle)
    expect(toggle.getAttribute('aria-pressed')).toBe('true')
    favouritesStore.reload() // as after a reload: read back from localStorage
    expect(favouritesStore.getSnapshot().get(article.id)?.fav).toBe(true)
  })
})

describe('favourites list', () => {
  it('shows title, summary, source and tags as links and the time, newest first', async () => {
    const { user } = renderApp(
      <>
        <FavouriteToggle article={article} source="东方财富" />
        <FavouriteToggle article={{ ...article, id: 'https://example.org/b', title: '第二篇' }} />
        <FavouritesList />
      </>,
    )
    screen.getByText(/还没有收藏/)
    const [first, second] = screen.getAllByRole('button', { name: '收藏' })
    await user.click(first!)
    await user.click(second!)
    expect(entries().map((e) => within(e).getByRole('heading', { level: 3 }).textContent)).toEqual([
      '第二篇',
      article.title,
    ])
    const entry = screen.getByRole('article', { name: article.title })
    const href = (name: string) => within(entry).getByRole('link', { name }).getAttribute('href')
    expect(href(article.title)).toBe(`/article/${article.id}`)
    expect(href('东方财富')).toBe('/category/emnews')
    // The source's own tag is shown once, as the source.
    expect(href('#东财滚动新闻')).toBe(`/tag/${encodeURIComponent('东财滚动新闻')}`)
    expect(within(entry).queryByRole('link', { name: '#东方财富' })).toBeNull()
    within(entry).getByText(article.summary)
    within(entry).getByText(/2026/, { selector: 'time' })
    // Unfavouriting from the list removes it.
    await user.click(within(entry).getByRole('button', { name: '收藏', pressed: true }))
    expect(entries()).toHaveLength(1)
  })

  it('names each favourite by its title, whatever its id holds', () => {
    seed([{ ...article, id: 'an id with spaces', title: '带空格的编号' }])
    renderApp(<FavouritesList />)
    within(screen.getByRole('list', { name: '收藏的文章' })).getByRole('article', {
      name: '带空格的编号',
    })
  })

  it('shows a source without a category as text', () => {
    seed([{ ...article, category: null, source: '某个来源' }])
    renderApp(<FavouritesList />)
    screen.getByText('某个来源')
    expect(screen.queryByRole('link', { name: '某个来源' })).toBeNull()
  })
})

describe('favourites filter', () => {
  it('is offered only once there are more than a handful', () => {
    seed(many(5))
    const { unmount } = renderApp(<FavouritesList />)
    expect(entries()).toHaveLength(5)
    expect(screen.queryByRole('searchbox')).toBeNull()
    unmount()
    seed(many(6))
    renderApp(<FavouritesList />)
    screen.getByRole('searchbox', { name: '筛选收藏' })
    expect(screen.getByRole('status').textContent).toBe('共 6 篇收藏')
  })

  it('matches title, summary, source and tags, ignoring case and width', async () => {
    seed([
      ...many(5),
      { id: 't', title: 'OpenAI 发布新模型', tags: [] },
      { id: 's', title: '无关标题', summary: '摘要里提到新能源汽车。', tags: [] },
      { id: 'c', title: '另一篇', category: 'emnews', source: '东方财富', tags: ['东方财富'] },
      { id: 'g', title: '第四篇', tags: ['Ａ股'] },
    ])
    const { user } = renderApp(<FavouritesList />)
    const box = screen.getByRole('searchbox', { name: '筛选收藏' })
    const shownFor = async (text: string) => {
      await user.clear(box)
      if (text) await user.type(box, text)
      return entries().map((e) => within(e).getByRole('heading').textContent)
    }
    expect(await shownFor('ＯＰＥＮａｉ')).toEqual(['OpenAI 发布新模型'])
    expect(screen.getByRole('status').textContent).toBe('显示 1 / 9 篇收藏')
    expect(await shownFor('新能源')).toEqual(['无关标题'])
    expect(await shownFor('东方')).toEqual(['另一篇'])
    expect(await shownFor('a股')).toEqual(['第四篇'])
    await user.type(box, '没有')
    screen.getByText('没有匹配的收藏。')
    expect(screen.getByRole('status').textContent).toBe('显示 0 / 9 篇收藏')
    expect(await shownFor('')).toHaveLength(9)
  })
})

describe('export and import', () => {
  /** The hidden file input the import button opens, caught as the button clicks it. */
  function clickedFileInput() {
    const clicked: HTMLInputElement[] = []
    vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (
      this: HTMLInputElement,
    ) {
      clicked.push(this)
    })
    return clicked
  }

  it('offers export only when there is something to export', () => {
    const { unmount } = renderApp(<FavouritesTransfer />)
    screen.getByRole('button', { name: '导入收藏' })
    expect(screen.queryByRole('button', { name: '导出收藏' })).toBeNull()
    unmount()
    seed([article])
    renderApp(<FavouritesTransfer />)
    screen.getByRole('button', { name: '导出收藏' })
  })

  it('exports a JSON file of the favourites, summary included', async () => {
    const created: Blob[] = []
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      created.push(b as Blob)
      return 'blob:x'
    })
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    seed([article])
    const { user } = renderApp(<FavouritesTransfer />)
    await user.click(screen.getByRole('button', { name: '导出收藏' }))
    expect(click).toHaveBeenCalled()
    const json = JSON.parse(await created[0]!.text()) as {
      items: { id: string; summary: string }[]
    }
    expect(json.items).toMatchObject([{ id: article.id, summary: article.summary }])
    expect(screen.getByRole('status').textContent).toBe('已导出 1 篇收藏。')
    vi.restoreAllMocks()
  })

  it('imports through a button that opens a file input kept out of the tab order', async () => {
    seed([article])
    const { user } = renderApp(
      <>
        <FavouritesTransfer />
        <button type="button">后面的按钮</button>
      </>,
    )
    const focused = (name: string) => screen.getByRole('button', { name }).matches(':focus')
    await user.tab()
    expect(focused('导出收藏')).toBe(true)
    await user.tab()
    expect(focused('导入收藏')).toBe(true)
    await user.tab()
    expect(focused('后面的按钮')).toBe(true)

    const button = screen.getByRole('button', { name: '导入收藏' })
    const clicked = clickedFileInput()
    await user.click(button)
    expect(clicked).toHaveLength(1)
    vi.restoreAllMocks()
    const file = exportFavourites([
      { at: 1, item: toFavouriteItem(article, null) },
      { at: 2, item: toFavouriteItem({ ...article, id: 'other', title: '导入的文章' }, null) },
    ])
    await user.upload(clicked[0]!, new File([file], 'f.json', { type: 'application/json' }))
    expect((await screen.findByRole('status')).textContent).toBe(
      '已导入 1 篇，1 篇已在收藏中，未重复添加。',
    )
    expect(screen.queryByRole('alert')).toBeNull()
    expect(favouritesStore.getSnapshot().get('other')?.fav).toBe(true)
  })

  it('says at once when a file is not an export', async () => {
    const { user } = renderApp(<FavouritesTransfer />)
    const clicked = clickedFileInput()
    await user.click(screen.getByRole('button', { name: '导入收藏' }))
    vi.restoreAllMocks()
    await user.upload(
      clicked[0]!,
      new File(['{"hello":1}'], 'f.json', { type: 'application/json' }),
    )
    expect((await screen.findByRole('alert')).textContent).toBe(
      '无法导入：文件不是本应用导出的收藏。',
    )
    expect(screen.getByRole('status').textContent).toBe('')
  })
})

describe('the favourites page', () => {
  it('has its h1, then a titled section each for the list and the transfer', async () => {
    seed([article, { ...article, id: 'b', title: '第二篇' }])
    renderApp(null, { path: '/favourites' })
    await screen.findByRole('heading', { level: 1, name: '收藏' })
    const outline = screen.getAllByRole('heading').map((h) => `${h.tagName} ${h.textContent ?? ''}`)
    expect(outline).toEqual([
      'H1 收藏',
      'H2 收藏的文章',
      `H3 ${article.title}`,
      'H3 第二篇',
      'H2 导入和导出',
    ])
    for (const name of ['收藏的文章', '导入和导出']) screen.getByRole('region', { name })
    expect(document.title).toBe('收藏 · 新闻阅读')
  })
})
