// The category directory: counts, and a filter that narrows 2,000 categories as you type.
import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from '../../../../test/support/render-app.tsx'
import { normalize, type Category } from '../../../entities/article/api/directories.ts'
import { CategoryDirectory } from './category-directory.tsx'

function categories(n: number): Category[] {
  return Array.from({ length: n }, (_, i) => {
    const slug = `source${i}`
    const name = i === 1234 ? 'Ｗｉｄｅ财经' : `来源${i}`
    return {
      slug,
      name,
      count: i,
      feedUrl: `http://x/feed/category/${slug}/feed.json`,
      search: normalize(`${name} ${slug}`),
    }
  })
}

describe('CategoryDirectory', () => {
  it('lists every category with its count', () => {
    renderApp(<CategoryDirectory categories={categories(3)} />)
    expect(screen.getByRole('link', { name: '来源2' }).getAttribute('href')).toBe(
      '/category/source2',
    )
    screen.getByText('2 篇')
    screen.getByText('共 3 个分类')
  })

  it('filters 2,000 categories as you type, by name or slug, width and case folded', async () => {
    const { user } = renderApp(<CategoryDirectory categories={categories(2_000)} />)
    // Queries stay inside the filter box: scanning 2,000 jsdom links per query is what is slow.
    const box = screen.getByLabelText<HTMLInputElement>('筛选分类')
    expect(box.type).toBe('search')
    const filter = within(screen.getByRole('search'))
    filter.getByText('共 2,000 个分类')
    // One change event per step: typing char by char into 2,000 jsdom links only measures jsdom.
    await user.click(box)
    await user.paste('来源199')
    await filter.findByText('显示 11 / 2,000 个分类')
    expect(screen.getAllByRole('listitem')).toHaveLength(11)
    await user.clear(box)
    await user.paste('wide')
    await screen.findByRole('link', { name: 'Ｗｉｄｅ财经' })
    expect(screen.getAllByRole('listitem')).toHaveLength(1)
    await user.paste('不存在')
    await screen.findByText('没有匹配的分类。')
  }, 30_000)

  it('says when the feed has no directory', () => {
    renderApp(<CategoryDirectory categories={[]} />)
    screen.getByText('这个订阅源没有分类目录。')
  })
})
