// One input file → one article (metadata + rendered body) or the reason it is skipped. Pure: no I/O,
// so the build can run it anywhere (and a property test can throw anything at it).
import { isUtf8 } from 'node:buffer'
import { cleanBody, htmlToText, readingMinutes, truncateText } from './cleanup.ts'
import { fileNameDate, formatRfc3339, parseDateText, type PostDate } from './dates.ts'
import { jekyllList, scalarText, splitFrontMatter } from './front-matter.ts'
import { renderMarkdown } from './markdown.ts'
import { utf8Text } from './utf8.ts'

/** Posts larger than this are reported and skipped instead of read (a runaway file, not news). */
export const MAX_POST_BYTES = 4 * 1024 * 1024
export const SUMMARY_CHARS = 120
const TITLE_FALLBACK_CHARS = 40
/**
 * Tags kept per post: every tag has its own feed, so a post's tag count multiplies the files and
 * bytes one post costs. Real posts carry one.
 */
export const MAX_TAGS = 20
/** Longer tag and category names are dropped (reported): they go into every list item. */
export const MAX_NAME_CHARS = 100
/** A longer source link is not lifted out of the body into the list items' `external_url`. */
export const MAX_URL_CHARS = 2000
const POST_EXTENSIONS = /\.(md|markdown|mkd|mkdn|mdown|mdwn|html|htm)$/i
const DATED_NAME = /^(\d{4}-\d{1,2}-\d{1,2})-(.+)\.[^.]+$/

/** What the bundle needs of an article, without its body. */
export type PostMeta = {
  slug: string
  title: string
  summary: string
  date: string
  epochMs: number
  tags: string[]
  category: string
  externalUrl?: string
  readingMinutes: number
  /** The date has a day but no time (from the file name, or a bare date in the front matter). */
  dateOnly?: boolean
  /** The first image of the body, absolute http(s), for a list's thumbnail. */
  image?: string
}

export type ParseResult =
  | { status: 'imported'; meta: PostMeta; contentHtml: string; warnings: string[] }
  | { status: 'skipped'; reason: string; warnings: string[] }

export type ParseOptions = { timeZone: string }

/** The Jekyll slug of a post file: `2022-06-07-<slug>.md` → `<slug>`; otherwise the bare name. */
export function slugOf(fileName: string): string {
  const base = fileName.slice(fileName.lastIndexOf('/') + 1)
  const fast = datedSlug(base)
  if (fast !== undefined) return fast
  const dated = DATED_NAME.exec(base)
  if (dated?.[2]) return dated[2]
  const bare = base.replace(/\.[^.]*$/, '').replace(/^[-_.\s]+/, '')
  return bare || base
}

const isDigit = (c: number) => c >= 48 && c <= 57
const LINE_BREAK = /[\n\r\u2028\u2029]/

/**
 * DATED_NAME's slug without a regular expression (a million names per build); undefined when
 * the name does not have that shape or is unusual (the expression decides then).
 */
function datedSlug(base: string): string | undefined {
  for (let i = 0; i < 4; i++) if (!isDigit(base.charCodeAt(i))) return undefined
  let i = 4
  for (let part = 0; part < 2; part++) {
    if (base.charCodeAt(i++) !== 45) return undefined
    if (!isDigit(base.charCodeAt(i++))) return undefined
    if (isDigit(base.charCodeAt(i))) i++
  }
  if (base.charCodeAt(i++) !== 45) return undefined
  const dot = base.lastIndexOf('.')
  if (dot <= i || dot >= base.length - 1) return undefined
  const slug = base.slice(i, dot)
  return LINE_BREAK.test(base) ? undefined : slug
}

const EXTENSIONS = new Set(['md', 'markdown', 'mkd', 'mkdn', 'mdown', 'mdwn', 'html', 'htm'])

/** POST_EXTENSIONS.test() without the expression: a Set lookup of the lower-cased extension. */
export function isPostFile(file: string): boolean {
  const dot = file.lastIndexOf('.')
  return dot >= 0 && EXTENSIONS.has(file.slice(dot + 1).toLowerCase())
}

export function parsePost(file: string, bytes: Uint8Array, options: ParseOptions): ParseResult {
  const warnings: string[] = []
  const skip = (reason: string): ParseResult => ({ status: 'skipped', reason, warnings })
  const base = file.slice(file.lastIndexOf('/') + 1)
  if (!POST_EXTENSIONS.test(base)) return skip('not a post: not a Markdown or HTML file')
  if (bytes.length > MAX_POST_BYTES)
    return skip(`too large: ${bytes.length} bytes (limit ${MAX_POST_BYTES})`)
  if (bytes.includes(0)) return skip('binary file (contains NUL bytes)')
  if (!isUtf8(bytes)) return skip('not valid UTF-8 text')
  const text = utf8Text(bytes)

  const fm = splitFrontMatter(text)
  warnings.push(...fm.warnings)
  if (!fm.found) warnings.push('no front matter: title and date taken from the body and file name')
  const data = fm.data

  const date = postDate(data.date, base, options.timeZone, warnings)
  if (!date) return skip('no usable date: neither the front matter nor the file name has one')

  const { markdown, externalUrl } = cleanBody(fm.body, MAX_URL_CHARS)
  const contentHtml = /\.html?$/i.test(base) ? markdown : renderMarkdown(markdown)
  const text0 = htmlToText(contentHtml)

  const slug = slugOf(file)
  let title = scalarText(data.title).replace(/\s+/g, ' ').trim()
  if (!title) {
    title = truncateText(text0, TITLE_FALLBACK_CHARS) || slug
    warnings.push('empty title: replaced by the start of the body')
  }

  const categories = jekyllList(data, 'category', 'categories')
  let category = categories[0]
  if (category !== undefined && category.length > MAX_NAME_CHARS) {
    warnings.push(`category longer than ${MAX_NAME_CHARS} characters: ignored`)
    category = undefined
  }
  if (!category) {
    category = 'uncategorized'
    warnings.push('no category: filed under "uncategorized"')
  }
  const tags = boundedTags(jekyllList(data, 'tag', 'tags'), warnings)

  const meta: PostMeta = {
    slug,
    title,
    summary: truncateText(text0, SUMMARY_CHARS),
    date: formatRfc3339(date),
    epochMs: date.epochMs,
    tags,
    category,
    readingMinutes: readingMinutes(text0),
  }
  if (externalUrl) meta.externalUrl = externalUrl
  if (!hasTime(scalarText(data.date).trim())) meta.dateOnly = true
  const image = firstImage(contentHtml)
  if (image) meta.image = image
  // The strings here may be substrings of the post's text: whoever keeps one copies it (intern()).
  return { status: 'imported', meta, contentHtml, warnings }
}

/** Whether a front matter date says the time of day (else the day alone is known). */
const hasTime = (text: string) => /\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|\s+)\d{1,2}:\d{2}/.test(text)

const IMG = /<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))[^>]*>/gi
const PIXEL = /\s(?:width|height)\s*=\s*["']?[01](?:px)?["'\s>]/i

/** The body's first image that a list can show: absolute http(s), not a 1×1 tracker. */
export function firstImage(html: string): string | undefined {
  let tries = 0
  for (const m of html.matchAll(IMG)) {
    if (++tries > 20) break
    if (PIXEL.test(m[0])) continue
    const raw = (m[1] ?? m[2] ?? m[3] ?? '').trim().replace(/&amp;/g, '&')
    if (raw.length > MAX_URL_CHARS || !/^https?:\/\//i.test(raw)) continue
    try {
      return new URL(raw).href
    } catch {
      // Not a URL after all: try the next image.
    }
  }
  return undefined
}

/** Distinct tags in order, at most MAX_TAGS of at most MAX_NAME_CHARS each; the rest reported. */
function boundedTags(list: string[], warnings: string[]): string[] {
  const tags = [...new Set(list)]
  const long = tags.filter((t) => t.length > MAX_NAME_CHARS)
  if (long.length)
    warnings.push(`${long.length} tag(s) longer than ${MAX_NAME_CHARS} characters: dropped`)
  const kept = long.length ? tags.filter((t) => t.length <= MAX_NAME_CHARS) : tags
  if (kept.length <= MAX_TAGS) return kept
  const dropped = kept.slice(MAX_TAGS)
  const shown = dropped.slice(0, 5).map((t) => JSON.stringify(t))
  warnings.push(
    `${kept.length} tags: the first ${MAX_TAGS} kept, ${dropped.length} dropped (${shown.join(', ')}${dropped.length > 5 ? ', …' : ''})`,
  )
  return kept.slice(0, MAX_TAGS)
}

function postDate(
  value: unknown,
  base: string,
  timeZone: string,
  warnings: string[],
): PostDate | null {
  const text = scalarText(value).trim()
  if (text) {
    const parsed = parseDateText(text, timeZone)
    if (parsed) return parsed
  }
  const fromName = fileNameDate(base, timeZone)
  if (fromName) {
    warnings.push(
      text
        ? `date "${text}" is not a date: taken from the file name`
        : 'no date in the front matter: taken from the file name',
    )
  }
  return fromName
}
