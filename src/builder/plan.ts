// The plan phase: from the catalog alone (no post is read again), the newest-first order of the
// archive, its categories and tags, every feed and page, and which pages must be written because
// their fingerprint changed. Later output steps (search index, HTML, Atom, sitemap) start here.
import { BUNDLE_VERSION, type CategoryEntry, type TagEntry } from '../shared/feed-bundle.ts'
import { SEARCH_INDEX_FILE } from '../shared/search.ts'
import {
  READER_TEMPLATES,
  categoryDir,
  categoryFeedUrl,
  categoryName,
  tagDir,
  tagFeedUrl,
} from './bundle.ts'
import type { Articles, Interner } from './catalog.ts'
import { CATEGORIES_FILE, TAGS_FILE } from './directory.ts'
import { feedPages, pageFingerprint, type Feed, type PagePlan } from './pages.ts'
import type { ReadResult } from './read-phase.ts'

export type PlannedPage = PagePlan & { fingerprint: Buffer }

export type Plan = {
  /** Every article, newest first (ties: id descending): the archive's one order. */
  order: Uint32Array
  feeds: Feed[]
  pages: PlannedPage[]
  categories: CategoryEntry[]
  tags: TagEntry[]
}

/** Newest first; ties by id (descending) so the order never depends on the input order. */
export function newestFirst(articles: Articles): Uint32Array {
  const { epochMs, ids } = articles
  const order = new Uint32Array(articles.count)
  for (let a = 0; a < order.length; a++) order[a] = a
  return order.sort((a, b) => {
    const d = (epochMs[b] as number) - (epochMs[a] as number)
    if (d !== 0) return d
    const x = ids[a] as string
    const y = ids[b] as string
    return x < y ? 1 : x > y ? -1 : 0
  })
}

/**
 * Splits `order` into one sequence per group (a category, a tag), each still newest first: a
 * counting sort, so a million articles need two passes and no per-group arrays.
 */
function groupBy(
  order: Uint32Array,
  groups: number,
  each: (a: number, emit: (g: number) => void) => void,
): { seq: Uint32Array; start: Uint32Array } {
  const start = new Uint32Array(groups + 1)
  for (const a of order) each(a, (g) => start[g + 1]!++)
  for (let g = 0; g < groups; g++) start[g + 1]! += start[g]!
  const fill = start.slice(0, groups)
  const seq = new Uint32Array(start[groups]!)
  for (const a of order) each(a, (g) => (seq[fill[g]!++] = a))
  return { seq, start }
}

export function planBundle(
  read: ReadResult,
  title: string,
  categoryTitles: ReadonlyMap<string, string>,
): Plan {
  const { articles, categories: cats, tags } = read
  const order = newestFirst(articles)
  const byCategory = groupBy(order, cats.size, (a, emit) => emit(articles.category[a]!))
  const byTag = groupBy(order, tags.size, (a, emit) => {
    for (const t of articles.tags(a)) emit(t)
  })
  const feeds: Feed[] = [
    {
      dir: '',
      title,
      seq: order,
      reader: {
        version: BUNDLE_VERSION,
        total_items: order.length,
        categories_url: CATEGORIES_FILE,
        tags_url: TAGS_FILE,
        ...READER_TEMPLATES,
        search_url: SEARCH_INDEX_FILE,
      },
    },
  ]
  const names = categoryNames(articles, byCategory, cats, tags, categoryTitles)
  const categoryEntries: CategoryEntry[] = []
  cats.names.forEach((slug, c) => {
    const seq = byCategory.seq.subarray(byCategory.start[c], byCategory.start[c + 1])
    const name = names[c] as string
    feeds.push(groupFeed(categoryDir(slug), name, seq))
    categoryEntries.push({ slug, name, count: seq.length, feed_url: categoryFeedUrl(slug) })
  })
  const tagEntries: TagEntry[] = []
  tags.names.forEach((name, t) => {
    const seq = byTag.seq.subarray(byTag.start[t], byTag.start[t + 1])
    if (!seq.length) return
    feeds.push(groupFeed(tagDir(name), name, seq))
    tagEntries.push({
      name,
      count: seq.length,
      feed_url: tagFeedUrl(name),
    })
  })
  const pages: PlannedPage[] = []
  for (const feed of feeds)
    for (const page of feedPages(feed))
      pages.push({ ...page, fingerprint: pageFingerprint(page, articles) })
  return {
    order,
    feeds,
    pages,
    categories: categoryEntries.sort(
      (a, b) => b.count - a.count || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0),
    ),
    tags: tagEntries.sort(
      (a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    ),
  }
}

const groupFeed = (dir: string, title: string, seq: Uint32Array): Feed => ({
  dir,
  title,
  seq,
  reader: { version: BUNDLE_VERSION, total_items: seq.length },
})

/** Each category's display name, from the first tags of its articles (see categoryName). */
function categoryNames(
  articles: Articles,
  byCategory: { seq: Uint32Array; start: Uint32Array },
  cats: Interner,
  tags: Interner,
  titles: ReadonlyMap<string, string>,
): string[] {
  return cats.names.map((slug, c) => {
    const counts = new Map<string, number>()
    for (let k = byCategory.start[c]!; k < byCategory.start[c + 1]!; k++) {
      const t = articles.firstTag(byCategory.seq[k]!)
      if (t >= 0) {
        const first = tags.names[t] as string
        counts.set(first, (counts.get(first) ?? 0) + 1)
      }
    }
    return categoryName(counts, titles.get(slug), slug)
  })
}
