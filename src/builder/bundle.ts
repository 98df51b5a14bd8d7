// What the bundle's files hold, computed from article metadata alone: list items, paged feeds,
// categories.json and tags.json. Pure functions; writing is ./output.ts's job.
import { createHash } from 'node:crypto'
import {
  CATEGORY_FEED_TEMPLATE,
  CONTENT_TEMPLATE,
  TAG_FEED_TEMPLATE,
  fileKey,
  fillTemplate,
} from '../shared/bundle-paths.ts'
import {
  JSON_FEED_1_1,
  PAGE_BYTES_LIMIT,
  PAGE_SIZE,
  type BundleContentItem,
  type BundleListItem,
  type BundlePage,
  type CategoryEntry,
  type TagEntry,
} from '../shared/feed-bundle.ts'
import { truncateText } from './cleanup.ts'
import type { PostMeta } from './post.ts'

/** An imported article: its final (collision-free) id and its metadata. */
export type Article = {
  id: string
  meta: PostMeta
  /** Hash of the input file the article came from: with the id, it fixes the item's bytes. */
  hash: string
}

type ArticleRef = Pick<Article, 'id' | 'meta'>

/** A page to write: its fingerprint says whether the previous build's file can be kept as is. */
export type PlannedPage = { path: string; fingerprint: string; make: () => BundleFile }

export type BundleOptions = { siteUrl?: string; title: string }

/** One file of the bundle: path relative to the bundle root and its text. */
export type BundleFile = { path: string; text: string; value: unknown }

export const contentPath = (id: string) => fillTemplate(CONTENT_TEMPLATE, fileKey(id))

/** Newest first; ties by id (descending) so the order never depends on the input order. */
export function compareArticles(a: Article, b: Article): number {
  if (a.meta.epochMs !== b.meta.epochMs) return b.meta.epochMs - a.meta.epochMs
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0
}

function listItem(a: ArticleRef, contentUrl: string, options: BundleOptions): BundleListItem {
  const m = a.meta
  // Key order is fixed here: it is part of the bytes a deterministic build writes.
  const item: BundleListItem = { id: a.id } as BundleListItem
  if (options.siteUrl)
    item.url = `${options.siteUrl.replace(/\/+$/, '')}/article/${encodeURIComponent(a.id)}`
  if (m.externalUrl) item.external_url = m.externalUrl
  item.title = m.title
  item.summary = m.summary
  item.date_published = m.date
  item.tags = m.tags
  item._reader = {
    category: m.category,
    content_url: contentUrl,
    reading_minutes: m.readingMinutes,
  }
  return item
}

/** The content file of an article; its `content_url` points at itself. */
export function contentFile(
  a: ArticleRef,
  contentHtml: string,
  options: BundleOptions,
): BundleFile {
  const path = contentPath(a.id)
  const self = path.slice(path.lastIndexOf('/') + 1)
  const item: BundleContentItem = { ...listItem(a, self, options), content_html: contentHtml }
  return { path, text: `${JSON.stringify(item)}\n`, value: item }
}

export const pageName = (n: number) => `page-${String(n).padStart(6, '0')}.json`

/**
 * The pages of one feed (`dir` is '' for the root feed, else `category/<key>` or `tag/<key>`).
 * Full pages are numbered from the oldest so they never change once written; `feed.json` holds the
 * newest remainder (a full page when the count is a multiple of 50) and links to the newest
 * numbered page, which links to the next older one, down to page-000000.
 */
export function* feedPages(
  dir: string,
  title: string,
  articles: readonly Article[],
  options: BundleOptions,
  reader: NonNullable<BundlePage['_reader']>,
): Generator<PlannedPage> {
  const n = articles.length
  const numbered = n === 0 ? 0 : Math.floor((n - 1) / PAGE_SIZE)
  const headCount = n - numbered * PAGE_SIZE
  const prefix = dir === '' ? '' : dir.replace(/[^/]+/g, '..') + '/'
  const at = (name: string) => (dir === '' ? name : `${dir}/${name}`)

  const page = (
    path: string,
    items: readonly Article[],
    next: string | undefined,
    head: boolean,
  ): PlannedPage => {
    // Everything the page's bytes depend on, so an unchanged page need not even be serialised.
    // One string, one update: 300,000 small updates cost more than hashing itself.
    let key = `${path}\n${title}\n${next ?? ''}\n${head ? JSON.stringify(reader) : ''}\n`
    for (const a of items) key += `${a.id}\0${a.hash}\n`
    return {
      path,
      fingerprint: createHash('sha1').update(key).digest('base64url'),
      make: () => {
        const doc: BundlePage = { version: JSON_FEED_1_1, title } as BundlePage
        if (options.siteUrl && dir === '') doc.home_page_url = options.siteUrl
        if (next) doc.next_url = next
        doc.items = items.map((a) => listItem(a, prefix + contentPath(a.id), options))
        if (head) doc._reader = reader
        return { path, text: fitPage(doc), value: doc }
      },
    }
  }

  yield page(
    at('feed.json'),
    articles.slice(0, headCount),
    numbered > 0 ? pageName(numbered - 1) : undefined,
    true,
  )
  for (let k = numbered - 1; k >= 0; k--) {
    const start = n - (k + 1) * PAGE_SIZE
    yield page(
      at(pageName(k)),
      articles.slice(start, start + PAGE_SIZE),
      k > 0 ? pageName(k - 1) : undefined,
      false,
    )
  }
}

/** Serialises a page, shortening summaries (then titles) until it fits JSON Feed's 100 KB. */
function fitPage(doc: BundlePage): string {
  let text = `${JSON.stringify(doc)}\n`
  for (const summaryChars of [60, 20, 0]) {
    if (Buffer.byteLength(text) <= PAGE_BYTES_LIMIT) return text
    for (const item of doc.items)
      item.summary = summaryChars ? truncateText(item.summary, summaryChars) : ''
    text = `${JSON.stringify(doc)}\n`
  }
  for (const titleChars of [200, 80, 30]) {
    if (Buffer.byteLength(text) <= PAGE_BYTES_LIMIT) return text
    for (const item of doc.items) item.title = truncateText(item.title, titleChars)
    text = `${JSON.stringify(doc)}\n`
  }
  return text
}

/**
 * A category's display name (the contract): the name its posts' first tag most often has, else its
 * category page's title, else the slug. Ties go to the name that sorts first.
 */
export function categoryName(
  firstTagCounts: ReadonlyMap<string, number> | undefined,
  pageTitle: string | undefined,
  slug: string,
): string {
  let best: string | undefined
  let bestCount = 0
  for (const [name, c] of firstTagCounts ?? []) {
    if (c > bestCount || (c === bestCount && best !== undefined && name < best)) {
      best = name
      bestCount = c
    }
  }
  return best ?? (pageTitle?.trim() || slug)
}

export function categoriesFile(
  groups: ReadonlyMap<string, { count: number; name: string }>,
): CategoryEntry[] {
  return [...groups]
    .map(([slug, g]) => ({
      slug,
      name: g.name,
      count: g.count,
      feed_url: fillTemplate(CATEGORY_FEED_TEMPLATE, fileKey(slug)),
    }))
    .sort((a, b) => b.count - a.count || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
}

export function tagsFile(counts: ReadonlyMap<string, number>): TagEntry[] {
  return [...counts]
    .map(([name, count]) => ({
      name,
      count,
      feed_url: fillTemplate(TAG_FEED_TEMPLATE, fileKey(name)),
    }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

export const categoryDir = (slug: string) =>
  fillTemplate(CATEGORY_FEED_TEMPLATE, fileKey(slug)).replace(/\/feed\.json$/, '')
export const tagDir = (tag: string) =>
  fillTemplate(TAG_FEED_TEMPLATE, fileKey(tag)).replace(/\/feed\.json$/, '')
