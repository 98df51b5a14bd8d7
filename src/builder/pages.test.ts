// Paging rules of one feed: page sizes, numbering from the oldest, links, relative content URLs,
// the 100 KB limit, and fingerprints; pages are assembled from a real item store.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as v from 'valibot'
import { afterAll, describe, expect, it } from 'vitest'
import { BundlePageSchema, PAGE_BYTES_LIMIT, type BundlePage } from '../shared/feed-bundle.ts'
import { categoryName, itemText } from './bundle.ts'
import { Articles } from './catalog.ts'
import { digestOf, setDigest } from './digest.ts'
import { ItemStore } from './item-store.ts'
import { feedPages, pageBytes, pageFingerprint, type Feed } from './pages.ts'
import type { PostMeta } from './post.ts'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pages-test-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const meta = (n: number, title = `标题${n}`): PostMeta => ({
  slug: `a${n}`,
  title,
  summary: '摘要'.repeat(60),
  date: '2022-01-01T00:00:00+08:00',
  epochMs: 1_000_000 - n,
  tags: ['标签'],
  category: 'c',
  readingMinutes: 1,
})

let stores = 0
/** `count` articles a0… (newest first) in a fresh store, and a feed of all of them. */
function archive(count: number, dir = '', make = meta) {
  const store = new ItemStore(path.join(tmp, `items-${stores++}`), false)
  const articles = new Articles(count)
  for (let n = 0; n < count; n++) {
    const item = itemText(`a${n}`, make(n), { title: 't' })
    const bytes = Buffer.from(item.text)
    const a = articles.add({
      input: n,
      id: `a${n}`,
      epochMs: 1_000_000 - n,
      category: 0,
      tags: [0],
      itemOffset: store.append(bytes),
      itemLength: bytes.length,
      itemSplit: Buffer.byteLength(item.text.slice(0, item.split)),
    })
    setDigest(articles.itemHash, a, digestOf(bytes))
  }
  const seq = Uint32Array.from({ length: count }, (_, i) => i)
  const feed: Feed = { dir, title: 't', seq, reader: { version: 2, total_items: count } }
  const pages = feedPages(feed)
  const docs = pages.map(
    (p) => JSON.parse(pageBytes(p, articles, store, undefined, true).toString()) as BundlePage,
  )
  return { articles, feed, pages, docs, store }
}

describe('feedPages', () => {
  it('keeps the newest remainder in feed.json and numbers full pages from the oldest', () => {
    const { pages, docs } = archive(120)
    expect(pages.map((p) => p.path)).toEqual(['feed.json', 'page-000001.json', 'page-000000.json'])
    for (const d of docs) expect(v.safeParse(BundlePageSchema, d).success).toBe(true)
    expect(docs.map((d) => d.items.length)).toEqual([20, 50, 50])
    expect(docs.map((d) => d.next_url)).toEqual(['page-000001.json', 'page-000000.json', undefined])
    expect(docs[0]?.items[0]?.id).toBe('a0')
    expect(docs[2]?.items.at(-1)?.id).toBe('a119')
    expect(docs[0]?._reader).toEqual({ version: 2, total_items: 120 })
  })
  it('puts a full page in feed.json when the count is a multiple of 50, and handles none', () => {
    expect(archive(100).docs.map((d) => d.items.length)).toEqual([50, 50])
    expect(archive(0).docs.map((d) => d.items.length)).toEqual([0])
  })
  it('writes content URLs relative to the page', () => {
    const { pages, docs } = archive(1, 'category/c')
    expect(pages[0]?.path).toBe('category/c/feed.json')
    expect(docs[0]?.items[0]?._reader.content_url).toBe('../../content/a0.json')
    expect(archive(1).docs[0]?.items[0]?._reader.content_url).toBe('content/a0.json')
  })
  it('keeps pages under 100 KB: summaries, then titles, then tags are shortened', () => {
    const long = (n: number) => ({
      ...meta(n, `很长的标题${n}`.repeat(400)),
      tags: Array.from({ length: 20 }, (_, k) => `标签${k}`.repeat(30)),
    })
    const { pages, articles, store } = archive(50, 'tag/x', long)
    const bytes = pageBytes(pages[0]!, articles, store, undefined, true)
    expect(bytes.length).toBeLessThanOrEqual(PAGE_BYTES_LIMIT)
    expect(v.safeParse(BundlePageSchema, JSON.parse(bytes.toString())).success).toBe(true)
  })
  it('fingerprints pages by their items, so unchanged pages are recognised', () => {
    const { articles, feed } = archive(61)
    const fp = (seq: Uint32Array) =>
      feedPages({ ...feed, seq }).map((p) => pageFingerprint(p, articles).toString('hex'))
    const before = fp(feed.seq.subarray(1))
    const after = fp(feed.seq)
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
