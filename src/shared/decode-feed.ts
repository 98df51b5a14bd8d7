// Turns any JSON the network gives us (the bundle, or a third-party JSON Feed 1.0/1.1) into domain
// objects. It never throws anything but FeedError: bad items are skipped or repaired and counted,
// so one broken item never hides the good ones.
import * as v from 'valibot'
import { FeedReaderSchema, JSON_FEED_1_0, JSON_FEED_1_1 } from './feed-bundle.ts'

export type FeedErrorKind =
  | 'not-json'
  | 'not-a-feed'
  | 'bad-version'
  | 'bad-items'
  | 'http'
  | 'timeout'
  | 'offline'
  | 'loop'
  | 'cross-origin'
  | 'not-found'

/** A feed that cannot be shown at all. `kind` picks the reader's message; `status` is HTTP's. */
export class FeedError extends Error {
  readonly kind: FeedErrorKind
  readonly status: number | undefined
  constructor(kind: FeedErrorKind, message: string, status?: number) {
    super(message)
    this.name = 'FeedError'
    this.kind = kind
    this.status = status
  }
}

export type Article = {
  id: string
  /** Plain text; a stand-in taken from the body when the item has no title. */
  title: string
  titleIsStandIn: boolean
  /** Plain text. */
  summary: string
  /** RFC 3339 as given, or null when missing or unreadable. */
  published: string | null
  publishedMs: number | null
  tags: string[]
  category: string | null
  /** The article's own page elsewhere (the bundle's source link); http(s) only. */
  externalUrl: string | null
  url: string | null
  /** Absolute URL of the bundle's content file, when the body is not inline. */
  contentUrl: string | null
  contentHtml: string | null
  contentText: string | null
  readingMinutes: number | null
  authors: string[]
}

export type FeedPage = {
  title: string
  articles: Article[]
  /** Absolute, same-origin URL of the next page, or null. */
  nextUrl: string | null
  totalItems: number | null
  categoriesUrl: string | null
  tagsUrl: string | null
  /** Items left out (no id, duplicate id, not an object). */
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

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x)

/** Collapses whitespace and drops tags and entities' markup: for text taken from HTML. */
export function htmlToText(html: string): string {
  return plainText(
    decodeEntities(
      html
        // Element contents that are never text. Bounded scans: no closing tag costs one pass.
        .replace(/<(script|style|template)\b[^>]*>[\s\S]*?(<\/\1\s*>|$)/gi, ' ')
        .replace(/<!--[\s\S]*?(-->|$)/g, ' ')
        // Only what HTML reads as a tag: `<1%` in a body is text, as the browser shows it.
        .replace(/<[a-z!/?][^>]*(>|$)/gi, ' '),
    ),
  )
}

/**
 * Plain text as it arrives (titles, summaries and tags are text in JSON Feed): control and
 * invisible characters dropped, whitespace collapsed.
 */
export function plainText(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u2028\u2029\ufeff]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  )
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
}
function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code =
        e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : ''
    }
    return ENTITIES[e.toLowerCase()] ?? m
  })
}

export function cut(s: string, max: number): string {
  const chars = Array.from(s)
  return chars.length <= max ? s : chars.slice(0, max - 1).join('') + '…'
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i

function parseDate(x: unknown): { published: string; ms: number } | null {
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

function resolveUrl(x: unknown, base: string, schemes: readonly string[]): string | null {
  if (typeof x !== 'string' || x.trim() === '' || x.length > 4_000) return null
  try {
    const u = new URL(x.trim(), base)
    return schemes.includes(u.protocol) ? u.href : null
  } catch {
    return null
  }
}

const WEB = ['http:', 'https:'] as const

function authorNames(item: Record<string, unknown>): string[] {
  const list = Array.isArray(item.authors) ? item.authors : item.author ? [item.author] : []
  return list
    .slice(0, LIMITS.authors * 10)
    .map((a) => (isRecord(a) && typeof a.name === 'string' ? cut(a.name.trim(), 100) : ''))
    .filter((n) => n !== '')
    .slice(0, LIMITS.authors)
}

type ItemResult = { article: Article; repairs: string[] } | { skip: string }

function decodeItem(raw: unknown, index: number, pageUrl: string): ItemResult {
  if (!isRecord(raw)) return { skip: `item ${index + 1} is not an object` }
  const rawId = typeof raw.id === 'number' && Number.isFinite(raw.id) ? String(raw.id) : raw.id
  if (typeof rawId !== 'string' || rawId.trim() === '')
    return { skip: `item ${index + 1} has no id` }
  if (rawId.length > LIMITS.id) return { skip: `item ${index + 1} has an id too long to use` }
  const id = rawId.trim()
  const repairs: string[] = []

  const contentHtml = typeof raw.content_html === 'string' ? raw.content_html : null
  const contentText = typeof raw.content_text === 'string' ? raw.content_text : null
  // Titles, summaries and tags are text: never parsed as HTML, only the body is.
  const n = LIMITS.textSource
  const summarySource =
    typeof raw.summary === 'string'
      ? plainText(raw.summary.slice(0, n))
      : contentText !== null
        ? plainText(contentText.slice(0, n))
        : contentHtml !== null
          ? htmlToText(contentHtml.slice(0, n))
          : ''
  const summary = cut(summarySource, LIMITS.summary)

  const fullTitle = typeof raw.title === 'string' ? plainText(raw.title.slice(0, n)) : ''
  let title = cut(fullTitle, LIMITS.title)
  if (title !== fullTitle) repairs.push(`item ${cut(id, 60)}: title cut`)
  const titleIsStandIn = title === ''
  if (titleIsStandIn) title = cut(summary, LIMITS.standIn)

  const date = parseDate(raw.date_published) ?? parseDate(raw.date_modified)
  if (raw.date_published !== undefined && parseDate(raw.date_published) === null) {
    repairs.push(`item ${cut(id, 60)}: unreadable date`)
  }

  let tags: string[] = []
  if (raw.tags !== undefined) {
    const list: unknown[] = Array.isArray(raw.tags) ? raw.tags : []
    const good = list.filter((t): t is string => typeof t === 'string' && plainText(t) !== '')
    if (good.length !== list.length || !Array.isArray(raw.tags))
      repairs.push(`item ${cut(id, 60)}: bad tags`)
    // A huge list is read only as far as the first LIMITS.tags distinct tags.
    const distinct = new Set<string>()
    for (const t of good) {
      if (distinct.size >= LIMITS.tags) break
      distinct.add(cut(plainText(t.slice(0, n)), LIMITS.tag))
    }
    tags = [...distinct]
  }

  const ext = isRecord(raw._reader) ? raw._reader : null
  const category =
    ext && typeof ext.category === 'string' && plainText(ext.category) !== ''
      ? cut(plainText(ext.category.slice(0, 1_000)), 200)
      : null
  const contentUrl = ext ? resolveUrl(ext.content_url, pageUrl, WEB) : null
  const readingMinutes =
    ext && typeof ext.reading_minutes === 'number' && Number.isFinite(ext.reading_minutes)
      ? Math.max(0, Math.round(ext.reading_minutes))
      : null

  return {
    repairs,
    article: {
      id,
      title,
      titleIsStandIn,
      summary,
      published: date?.published ?? null,
      publishedMs: date?.ms ?? null,
      tags,
      category,
      externalUrl: resolveUrl(raw.external_url, pageUrl, WEB),
      url: resolveUrl(raw.url, pageUrl, WEB),
      contentUrl,
      contentHtml,
      contentText,
      readingMinutes,
      authors: authorNames(raw),
    },
  }
}

/**
 * Decodes one JSON Feed page fetched from `pageUrl` (absolute). Throws FeedError only when nothing
 * of it can be shown.
 */
export function decodeFeedPage(json: unknown, pageUrl: string): FeedPage {
  if (!isRecord(json)) throw new FeedError('not-a-feed', 'The document is not a JSON Feed object')
  const version = json.version
  if (typeof version !== 'string')
    throw new FeedError('not-a-feed', 'The document has no JSON Feed version')
  const normalised = version.replace(/\/$/, '').replace(/^http:/, 'https:')
  if (normalised !== JSON_FEED_1_1 && normalised !== JSON_FEED_1_0) {
    throw new FeedError('bad-version', `Unsupported feed version: ${cut(version, 80)}`)
  }
  if (json.items === undefined) json = { ...json, items: [] }
  const items = (json as Record<string, unknown>).items
  if (!Array.isArray(items))
    throw new FeedError('bad-items', 'The feed\u2019s items are not a list')

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
    const r = decodeItem(raw, i, pageUrl)
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

  const feed = json as Record<string, unknown>
  let nextUrl = resolveUrl(feed.next_url, pageUrl, WEB)
  if (nextUrl !== null && new URL(nextUrl).origin !== new URL(pageUrl).origin) {
    note('next_url leaves the feed\u2019s site; paging stopped')
    nextUrl = null
  } else if (nextUrl !== null && sameDocument(nextUrl, pageUrl)) {
    // Longer loops (a → b → a) need the pager's memory of visited pages; this one needs none.
    note('next_url points back at this page; paging stopped')
    nextUrl = null
  }
  const reader = v.safeParse(FeedReaderSchema, feed._reader)
  return {
    title: typeof feed.title === 'string' ? cut(plainText(feed.title.slice(0, 2_000)), 200) : '',
    articles,
    nextUrl,
    totalItems: reader.success ? reader.output.total_items : null,
    categoriesUrl: reader.success ? resolveUrl(reader.output.categories_url, pageUrl, WEB) : null,
    tagsUrl: reader.success ? resolveUrl(reader.output.tags_url, pageUrl, WEB) : null,
    skipped,
    repaired,
    problems,
  }
}

/** Whether two URLs name the same document (the fragment does not count). */
export function sameDocument(a: string, b: string): boolean {
  try {
    const [x, y] = [new URL(a), new URL(b)]
    x.hash = ''
    y.hash = ''
    return x.href === y.href
  } catch {
    return false
  }
}

/** Parses response text as JSON, turning a syntax error into a FeedError the reader can be shown. */
export function parseFeedJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new FeedError('not-json', 'The feed is not valid JSON')
  }
}
