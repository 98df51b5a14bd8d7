// The search index output step: the archive, oldest first, cut into time segments of SEGMENT_SIZE
// articles; per segment, postings of every character and character pair (and of each category and
// tag) in hash-sharded binary files, and the segment's article ids in small JSON files (ordinal →
// id → the content file, which is what a result shows and what a term is verified against). A
// segment whose articles did not change is kept as it is: adding posts rewrites only the newest
// segment. One segment is in memory at a time.
// Format: src/shared/search.ts and docs/feed-bundle.md; design: docs/decisions/030-search-index.md.
import fs from 'node:fs'
import path from 'node:path'
import * as v from 'valibot'
import { BundleContentItemSchema } from '../../shared/feed-bundle.ts'
import {
  SEARCH_INDEX_FILE,
  SEARCH_INDEX_VERSION,
  SEGMENT_SIZE,
  SearchDocSchema,
  SearchIndexSchema,
  ID_CHUNK,
  SEARCH_CONTENT_TEMPLATE,
  categoryKey,
  decodeShard,
  encodeShard,
  idsPath,
  searchBodyText,
  searchDocText,
  searchableText,
  shardOf,
  shardPath,
  tagKey,
  type Bits,
  type SearchDoc,
  type SearchIndex,
  type SearchSegment,
} from '../../shared/search.ts'
import { contentPath } from '../bundle.ts'
import type { Articles } from '../catalog.ts'
import { DIGEST_WORDS, digestOf } from '../digest.ts'
import type { BundleWriter } from '../output.ts'
import type { Progress } from '../progress.ts'
import { MAX_SEGMENT_DOCS, Postings, listBytes, shardCount } from './postings.ts'
import type { SearchSpool } from './spool.ts'

/** An article's search document from its text as the read phase has it. */
export function searchDoc(
  id: string,
  item: { title: string; date_published: string; tags: string[]; _reader: { category: string } },
  text: string,
): string {
  return searchDocText({
    id,
    title: item.title,
    date_published: item.date_published,
    category: item._reader.category,
    tags: item.tags,
    text,
  })
}

/** The document of an article this build did not parse: from its content file in the bundle. */
function docFromContent(out: string, id: string): string {
  const file = path.join(out, contentPath(id))
  const item = v.parse(BundleContentItemSchema, JSON.parse(fs.readFileSync(file, 'utf8')))
  return searchDoc(id, item, searchBodyText(item.content_html))
}

/** What the last build wrote as search/index.json, when its bytes are the ones it recorded. */
function previousIndex(ctx: SearchStepContext, out: string): SearchIndex | null {
  const want = ctx.previous(SEARCH_INDEX_FILE)?.digest
  if (!want) return null
  try {
    const bytes = fs.readFileSync(path.join(out, SEARCH_INDEX_FILE))
    if (!digestOf(bytes).equals(want)) return null
    const r = v.safeParse(SearchIndexSchema, JSON.parse(bytes.toString('utf8')))
    return r.success ? r.output : null
  } catch {
    return null
  }
}

/** The digest of a segment's articles (their content files' digests, in order). */
function fingerprint(
  articles: SearchStepContext['articles'],
  rows: readonly number[],
  size: number,
): string {
  const buf = Buffer.alloc(8 + rows.length * DIGEST_WORDS * 4)
  buf.writeUInt32LE(SEARCH_INDEX_VERSION, 0)
  buf.writeUInt32LE(size, 4)
  rows.forEach((a, k) => {
    for (let w = 0; w < DIGEST_WORDS; w++)
      buf.writeUInt32LE(articles.contentHash[a * DIGEST_WORDS + w] as number, 8 + (k * 4 + w) * 4)
  })
  return digestOf(buf).toString('hex')
}

/** What the step needs of the write phase's context (./write-phase.ts passes its own). */
export type SearchStepContext = {
  writer: BundleWriter
  articles: Pick<Articles, 'ids' | 'contentHash'>
  plan: { order: Uint32Array }
  previous: (path: string) => { digest: Buffer } | undefined
  /** The paths the last build wrote (for handing the step to a thread: ./thread.ts). */
  previousPaths?: () => Iterable<string>
  validate: boolean
  progress: Progress
  /** The bundle folder (content files are read back from it). */
  out: string
  /** The documents of the posts this build parsed; null: read every one from its content file. */
  spool: SearchSpool | null
  /** Articles per segment (tests use small ones); SEGMENT_SIZE by default. */
  segmentSize?: number
}

/**
 * Takes a share of the segments to write, on another thread; the function it returns waits for
 * them and gives back what it wrote (./thread.ts).
 */
export type SegmentHelper = (ks: number[]) => () => [number, SearchSegment][]

/** Segments to write before a helper is worth its start (a thread, the ids copied to it). */
const MIN_SHARED = 4

/**
 * Writes the search index: changed segments (every other one by `helper`, when given and there are
 * enough), then search/index.json (which points at them).
 */
export function writeSearchIndex(ctx: SearchStepContext, helper?: SegmentHelper): void {
  const started = performance.now()
  const size = segmentSize(ctx)
  const prev = previousIndex(ctx, ctx.out)
  const segments: SearchSegment[] = []
  const todo: number[] = []
  const count = Math.ceil(ctx.plan.order.length / size)
  for (let k = 0; k < count; k++) {
    const before = prev?.segment_size === size ? prev.segments[k] : undefined
    const rows = segmentRows(ctx.plan.order, k, size)
    const same = before?.fingerprint === fingerprint(ctx.articles, rows, size)
    if (same && before.docs === rows.length && keepSegment(ctx, k, before)) segments[k] = before
    else todo.push(k)
  }
  const shared = helper && todo.length >= MIN_SHARED ? todo.filter((_, i) => i % 2 === 1) : []
  const join = shared.length > 0 ? helper!(shared) : null
  writeSegments(ctx, join ? todo.filter((_, i) => i % 2 === 0) : todo, segments)
  for (const [k, s] of join?.() ?? []) segments[k] = s
  const head = `{"version":${SEARCH_INDEX_VERSION},"docs":${ctx.plan.order.length},"segment_size":${size},"content_template":${JSON.stringify(SEARCH_CONTENT_TEMPLATE)}`
  const text = `${head},"segments":[\n${segments
    .map((s) =>
      JSON.stringify({ docs: s.docs, shards: s.shards, days: s.days, fingerprint: s.fingerprint }),
    )
    .join(',\n')}\n]}\n`
  ctx.writer.journal([SEARCH_INDEX_FILE])
  ctx.writer.write(SEARCH_INDEX_FILE, text, ctx.previous(SEARCH_INDEX_FILE)?.digest, () => {
    if (!ctx.validate) return
    const r = v.safeParse(SearchIndexSchema, JSON.parse(text))
    if (!r.success) throw new Error(`${SEARCH_INDEX_FILE} does not match its schema`)
  })
  // With FEED_TIMING set, the step's own seconds (inside the write phase's), for the benchmark.
  if (process.env.FEED_TIMING)
    process.stderr.write(`search index: ${((performance.now() - started) / 1000).toFixed(2)} s\n`)
}

export function segmentSize(ctx: SearchStepContext): number {
  const size = ctx.segmentSize ?? SEGMENT_SIZE
  if (size > MAX_SEGMENT_DOCS)
    throw new Error(`search segments hold at most ${MAX_SEGMENT_DOCS} articles`)
  return size
}

/** The article rows of segment k, oldest first. */
export function segmentRows(order: Uint32Array, k: number, size: number): number[] {
  const rows: number[] = []
  const end = Math.min(order.length, (k + 1) * size)
  for (let pos = k * size; pos < end; pos++) rows.push(order[order.length - 1 - pos] as number)
  return rows
}

/** Writes segments `ks` into `into` (a helper thread runs this for its share). */
export function writeSegments(ctx: SearchStepContext, ks: number[], into: SearchSegment[]): void {
  const size = segmentSize(ctx)
  const prev = previousIndex(ctx, ctx.out)
  ks.forEach((k, i) => {
    ctx.progress.update(i, ks.length, 'writing the search index')
    const rows = segmentRows(ctx.plan.order, k, size)
    const before = prev?.segment_size === size ? prev.segments[k] : undefined
    // A segment that only grew (its articles so far unchanged, in order) keeps their postings.
    const grown =
      before !== undefined &&
      before.docs < rows.length &&
      fingerprint(ctx.articles, rows.slice(0, before.docs), size) === before.fingerprint
        ? before
        : undefined
    into[k] = writeSegment(ctx, k, rows, fingerprint(ctx.articles, rows, size), grown)
  })
  ctx.progress.update(ks.length, ks.length, 'writing the search index')
  Postings.drop()
}

/** Keeps every file of an unchanged segment, if the last build recorded each of them. */
function keepSegment(ctx: SearchStepContext, k: number, seg: SearchSegment): boolean {
  const paths: string[] = []
  for (let h = 0; h < seg.shards; h++) paths.push(shardPath(k, h))
  for (let c = 0; c * ID_CHUNK < seg.docs; c++) paths.push(idsPath(k, c))
  const digests = paths.map((p) => ctx.previous(p)?.digest)
  if (digests.some((d) => d === undefined)) return false
  paths.forEach((p, i) => ctx.writer.keep(p, digests[i] as Buffer))
  return true
}

/**
 * The postings of a segment as the last build wrote it, when each of its shard files is there with
 * the bytes it recorded; null otherwise (the segment is then indexed from its articles' text).
 */
function seedPostings(ctx: SearchStepContext, k: number, seg: SearchSegment): Postings | null {
  const postings = new Postings()
  try {
    for (let h = 0; h < seg.shards; h++) {
      const p = shardPath(k, h)
      const want = ctx.previous(p)?.digest
      const bytes = want && fs.readFileSync(path.join(ctx.out, p))
      if (!bytes || !digestOf(bytes).equals(want)) throw new Error(`${p} changed`)
      for (const [key, bits] of decodeShard(bytes, seg.docs)) postings.seed(key, ordinals(bits))
    }
    return postings
  } catch {
    postings.release()
    return null
  }
}

/** The ordinals of a bitmap, ascending. */
function ordinals(bits: Bits): number[] {
  const out: number[] = []
  for (let w = 0; w < bits.length; w++)
    for (let word = bits[w] as number; word !== 0; word &= word - 1)
      out.push(w * 32 + (31 - Math.clz32(word & -word)))
  return out
}

function writeSegment(
  ctx: SearchStepContext,
  k: number,
  rows: readonly number[],
  fp: string,
  grown: SearchSegment | undefined,
): SearchSegment {
  const { writer, articles } = ctx
  const docs = rows.length
  const seeded = grown ? seedPostings(ctx, k, grown) : null
  const postings = seeded ?? new Postings()
  const from = seeded ? grown!.docs : 0
  const days: [string, number][] = seeded ? grown!.days.map(([d, n]) => [d, n]) : []
  // A helper has only the ids not in the spool (./thread.ts); the others are in the documents.
  const spooledId = (a: number) => (JSON.parse(ctx.spool?.get(a) ?? '{}') as SearchDoc).id
  const ids = rows.map((a, ord) => articles.ids[a] ?? (ord < from ? spooledId(a) : ''))
  for (let ord = from; ord < docs; ord++) {
    const a = rows[ord] as number
    const id = ids[ord] as string
    // Parsed by this build: its document is in the spool; else it is read from its content file
    // (once the writes queued so far are on disk).
    let text = ctx.spool?.get(a)
    if (!text) {
      writer.flush()
      text = docFromContent(ctx.out, id)
    }
    const doc = JSON.parse(text) as SearchDoc
    if (ctx.validate) v.parse(SearchDocSchema, doc)
    ids[ord] = doc.id
    postings.addText(searchableText(doc.title, doc.text), ord)
    postings.addFilter(categoryKey(doc.category), ord)
    for (const t of doc.tags) postings.addFilter(tagKey(t), ord)
    const day = doc.date_published.slice(0, 10)
    const last = days[days.length - 1]
    if (last && last[0] === day) last[1]++
    else days.push([day, 1])
  }
  const idPaths: string[] = []
  for (let c = 0; c * ID_CHUNK < docs; c++) idPaths.push(idsPath(k, c))
  writer.journal(idPaths)
  idPaths.forEach((p, c) => {
    const text = `${JSON.stringify(ids.slice(c * ID_CHUNK, (c + 1) * ID_CHUNK))}\n`
    writer.write(p, text, ctx.previous(p)?.digest)
  })
  const entries = [...postings.entries()]
  let bytes = 0
  for (const [key, list] of entries) bytes += key.length * 2 + listBytes(list, docs)
  const shards = shardCount(bytes)
  const buckets = Array.from({ length: shards }, () => new Map<string, ArrayLike<number>>())
  for (const [key, list] of entries) buckets[shardOf(key, shards)]!.set(key, list)
  const paths = buckets.map((_, h) => shardPath(k, h))
  writer.journal(paths)
  buckets.forEach((entries, h) => {
    const p = paths[h] as string
    writer.write(p, Buffer.from(encodeShard(entries, docs)), ctx.previous(p)?.digest)
  })
  postings.release()
  return { docs, shards, days, fingerprint: fp }
}
