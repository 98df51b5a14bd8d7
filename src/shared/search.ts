// Search, shared by the builder (which writes the index) and the app (which reads it): how text is
// normalized, what a query says, the n-gram keys of the postings, the shard hash, the binary
// shard format and the index's JSON files. One definition, so both sides match exactly.
// The design and its figures: docs/decisions/030-search-index.md; the files: docs/feed-bundle.md.
import * as v from 'valibot'
import { normalize } from './normalize.ts'

/** The index format this code writes and reads (`search/index.json` `version`). */
export const SEARCH_INDEX_VERSION = 1
/** Articles per time segment: a segment is immutable once full (see the decision). */
export const SEGMENT_SIZE = 4096
/** The index's folder and head file inside the bundle. */
export const SEARCH_DIR = 'search'
export const SEARCH_INDEX_FILE = `${SEARCH_DIR}/index.json`
/** A postings shard file aims at about this many bytes: it bounds what one term costs a segment. */
export const SHARD_TARGET_BYTES = 3_000
export const MAX_SHARDS = 4096
/** Longest query the app accepts (characters). */
export const MAX_QUERY_CHARS = 200
export const MAX_TERMS = 10

/** Paths inside the bundle, relative to its root (the head file names them relative to itself). */
/** Article ids per id file: ordinal o of a segment is entry o % ID_CHUNK of file ⌊o / ID_CHUNK⌋. */
export const ID_CHUNK = 64
/** The content files, relative to the head file (the bundle's content_template, one folder up). */
export const SEARCH_CONTENT_TEMPLATE = '../content/{key}.json'
/** A segment's files relative to the index's head file (search/index.json). */
export const shardFile = (segment: number, shard: number) => `s${segment}/p${shard}.bin`
export const idsFile = (segment: number, chunk: number) => `s${segment}/i${chunk}.json`
/** The same, relative to the bundle's root. */
export const shardPath = (segment: number, shard: number) =>
  `${SEARCH_DIR}/${shardFile(segment, shard)}`
export const idsPath = (segment: number, chunk: number) =>
  `${SEARCH_DIR}/${idsFile(segment, chunk)}`

// ---------------------------------------------------------------------------------------------
// Normalization

/** Defined on its own (the app's first list needs it without the rest): see normalize.ts. */
export { normalize }

/**
 * What an article's terms are matched in: its title and its body text, normalized, joined by a
 * line break (which normalize() never leaves in a term, so no match spans title and body).
 */
export function searchableText(title: string, body: string): string {
  return `${normalize(title)}\n${normalize(body)}`
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  hellip: '\u2026',
  mdash: '\u2014',
  ndash: '\u2013',
  ldquo: '\u201c',
  rdquo: '\u201d',
  lsquo: '\u2018',
  rsquo: '\u2019',
  middot: '\u00b7',
  times: '\u00d7',
  yen: '\u00a5',
  copy: '\u00a9',
  reg: '\u00ae',
}

function entity(match: string, body: string): string {
  if (body[0] !== '#') return NAMED[body.toLowerCase()] ?? match
  const cp =
    body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
  return cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : match
}

/**
 * The body text search reads from an article's `content_html`: comments, scripts, styles and
 * tags dropped, numeric and common named entities decoded (others stay as written). The builder
 * indexes it and the app verifies matches with it, from the same content file.
 */
export function searchBodyText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<(script|style|template)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ')
    .replace(/<\/?[a-zA-Z][^>]*>/g, ' ')
    .replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});/g, entity)
}

/** Code points of a string (an astral character is one). */
export const codePoints = (s: string): number[] => Array.from(s, (c) => c.codePointAt(0) as number)

// ---------------------------------------------------------------------------------------------
// Queries

export type ParsedQuery = {
  /** Normalized terms every match contains (at least one). */
  include: string[]
  /** Normalized terms no match contains. */
  exclude: string[]
}

export type QueryProblem = 'empty' | 'unclosed-quote' | 'only-exclusions' | 'too-long'

export type QueryResult = { ok: true; query: ParsedQuery } | { ok: false; problem: QueryProblem }

/**
 * Terms separated by spaces (all must occur: AND); `"…"` is one term with its spaces; a leading
 * `-` excludes a term (`-"…"` too). A lone `-` or empty quotes are nothing. Terms are normalized.
 */
export function parseQuery(input: string): QueryResult {
  if (input.length > MAX_QUERY_CHARS) return { ok: false, problem: 'too-long' }
  // Full-width quotes and minus are normalized first, so “…” typed on a phone quotes too.
  const text = input.normalize('NFKC').replace(/[“”„＂]/g, '"')
  const include: string[] = []
  const exclude: string[] = []
  let i = 0
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i] as string)) i++
    if (i >= text.length) break
    let negative = false
    if (text[i] === '-' && i + 1 < text.length && !/\s/.test(text[i + 1] as string)) {
      negative = true
      i++
    }
    let raw: string
    if (text[i] === '"') {
      const end = text.indexOf('"', i + 1)
      if (end < 0) return { ok: false, problem: 'unclosed-quote' }
      raw = text.slice(i + 1, end)
      i = end + 1
    } else {
      const start = i
      while (i < text.length && !/\s/.test(text[i] as string)) i++
      raw = text.slice(start, i)
      if (raw === '-') continue
    }
    const term = normalize(raw)
    if (term === '') continue
    const list = negative ? exclude : include
    if (!list.includes(term)) list.push(term)
  }
  if (include.length + exclude.length > MAX_TERMS) return { ok: false, problem: 'too-long' }
  if (include.length === 0)
    return { ok: false, problem: exclude.length ? 'only-exclusions' : 'empty' }
  return { ok: true, query: { include, exclude } }
}

/** Whether a normalized article text matches: every included term, no excluded one. */
export function matchesText(text: string, q: ParsedQuery): boolean {
  return q.include.every((t) => text.includes(t)) && !q.exclude.some((t) => text.includes(t))
}

// ---------------------------------------------------------------------------------------------
// Keys of the postings

/** Postings keys of the filters: never an n-gram (normalized text holds no U+0001). */
export const categoryKey = (slug: string) => `\u0001c${slug}`
export const tagKey = (tag: string) => `\u0001t${tag}`

/**
 * The postings keys of a normalized term: its one character, or each distinct pair of adjacent
 * characters. An article holds the term only if it holds all of them; for a term of one or two
 * characters that is also enough (the postings are exact), longer terms are verified in the text.
 */
export function termKeys(term: string): string[] {
  const cps = Array.from(term)
  if (cps.length === 1) return cps
  const keys = new Set<string>()
  for (let k = 0; k + 1 < cps.length; k++) keys.add(`${cps[k]}${cps[k + 1]}`)
  return [...keys]
}

/** Whether the postings alone decide a term (no text check needed). */
export const exactByPostings = (term: string) => Array.from(term).length <= 2

/** FNV-1a 32 over UTF-8: which shard of a segment holds a key. */
export function keyHash(key: string): number {
  let h = 0x811c9dc5
  for (const b of new TextEncoder().encode(key)) {
    h ^= b
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h >>> 0
}

export const shardOf = (key: string, shards: number) => keyHash(key) % shards

// ---------------------------------------------------------------------------------------------
// The shard format: "NRS1", varint entry count, then per entry (keys in code-unit order):
// varint key byte length, the key's UTF-8, varint mode, then for mode 0 (list) a varint count and
// the ordinals as varint gaps (first ordinal, then each minus the one before), for mode 1 (bitmap)
// ceil(docs / 8) bytes, ordinal k at bit k % 8 of byte k >> 3.

const MAGIC = [0x4e, 0x52, 0x53, 0x31]

export class SearchIndexError extends Error {
  override name = 'SearchIndexError'
}

function pushVarint(out: number[], n: number): void {
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80)
    n = Math.floor(n / 128)
  }
  out.push(n)
}

/** Encodes one shard: `entries` are key → ascending ordinals below `docs`. */
export function encodeShard(
  entries: ReadonlyMap<string, ArrayLike<number>>,
  docs: number,
): Uint8Array {
  const out: number[] = [...MAGIC]
  const keys = [...entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  pushVarint(out, keys.length)
  const enc = new TextEncoder()
  const bitmapBytes = Math.ceil(docs / 8)
  for (const key of keys) {
    const kb = enc.encode(key)
    pushVarint(out, kb.length)
    for (const b of kb) out.push(b)
    const list = entries.get(key) as ArrayLike<number>
    const gaps: number[] = []
    pushVarint(gaps, list.length)
    let prev = 0
    for (let k = 0; k < list.length; k++) {
      const o = list[k] as number
      pushVarint(gaps, k === 0 ? o : o - prev)
      prev = o
    }
    if (gaps.length <= bitmapBytes) {
      out.push(0)
      for (const b of gaps) out.push(b)
    } else {
      out.push(1)
      const bits = new Uint8Array(bitmapBytes)
      for (let k = 0; k < list.length; k++) {
        const o = list[k] as number
        bits[o >> 3]! |= 1 << (o & 7)
      }
      for (const b of bits) out.push(b)
    }
  }
  return Uint8Array.from(out)
}

/** A set of ordinals of one segment as a bitmap (one bit an article). */
export type Bits = Uint32Array
export const emptyBits = (docs: number): Bits => new Uint32Array(Math.ceil(docs / 32))
export const hasBit = (b: Bits, o: number) => ((b[o >>> 5] as number) >>> (o & 31)) & 1
export function fullBits(docs: number): Bits {
  const b = emptyBits(docs)
  for (let o = 0; o < docs; o++) b[o >>> 5]! |= 1 << (o & 31)
  return b
}
export function andBits(a: Bits, b: Bits): void {
  for (let k = 0; k < a.length; k++) a[k] = (a[k] as number) & (b[k] as number)
}
export function andNotBits(a: Bits, b: Bits): void {
  for (let k = 0; k < a.length; k++) a[k] = (a[k] as number) & ~(b[k] as number)
}
export function countBits(a: Bits): number {
  let n = 0
  for (let k = 0; k < a.length; k++) {
    let x = a[k] as number
    x -= (x >>> 1) & 0x55555555
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
    n += Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24
  }
  return n
}

/** Decodes a shard into key → bitmap of ordinals; anything malformed is a SearchIndexError. */
export function decodeShard(bytes: Uint8Array, docs: number): Map<string, Bits> {
  const bad = (why: string): never => {
    throw new SearchIndexError(`corrupt search shard: ${why}`)
  }
  if (bytes.length < 5 || MAGIC.some((m, k) => bytes[k] !== m)) bad('not a shard file')
  let at = 4
  const varint = (): number => {
    let n = 0
    let scale = 1
    for (let k = 0; k < 6; k++) {
      if (at >= bytes.length) bad('truncated')
      const b = bytes[at++] as number
      n += (b & 0x7f) * scale
      if (b < 0x80) return n
      scale *= 128
    }
    return bad('varint too long')
  }
  const dec = new TextDecoder('utf-8', { fatal: true })
  const bitmapBytes = Math.ceil(docs / 8)
  const out = new Map<string, Bits>()
  const n = varint()
  if (n > bytes.length) bad('entry count')
  for (let e = 0; e < n; e++) {
    const len = varint()
    if (at + len > bytes.length) bad('truncated key')
    let key: string
    try {
      key = dec.decode(bytes.subarray(at, at + len))
    } catch {
      return bad('key is not UTF-8')
    }
    at += len
    const mode = varint()
    const bits = emptyBits(docs)
    if (mode === 0) {
      const count = varint()
      if (count > docs) bad('list longer than the segment')
      let o = 0
      for (let k = 0; k < count; k++) {
        const gap = varint()
        o = k === 0 ? gap : o + gap
        if ((k > 0 && gap === 0) || o >= docs) bad('ordinal out of range')
        bits[o >>> 5]! |= 1 << (o & 31)
      }
    } else if (mode === 1) {
      if (at + bitmapBytes > bytes.length) bad('truncated bitmap')
      for (let o = 0; o < docs; o++)
        if (((bytes[at + (o >> 3)] as number) >> (o & 7)) & 1) bits[o >>> 5]! |= 1 << (o & 31)
      at += bitmapBytes
    } else bad('unknown mode')
    out.set(key, bits)
  }
  if (at !== bytes.length) bad('trailing bytes')
  return out
}

// ---------------------------------------------------------------------------------------------
// JSON files

const DAY = /^\d{4}-\d{2}-\d{2}$/
const count = v.pipe(v.number(), v.integer(), v.minValue(0))

export const SearchSegmentSchema = v.object({
  /** Articles in the segment; ordinal 0 is its oldest. */
  docs: v.pipe(count, v.minValue(1), v.maxValue(SEGMENT_SIZE)),
  shards: v.pipe(count, v.minValue(1), v.maxValue(MAX_SHARDS)),
  /** Days of `date_published` (its first ten characters), oldest first: runs of [day, articles]. */
  days: v.array(v.tuple([v.pipe(v.string(), v.regex(DAY)), v.pipe(count, v.minValue(1))])),
  /** Digest of what the segment holds: the builder keeps a segment whose fingerprint is unchanged. */
  fingerprint: v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/)),
})
export type SearchSegment = v.InferOutput<typeof SearchSegmentSchema>

export const SearchIndexSchema = v.object({
  version: v.literal(SEARCH_INDEX_VERSION),
  /** Articles indexed: every article of the bundle. */
  docs: count,
  segment_size: v.pipe(count, v.minValue(1), v.maxValue(SEGMENT_SIZE)),
  /** Content files relative to this file; `{key}` is fileKey(id) (src/shared/bundle-paths.ts). */
  content_template: v.pipe(
    v.string(),
    v.check((s) => s.includes('{key}') && !/^[a-z][a-z0-9+.-]*:/i.test(s) && !s.startsWith('/')),
  ),
  /** Oldest first: segment k holds the articles k × segment_size … of the oldest-first order. */
  segments: v.array(SearchSegmentSchema),
})
export type SearchIndex = v.InferOutput<typeof SearchIndexSchema>

/** A segment's id file: the ids of ordinals c × ID_CHUNK … (c + 1) × ID_CHUNK − 1. */
export const SearchIdsSchema = v.pipe(
  v.array(v.pipe(v.string(), v.minLength(1))),
  v.minLength(1),
  v.maxLength(ID_CHUNK),
)

/** One article as search reads it (from its content file): what a result shows, and its text. */
export const SearchDocSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  title: v.string(),
  date_published: v.string(),
  category: v.string(),
  tags: v.array(v.string()),
  /** The body as plain text: searchBodyText(content_html). */
  text: v.string(),
})
export type SearchDoc = v.InferOutput<typeof SearchDocSchema>

/** A document as one line of text (the builder's spool). */
export function searchDocText(d: SearchDoc): string {
  return `${JSON.stringify({
    id: d.id,
    title: d.title,
    date_published: d.date_published,
    category: d.category,
    tags: d.tags,
    text: d.text,
  })}\n`
}

/** Ordinal ranges [start, end) of a segment whose day is within [from, to] (inclusive, optional). */
export function dayRanges(
  days: SearchSegment['days'],
  from: string | null,
  to: string | null,
): [number, number][] {
  const out: [number, number][] = []
  let at = 0
  for (const [day, n] of days) {
    if ((from === null || day >= from) && (to === null || day <= to)) {
      const last = out[out.length - 1]
      if (last && last[1] === at) last[1] = at + n
      else out.push([at, at + n])
    }
    at += n
  }
  return out
}
