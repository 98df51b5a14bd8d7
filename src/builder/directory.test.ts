// Directory paging: most used first, at most 1,000 entries and under 100 KB a page, every entry
// once across the chain of pages.
import { describe, expect, it } from 'vitest'
import * as v from 'valibot'
import { PAGE_BYTES_LIMIT, TagsPageSchema, type TagEntry } from '../shared/feed-bundle.ts'
import { DIRECTORY_PAGE_ENTRIES, directoryPages } from './directory.ts'

const entries = (n: number, name: (i: number) => string): TagEntry[] =>
  Array.from({ length: n }, (_, i) => ({
    name: name(i),
    count: n - i,
    feed_url: `tag/t${i}/feed.json`,
  }))

describe('directoryPages', () => {
  it('keeps every page under the byte limit and the entry limit, linked in order', () => {
    for (const list of [
      entries(2500, (i) => `标签${i}`),
      entries(3000, (i) => `${'长'.repeat(30)}${i}`),
      entries(0, String),
    ]) {
      const pages = directoryPages('tags.json', list)
      const seen: string[] = []
      pages.forEach((p, k) => {
        expect(Buffer.byteLength(p.text)).toBeLessThan(PAGE_BYTES_LIMIT)
        const page = v.parse(TagsPageSchema, JSON.parse(p.text))
        expect(page.items.length).toBeLessThanOrEqual(DIRECTORY_PAGE_ENTRIES)
        expect(page.total_items).toBe(list.length)
        expect(page.next_url).toBe(pages[k + 1]?.path)
        seen.push(...page.items.map((e) => e.name))
      })
      expect(pages[0]?.path).toBe('tags.json')
      expect(seen).toEqual(list.map((e) => e.name))
    }
  })
})
