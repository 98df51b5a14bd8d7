// The list pages of one feed (the whole archive, a category, a tag): which items each page holds,
// a fingerprint of everything its bytes depend on, and the bytes themselves, assembled from the
// stored list items without parsing or serialising them again.
import { createHash } from 'node:crypto'
import * as v from 'valibot'
import {
  BundlePageSchema,
  JSON_FEED_1_1,
  PAGE_BYTES_LIMIT,
  PAGE_SIZE,
  describeIssues,
  type BundlePage,
} from '../shared/feed-bundle.ts'
import { CONTENT_DIR } from './bundle.ts'
import type { Articles } from './catalog.ts'
import { DIGEST_WORDS, pooled } from './digest.ts'
import { truncateText } from './cleanup.ts'
import type { ItemStore } from './item-store.ts'

export type FeedReader = NonNullable<BundlePage['_reader']>

/** A feed: its folder ('' for the root), title, articles newest first, and its head's `_reader`. */
export type Feed = { dir: string; title: string; seq: Uint32Array; reader: FeedReader }

/** One page of a feed: `seq[start, start + count)`, linking to `next`. */
export type PagePlan = {
  path: string
  feed: Feed
  start: number
  count: number
  next: string | undefined
  head: boolean
}

export const pageName = (n: number) => `page-${String(n).padStart(6, '0')}.json`

/**
 * The pages of a feed. Full pages are numbered from the oldest so they never change once written;
 * `feed.json` holds the newest remainder (a full page when the count is a multiple of 50) and
 * links to the newest numbered page, which links to the next older one, down to page-000000.
 */
export function feedPages(feed: Feed): PagePlan[] {
  const n = feed.seq.length
  const numbered = n === 0 ? 0 : Math.floor((n - 1) / PAGE_SIZE)
  const at = (name: string) => (feed.dir === '' ? name : `${feed.dir}/${name}`)
  const pages: PagePlan[] = [
    {
      path: at('feed.json'),
      feed,
      start: 0,
      count: n - numbered * PAGE_SIZE,
      next: numbered > 0 ? pageName(numbered - 1) : undefined,
      head: true,
    },
  ]
  for (let k = numbered - 1; k >= 0; k--) {
    const start = n - (k + 1) * PAGE_SIZE
    const next = k > 0 ? pageName(k - 1) : undefined
    pages.push({ path: at(pageName(k)), feed, start, count: PAGE_SIZE, next, head: false })
  }
  return pages
}

const scratch = new Uint32Array(PAGE_SIZE * DIGEST_WORDS)

/** Everything a page's bytes depend on besides the build settings: its items' digests and links. */
export function pageFingerprint(page: PagePlan, articles: Articles): Buffer {
  const { feed } = page
  const h = createHash('sha1')
  h.update(`${page.path}\n${feed.title}\n${page.next ?? ''}\n`)
  if (page.head) h.update(JSON.stringify(feed.reader))
  // The items' digests side by side in one reused buffer, hashed in one call.
  const words = articles.itemHash
  for (let k = 0; k < page.count; k++) {
    const a = feed.seq[page.start + k] as number
    for (let w = 0; w < DIGEST_WORDS; w++)
      scratch[k * DIGEST_WORDS + w] = words[a * DIGEST_WORDS + w] as number
  }
  h.update(new Uint8Array(scratch.buffer, 0, page.count * DIGEST_WORDS * 4))
  return pooled(h.digest())
}

/** The page's bytes: envelope and stored items, each with the path from the page to content/. */
export function pageBytes(
  page: PagePlan,
  articles: Articles,
  store: ItemStore,
  homePageUrl: string | undefined,
  validate: boolean,
): Buffer {
  const { feed } = page
  const envelope: BundlePage = { version: JSON_FEED_1_1, title: feed.title } as BundlePage
  if (homePageUrl && feed.dir === '') envelope.home_page_url = homePageUrl
  if (page.next) envelope.next_url = page.next
  envelope.items = []
  if (page.head) envelope._reader = feed.reader
  if (validate) check(envelope, page.path)
  const text = JSON.stringify(envelope)
  const itemsAt = text.indexOf('"items":[]') + '"items":['.length
  const prefix = Buffer.from(
    (feed.dir === '' ? '' : feed.dir.replace(/[^/]+/g, '..') + '/') + CONTENT_DIR,
  )
  let total = 0
  for (let k = page.start; k < page.start + page.count; k++)
    total += articles.itemLength[feed.seq[k] as number] as number
  const raw = Buffer.allocUnsafe(total)
  const parts: Buffer[] = [Buffer.from(text.slice(0, itemsAt))]
  const comma = Buffer.from(',')
  let at = 0
  for (let k = page.start; k < page.start + page.count; k++) {
    const a = feed.seq[k] as number
    const length = articles.itemLength[a] as number
    const split = articles.itemSplit[a] as number
    store.read(articles.itemOffset[a] as number, length, raw, at)
    if (k > page.start) parts.push(comma)
    parts.push(raw.subarray(at, at + split), prefix, raw.subarray(at + split, at + length))
    at += length
  }
  parts.push(Buffer.from(`${text.slice(itemsAt)}\n`))
  const bytes = Buffer.concat(parts)
  if (bytes.length <= PAGE_BYTES_LIMIT) return bytes
  const doc = JSON.parse(bytes.toString('utf8')) as BundlePage
  const fitted = fitPage(doc)
  if (validate) check(doc, page.path)
  return Buffer.from(fitted)
}

function check(doc: BundlePage, path: string): void {
  const r = v.safeParse(BundlePageSchema, doc)
  if (!r.success)
    throw new Error(`${path} does not match the bundle schema: ${describeIssues(r.issues)}`)
}

type Shorten = (item: BundlePage['items'][number]) => void

/**
 * Shortens a page's items until it fits the 100 KB limit: summaries, then titles, then (in the list
 * items only; content files keep them) tags and the source link.
 */
export function fitPage(doc: BundlePage): string {
  const steps: Shorten[] = [
    ...[60, 20, 0].map(
      (n): Shorten =>
        (i) =>
          (i.summary = n ? truncateText(i.summary, n) : ''),
    ),
    ...[200, 80, 30].map(
      (n): Shorten =>
        (i) =>
          (i.title = truncateText(i.title, n)),
    ),
    (i) => (i.tags = i.tags.slice(0, 3)),
    (i) => delete i.external_url,
    (i) => (i.tags = []),
  ]
  let text = `${JSON.stringify(doc)}\n`
  for (const step of steps) {
    if (Buffer.byteLength(text) <= PAGE_BYTES_LIMIT) break
    doc.items.forEach(step)
    text = `${JSON.stringify(doc)}\n`
  }
  return text
}
