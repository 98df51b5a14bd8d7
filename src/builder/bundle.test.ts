// Paging rules of one feed, without the file system: page sizes, numbering from the oldest, links,
// relative content URLs, and the 100 KB limit with oversized titles.
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { BundlePageSchema, PAGE_BYTES_LIMIT, type BundlePage } from '../shared/feed-bundle.ts'
import { categoryName, feedPages, type Article } from './bundle.ts'

const article = (n: number, title = `标题${n}`): Article => ({
  id: `a${n}`,
  hash: `h${n}`,
  meta: {
    slug: `a${n}`,
    title,
    summary: '摘要'.repeat(60),
    date: '2022-01-01T00:00:00+08:00',
    epochMs: 1_000_000 - n,
    tags: ['标签'],
    category: 'c',
    readingMinutes: 1,
  },
})
const reader = { version: 1 as const, total_items: 0 }
const pagesOf = (count: number, dir = '', make = article) => {
  const list = Array.from({ length: count }, (_, i) => make(i))
  return [...feedPages(dir, 't', list, { title: 't' }, reader)].map((p) => p.make())
}

describe('feedPages', () => {
  it('keeps the newest remainder in feed.json and numbers full pages from the oldest', () => {
    const pages = pagesOf(120)
    expect(pages.map((p) => p.path)).toEqual(['feed.json', 'page-000001.json', 'page-000000.json'])
    const docs: BundlePage[] = pages.map((p) => v.parse(BundlePageSchema, p.value))
    expect(docs.map((d) => d.items.length)).toEqual([20, 50, 50])
    expect(docs.map((d) => d.next_url)).toEqual(['page-000001.json', 'page-000000.json', undefined])
    expect(docs[0]?.items[0]?.id).toBe('a0')
    expect(docs[2]?.items.at(-1)?.id).toBe('a119')
  })
  it('puts a full page in feed.json when the count is a multiple of 50, and handles none', () => {
    expect(pagesOf(100).map((p) => (p.value as BundlePage).items.length)).toEqual([50, 50])
    expect(pagesOf(0).map((p) => (p.value as BundlePage).items.length)).toEqual([0])
  })
  it('writes content URLs relative to the page', () => {
    const [head] = pagesOf(1, 'category/c')
    expect(head?.path).toBe('category/c/feed.json')
    expect((head?.value as BundlePage).items[0]?._reader.content_url).toBe('../../content/a0.json')
  })
  it('keeps pages under 100 KB by shortening summaries, then titles', () => {
    const pages = pagesOf(50, '', (n) => article(n, `很长的标题${n}`.repeat(400)))
    const text = pages[0]?.text ?? ''
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(PAGE_BYTES_LIMIT)
    expect(v.safeParse(BundlePageSchema, JSON.parse(text)).success).toBe(true)
  })
  it('fingerprints pages by their items, so unchanged pages are recognised', () => {
    const list = Array.from({ length: 60 }, (_, i) => article(i))
    const fp = (l: Article[]) =>
      [...feedPages('', 't', l, { title: 't' }, reader)].map((p) => p.fingerprint)
    const before = fp(list)
    const after = fp([article(-1), ...list])
    expect(after[1]).toBe(before[1])
    expect(after[0]).not.toBe(before[0])
  })
})

describe('categoryName', () => {
  it('prefers the most frequent first tag, then the page title, then the slug', () => {
    expect(
      categoryName(
        new Map([
          ['甲', 2],
          ['乙', 5],
        ]),
        '页',
        's',
      ),
    ).toBe('乙')
    expect(
      categoryName(
        new Map([
          ['乙', 2],
          ['甲', 2],
        ]),
        '页',
        's',
      ),
    ).toBe('乙')
    expect(categoryName(undefined, '页', 's')).toBe('页')
    expect(categoryName(undefined, '  ', 's')).toBe('s')
  })
})
