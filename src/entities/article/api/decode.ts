// Turns the JSON the network gives us into articles. Bundle pages are checked item by item against
// the bundle schema of src/shared; any other JSON Feed (1.0 or 1.1, from anywhere) goes through the
// tolerant decoder of decode-plain.ts, loaded only for such a feed. Neither throws anything but
// FeedError: a bad item is skipped or repaired and counted, so one broken item never hides the
// good ones.
import * as v from 'valibot'
import {
  BundleContentItemSchema,
  BundleListItemSchema,
  JSON_FEED_1_0,
  JSON_FEED_1_1,
  type BundleListItem,
} from '../../../shared/feed-bundle.ts'
import type { Article } from '../model/article.ts'
import { FeedError } from './feed-error.ts'
import { cut, plainText } from './text.ts'

export type FeedPage = {
  title: string
  articles: Article[]
  /** Absolute, same-origin URL of the next page, or null. */
  nextUrl: string | null
  /** Items left out (no id, duplicate id, not an object, not what the schema says). */
  skipped: number
  /** Items shown with a field dropped or cut (bad date, huge title, non-string tags). */
  repaired: number
  problems: string[]
}

export const LIMITS = {
  title: 300,
  summary: 400,
  tag: 100,
  tags: 50,
  id: 2_000,
  standIn: 40,
  /** Items read from one page; the rest are skipped and counted (the bundle writes 50). */
  items: 5_000,
  authors: 10,
  /** Characters of a body read to make a summary or a stand-in title. */
  textSource: 20_000,
} as const

export const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x)

const DATE = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i

export function parseDate(x: unknown): { published: string; ms: number } | null {
  if (typeof x !== 'string' || x.length > 64) return null
  const text = x.trim()
  const m = DATE.exec(text)
  if (!m) return null
  // Date.parse rolls 2022-02-30 over to 2 March: a day the month does not have is a bad date.
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth) return null
  const ms = Date.parse(text)
  return Number.isFinite(ms) ? { published: text, ms } : null
}

export function resolveUrl(x: unknown, base: string, schemes: readonly string[]): string | null {
  if (typeof x !== 'string' || x.trim() === '' || x.length > 4_000) return null
  try {
    const u = new URL(x.trim(), base)
    return schemes.includes(u.protocol) ? u.href : null
  } catch {
    return null
  }
}

export const WEB = ['http:', 'https:'] as const

export type ItemResult = { article: Article; repairs: string[] } | { skip: string }

/** Checks the version and item list every JSON Feed page has; the items are left to the caller. */
function pageItems(json: unknown): { feed: Record<string, unknown>; items: unknown[] } {
  if (!isRecord(json)) throw new FeedError('not-a-feed', 'The document is not a JSON Feed object')
  const version = json.version
  if (typeof version !== 'string')
    throw new FeedError('not-a-feed', 'The document has no JSON Feed version')
  const normalised = version.replace(/\/$/, '').replace(/^http:/, 'https:')
  if (normalised !== JSON_FEED_1_1 && normalised !== JSON_FEED_1_0) {
    throw new FeedError('bad-version', `Unsupported feed version: ${cut(version, 80)}`)
  }
  if (json.items === undefined) return { feed: json, items: [] }
  if (!Array.isArray(json.items))
    throw new FeedError('bad-items', 'The feed\u2019s items are not a list')
  return { feed: json, items: json.items }
}

type ItemDecoder = (raw: unknown, index: number, pageUrl: string) => ItemResult

export function decodePage(json: unknown, pageUrl: string, decode: ItemDecoder): FeedPage {
  const { feed, items } = pageItems(json)
  const problems: string[] = []
  const note = (p: string) => {
    if (problems.length < 50) problems.push(p)
  }
  const seen = new Set<string>()
  const articles: Article[] = []
  let skipped = 0
  let repaired = 0
  // A page is read up to LIMITS.items; the rest is skipped and counted, not looked at.
  const read: unknown[] = items.slice(0, LIMITS.items)
  if (items.length > read.length) {
    skipped += items.length - read.length
    note(`${items.length - read.length} items beyond the first ${read.length} skipped`)
  }
  read.forEach((raw, i) => {
    const r = decode(raw, i, pageUrl)
    if ('skip' in r) {
      skipped++
      note(r.skip)
    } else if (seen.has(r.article.id)) {
      skipped++
      note(`item ${i + 1} repeats id ${cut(r.article.id, 60)}`)
    } else {
      seen.add(r.article.id)
      articles.push(r.article)
      if (r.repairs.length > 0) {
        repaired++
        r.repairs.forEach(note)
      }
    }
  })

  let nextUrl = resolveUrl(feed.next_url, pageUrl, WEB)
  if (nextUrl !== null && new URL(nextUrl).origin !== new URL(pageUrl).origin) {
    note('next_url leaves the feed\u2019s site; paging stopped')
    nextUrl = null
  } else if (nextUrl !== null && sameDocument(nextUrl, pageUrl)) {
    // Longer loops (a → b → a) need the pager's memory of visited pages; this one needs none.
    note('next_url points back at this page; paging stopped')
    nextUrl = null
  }
  return {
    title: typeof feed.title === 'string' ? cut(plainText(feed.title.slice(0, 2_000)), 200) : '',
    articles,
    nextUrl,
    skipped,
    repaired,
    problems,
  }
}

/** The domain article of a bundle item that passed the schema. */
function fromBundle(item: BundleListItem, pageUrl: string, html: string | null): Article {
  const date = parseDate(item.date_published)
  return {
    id: item.id,
    title: cut(plainText(item.title), LIMITS.title),
    titleIsStandIn: false,
    summary: cut(plainText(item.summary), LIMITS.summary),
    published: date?.published ?? null,
    publishedMs: date?.ms ?? null,
    tags: item.tags.slice(0, LIMITS.tags).map((t) => cut(plainText(t), LIMITS.tag)),
    category: item._reader.category,
    externalUrl: resolveUrl(item.external_url, pageUrl, WEB),
    url: resolveUrl(item.url, pageUrl, WEB),
    contentUrl: resolveUrl(item._reader.content_url, pageUrl, WEB),
    contentHtml: html,
    contentText: null,
    readingMinutes: item._reader.reading_minutes,
    authors: [],
    image: resolveUrl(item.image, pageUrl, WEB),
    dateOnly: item._reader.date_only === true,
  }
}

function decodeBundleItem(raw: unknown, index: number, pageUrl: string): ItemResult {
  const r = v.safeParse(BundleListItemSchema, raw)
  return r.success
    ? { article: fromBundle(r.output, pageUrl, null), repairs: [] }
    : { skip: `item ${index + 1} does not match the bundle schema` }
}

/** A list page of the feed bundle: every item checked against the bundle schema. */
export function decodeBundlePage(json: unknown, pageUrl: string): FeedPage {
  return decodePage(json, pageUrl, decodeBundleItem)
}

/** One content file of the bundle: a list item with its body (`content_html`). */
export function decodeBundleContent(json: unknown, url: string): Article {
  const r = v.safeParse(BundleContentItemSchema, json)
  if (!r.success) throw new FeedError('bad-items', `${url} is not an article of the bundle`)
  return fromBundle(r.output, url, r.output.content_html)
}

/** Whether two URLs name the same document (the fragment does not count). */
function sameDocument(a: string, b: string): boolean {
  try {
    const [x, y] = [new URL(a), new URL(b)]
    x.hash = ''
    y.hash = ''
    return x.href === y.href
  } catch {
    return false
  }
}
