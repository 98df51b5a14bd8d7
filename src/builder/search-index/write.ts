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
  MAX_SHARDS,
  SEARCH_INDEX_FILE,
  SEARCH_INDEX_VERSION,
  SEGMENT_SIZE,
  SHARD_TARGET_BYTES,
  SearchDocSchema,
  SearchIndexSchema,
  ID_CHUNK,
  SEARCH_CONTENT_TEMPLATE,
  categoryKey,
  encodeShard,
  idsPath,
  searchBodyText,
  searchDocText,
  searchableText,
  shardOf,
  shardPath,
  tagKey,
  type SearchDoc,
  type SearchIndex,
  type SearchSegment,
} from '../../shared/search.ts'
import { contentPath } from '../bundle.ts'
import type { Articles } from '../catalog.ts'
import { DIGEST_WORDS, digestOf } from '../digest.ts'
import type { BundleWriter } from '../output.ts'
import type { Progress } from '../progress.ts'
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
function fingerprint(articles: Articles, rows: readonly number[], size: number): string {
  const buf = Buffer.alloc(8 + rows.length * DIGEST_WORDS * 4)
  buf.writeUInt32LE(SEARCH_INDEX_VERSION, 0)
  buf.writeUInt32LE(size, 4)
  rows.forEach((a, k) => {
    for (let w = 0; w < DIGEST_WORDS; w++)
      buf.writeUInt32LE(articles.contentHash[a * DIGEST_WORDS + w] as number, 8 + (k * 4 + w) * 4)
  })
  return digestOf(buf).toString('hex')
}

const NEWLINE = 0x0a
const SPACE = 0x20
/** Characters a segment numbers densely: a pair's key then stays a small integer (fast Map keys). */
const DENSE = 1 << 14
/** Character → its number in the current segment + 1 (0: not seen yet); one table, reused. */
let charIds: Int32Array | null = null

/** Posting lists of one segment: integer n-gram keys while characters are few, else strings. */
/**
 * Integer key → posting list, open addressing in typed arrays: the inner loop of a segment (two
 * look-ups a character) costs a fraction of a Map's.
 */
class IntPostings {
  private slots = new Int32Array(1 << 16).fill(-1)
  private mask = (1 << 16) - 1
  readonly keys: number[] = []
  readonly lists: number[][] = []
  private last: number[] = []

  add(key: number, ord: number): void {
    let h = Math.imul(key, 0x9e3779b1) >>> 0
    for (;;) {
      h &= this.mask
      const at = this.slots[h] as number
      if (at < 0) break
      if (this.keys[at] === key) {
        if (this.last[at] !== ord) {
          this.lists[at]!.push(ord)
          this.last[at] = ord
        }
        return
      }
      h++
    }
    this.slots[h] = this.keys.length
    this.keys.push(key)
    this.lists.push([ord])
    this.last.push(ord)
    if (this.keys.length * 2 > this.slots.length) this.grow()
  }

  private grow(): void {
    const size = this.slots.length * 2
    this.slots = new Int32Array(size).fill(-1)
    this.mask = size - 1
    this.keys.forEach((key, at) => {
      let h = Math.imul(key, 0x9e3779b1) >>> 0
      for (;;) {
        h &= this.mask
        if ((this.slots[h] as number) < 0) break
        h++
      }
      this.slots[h] = at
    })
  }
}

class Postings {
  readonly grams = new IntPostings()
  readonly wide = new Map<string, number[]>()
  readonly filters = new Map<string, number[]>()
  private chars: number[] = []

  constructor() {
    charIds ??= new Int32Array(0x110000)
  }

  private static push(map: Map<number, number[]> | Map<string, number[]>, key: never, ord: number) {
    const m = map as Map<unknown, number[]>
    const l = m.get(key)
    if (!l) m.set(key, [ord])
    else if (l[l.length - 1] !== ord) l.push(ord)
  }

  private id(cp: number): number {
    const ids = charIds as Int32Array
    let id = ids[cp] as number
    if (id === 0) {
      this.chars.push(cp)
      ids[cp] = id = this.chars.length
    }
    return id - 1
  }

  addText(text: string, ord: number): void {
    let prev = -1
    let prevCp = -1
    for (let i = 0; i < text.length; i++) {
      let cp = text.charCodeAt(i)
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
        const lo = text.charCodeAt(i + 1)
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          cp = (cp - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000
          i++
        }
      }
      if (cp === NEWLINE) {
        prev = -1
        continue
      }
      const id = this.id(cp)
      if (cp !== SPACE) this.grams.add(id, ord)
      if (prev >= 0) {
        if (prev < DENSE && id < DENSE) this.grams.add(DENSE + prev * DENSE + id, ord)
        else Postings.push(this.wide, String.fromCodePoint(prevCp, cp) as never, ord)
      }
      prev = id
      prevCp = cp
    }
  }

  addFilter(key: string, ord: number): void {
    Postings.push(this.filters, key as never, ord)
  }

  /** Every key as the shard format names it, with its list. */
  *entries(): Generator<[string, number[]]> {
    const { keys, lists } = this.grams
    for (let at = 0; at < keys.length; at++) {
      const k = keys[at] as number
      const list = lists[at] as number[]
      if (k < DENSE) yield [String.fromCodePoint(this.chars[k] as number), list]
      else {
        const b = k - DENSE
        const first = Math.floor(b / DENSE)
        yield [
          String.fromCodePoint(
            this.chars[first] as number,
            this.chars[b - first * DENSE] as number,
          ),
          list,
        ]
      }
    }
    yield* this.wide
    yield* this.filters
  }

  /** Forgets the segment's character numbers (the table is shared). */
  release(): void {
    const ids = charIds as Int32Array
    for (const cp of this.chars) ids[cp] = 0
    this.chars = []
  }
}

/** Approximate bytes a list takes in a shard (the smaller of gaps and bitmap), for sizing. */
function listBytes(list: number[], docs: number): number {
  let gaps = 2
  let prev = 0
  for (const o of list) {
    const g = o - prev
    gaps += g < 128 ? 1 : g < 16384 ? 2 : 3
    prev = o
  }
  return Math.min(gaps, Math.ceil(docs / 8) + 1)
}

function shardCount(bytes: number): number {
  let h = 1
  while (h < MAX_SHARDS && bytes / h > SHARD_TARGET_BYTES) h *= 2
  return h
}

/** What the step needs of the write phase's context (./write-phase.ts passes its own). */
export type SearchStepContext = {
  writer: BundleWriter
  articles: Articles
  plan: { order: Uint32Array }
  previous: (path: string) => { digest: Buffer } | undefined
  validate: boolean
  progress: Progress
  /** The bundle folder (content files are read back from it). */
  out: string
  /** The documents of the posts this build parsed; null: read every one from its content file. */
  spool: SearchSpool | null
  /** Articles per segment (tests use small ones); SEGMENT_SIZE by default. */
  segmentSize?: number
}

/** Writes the search index: changed segments, then search/index.json (which points at them). */
export function writeSearchIndex(ctx: SearchStepContext): void {
  const started = performance.now()
  const { writer, articles, plan } = ctx
  const order = plan.order
  const total = order.length
  const prev = previousIndex(ctx, ctx.out)
  const size = ctx.segmentSize ?? SEGMENT_SIZE
  const segments: SearchSegment[] = []
  const count = Math.ceil(total / size)
  for (let k = 0; k < count; k++) {
    ctx.progress.update(k, count, 'writing the search index')
    const start = k * size
    const end = Math.min(total, start + size)
    const rows: number[] = []
    for (let pos = start; pos < end; pos++) rows.push(order[total - 1 - pos] as number)
    const fp = fingerprint(articles, rows, size)
    const before = prev?.segments[k]
    if (
      prev?.segment_size === size &&
      before &&
      before.fingerprint === fp &&
      before.docs === rows.length &&
      keepSegment(ctx, k, before)
    ) {
      segments.push(before)
      continue
    }
    segments.push(writeSegment(ctx, k, rows, fp, before))
  }
  ctx.progress.update(count, count, 'writing the search index')
  const index: SearchIndex = {
    version: SEARCH_INDEX_VERSION,
    docs: total,
    segment_size: size,
    content_template: SEARCH_CONTENT_TEMPLATE,
    segments,
  }
  const text = `{"version":${index.version},"docs":${index.docs},"segment_size":${index.segment_size},"content_template":${JSON.stringify(index.content_template)},"segments":[\n${segments
    .map((s) =>
      JSON.stringify({ docs: s.docs, shards: s.shards, days: s.days, fingerprint: s.fingerprint }),
    )
    .join(',\n')}\n]}\n`
  writer.journal([SEARCH_INDEX_FILE])
  writer.write(SEARCH_INDEX_FILE, text, ctx.previous(SEARCH_INDEX_FILE)?.digest, () => {
    if (!ctx.validate) return
    const r = v.safeParse(SearchIndexSchema, JSON.parse(text))
    if (!r.success) throw new Error(`${SEARCH_INDEX_FILE} does not match its schema`)
  })
  // With FEED_TIMING set, the step's own seconds (inside the write phase's), for the benchmark.
  if (process.env.FEED_TIMING)
    process.stderr.write(`search index: ${((performance.now() - started) / 1000).toFixed(2)} s\n`)
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

function writeSegment(
  ctx: SearchStepContext,
  k: number,
  rows: readonly number[],
  fp: string,
  before: SearchSegment | undefined,
): SearchSegment {
  const { writer, articles } = ctx
  const docs = rows.length
  const postings = new Postings()
  const days: [string, number][] = []
  const ids: string[] = []
  rows.forEach((a, ord) => {
    const id = articles.ids[a] as string
    ids.push(id)
    // Parsed by this build: its document is in the spool; else it is read from its content file.
    const bytes = ctx.spool?.get(a) ?? Buffer.from(docFromContent(ctx.out, id))
    const doc = JSON.parse(bytes.toString('utf8')) as SearchDoc
    if (ctx.validate) v.parse(SearchDocSchema, doc)
    postings.addText(searchableText(doc.title, doc.text), ord)
    postings.addFilter(categoryKey(doc.category), ord)
    for (const t of doc.tags) postings.addFilter(tagKey(t), ord)
    const day = doc.date_published.slice(0, 10)
    const last = days[days.length - 1]
    if (last && last[0] === day) last[1]++
    else days.push([day, 1])
  })
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
  const buckets = Array.from({ length: shards }, () => new Map<string, number[]>())
  for (const [key, list] of entries) buckets[shardOf(key, shards)]!.set(key, list)
  const paths = buckets.map((_, h) => shardPath(k, h))
  writer.journal(paths)
  buckets.forEach((entries, h) => {
    const p = paths[h] as string
    writer.write(p, Buffer.from(encodeShard(entries, docs)), ctx.previous(p)?.digest)
  })
  postings.release()
  void before
  return { docs, shards, days, fingerprint: fp }
}
