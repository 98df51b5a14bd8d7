// Search, shared by the builder (which writes the index) and the app (which reads it): how text is
// normalized, what a query says, the n-gram keys of the postings, the shard hash, the binary
// shard format and the index's JSON files. One definition, so both sides match exactly.
// The design and its figures: docs/decisions/030-search-index.md; the files: docs/feed-bundle.md.
import * as v from 'valibot'

export * from './search-text.ts'
export * from './search-shard.ts'

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
