// The read phase: every input file is looked at once (lstat), compared with what the last build
// learned of it (./match-previous.ts), and only new or changed files are read (a thread reads
// ahead: ./prefetch.ts) and parsed. Each parsed post's content file is written at once and its
// list item appended to the item store; what stays in memory is the compact catalog
// (./catalog.ts).
import * as v from 'valibot'
import { BundleListItemSchema, describeIssues, type BundleListItem } from '../shared/feed-bundle.ts'
import { searchBodyText } from '../shared/search.ts'
import { archiveItem, contentPath, contentText, itemText, type BundleOptions } from './bundle.ts'
import { Articles, IMPORTED, Interner, type NameMap } from './catalog.ts'
import { digestAt, digestOf, sameDigest, setDigest, copyDigest } from './digest.ts'
import type { Listing } from './inputs.ts'
import type { ItemStore } from './item-store.ts'
import type { BundleWriter } from './output.ts'
import { parsePost } from './post.ts'
import type { Progress } from './progress.ts'
import type { SearchSpool } from './search-index/spool.ts'
import { searchDoc } from './search-index/write.ts'
import { readPost } from './read-post.ts'
import { PARSE, REUSE, matchPrevious, type Matches } from './match-previous.ts'
import { prefetch, type Prefetch } from './prefetch.ts'
import { inputPath, type Site } from './site.ts'
import type { BuildState } from './state.ts'

export type ReadContext = {
  site: Site
  listing: Listing
  /** The last build's state: `cache` says whether its rows may be reused. */
  previous: BuildState | null
  cache: boolean
  /** Paths a build that did not finish may have touched: their recorded digests mean nothing. */
  distrust: ReadonlySet<string>
  writer: BundleWriter
  store: ItemStore
  /** The previous item store, when its items are copied into a new one (compaction). */
  previousStore: ItemStore | null
  timeZone: string
  bundle: BundleOptions
  validate: boolean
  progress: Progress
  /** Where each parsed post's search document goes (null: none kept). */
  spool?: SearchSpool | null
  /** Called with each parsed post's item as the archive's list pages hold it (--app's pages). */
  onArticle?: (item: BundleListItem) => void
}

export type ReadResult = {
  articles: Articles
  categories: Interner
  tags: Interner
  /** Ids whose list item or content file this build wrote anew (added or changed posts). */
  changed: string[]
  /** Ids the last build had that this one does not: their content files are stale. */
  removed: string[]
}

export function readPhase(ctx: ReadContext): ReadResult {
  const { inputs } = ctx.listing
  const prev = ctx.cache ? ctx.previous : null
  const match = matchPrevious(ctx, prev)

  const r: ReadResult = {
    articles: new Articles(inputs.count),
    categories: new Interner(),
    tags: new Interner(),
    changed: [],
    removed: [],
  }
  const names = nameMap(prev, r)
  const ahead = beginParsing(ctx, match)
  try {
    for (let i = 0; i < inputs.count; i++) {
      if (i % 256 === 0) ctx.progress.update(i, inputs.count, 'reading posts')
      const action = match.action[i]
      // REUSE first: nearly every row of an incremental build, and it never has a reason.
      if (action === REUSE && prev) reuse(ctx, r, i, prev, match.row[i] as number, names)
      else if (action === PARSE && !inputs.reasons.has(i)) {
        parseInput(ctx, r, i, prev, match.row[i] as number, names)
        ahead.passed()
      }
    }
  } finally {
    ahead.stop()
  }
  ctx.progress.update(inputs.count, inputs.count, 'reading posts')
  if (ctx.previous) {
    const { ids } = ctx.previous.articles
    for (const id of ids) {
      const i = ctx.listing.owner.get(id)
      if (i === undefined || inputs.status[i] !== IMPORTED) r.removed.push(id)
    }
  }
  return r
}

/** Journals the content files the phase may write, and starts reading their posts ahead. */
function beginParsing(ctx: ReadContext, match: Matches): Prefetch {
  const { inputs } = ctx.listing
  const toParse: string[] = []
  const rows: number[] = []
  for (let i = 0; i < inputs.count; i++) {
    if (match.action[i] !== PARSE || inputs.reasons.has(i)) continue
    toParse.push(contentPath(inputs.ids[i] as string))
    rows.push(i)
  }
  ctx.writer.journal(toParse)
  return prefetch(rows.length, (j) => inputPath(ctx.site, inputs, rows[j] as number))
}

/** Translates the last build's category and tag numbers, interning each name once. */
function nameMap(prev: BuildState | null, r: ReadResult): NameMap {
  const translate = (names: readonly string[], into: Interner) => {
    const table = new Int32Array(names.length).fill(-1)
    return (x: number) => {
      let y = table[x] as number
      if (y < 0) table[x] = y = into.id(names[x] as string)
      return y
    }
  }
  return {
    category: translate(prev?.categories ?? [], r.categories),
    tag: translate(prev?.tags ?? [], r.tags),
  }
}

/** Takes over input row `j` of the previous build as input `i`: nothing is read. */
function reuse(
  ctx: ReadContext,
  r: ReadResult,
  i: number,
  prev: BuildState,
  j: number,
  names: NameMap,
) {
  const { inputs } = ctx.listing
  const pa = prev.articles
  const a = prev.inputs.article[j] as number
  let offset = pa.itemOffset[a] as number
  if (ctx.previousStore) {
    const bytes = Buffer.allocUnsafe(pa.itemLength[a] as number)
    ctx.previousStore.read(offset, bytes.length, bytes, 0)
    offset = ctx.store.append(bytes)
  }
  const row = r.articles.addFrom(pa, a, i, offset, names)
  copyDigest(inputs.hash, i, prev.inputs.hash, j)
  inputs.status[i] = IMPORTED
  inputs.article[i] = row
  ctx.writer.unchanged++
  const w = prev.inputs.warnings.get(j)
  if (w) inputs.warnings.set(i, w)
}

/** Reads and parses input `i`; `pj` is the last build's row of the same file, or -1. */
function parseInput(
  ctx: ReadContext,
  r: ReadResult,
  i: number,
  prev: BuildState | null,
  pj: number,
  names: NameMap,
) {
  const { inputs } = ctx.listing
  const id = inputs.ids[i] as string
  const file = inputs.names[i] as string
  const read = readPost(inputPath(ctx.site, inputs, i))
  if (read.stat) {
    inputs.size[i] = read.stat.size
    inputs.mtimeMs[i] = read.stat.mtimeMs
  }
  if ('reason' in read) {
    inputs.reasons.set(i, read.reason)
    return
  }
  const hash = digestOf(read.bytes)
  setDigest(inputs.hash, i, hash)
  const pa = prev && pj >= 0 ? (prev.inputs.article[pj] as number) : -1
  const same = prev !== null && pa >= 0 && prev.articles.ids[pa] === id
  const trusted = same && (ctx.distrust.size === 0 || !ctx.distrust.has(contentPath(id)))
  // Touched but not changed: the same bytes give the same article.
  if (trusted && prev && sameDigest(prev.inputs.hash, pj, hash)) {
    reuse(ctx, r, i, prev, pj, names)
    return
  }
  const result = parsePost(file, read.bytes, { timeZone: ctx.timeZone })
  if (result.warnings.length) inputs.warnings.set(i, result.warnings)
  if (result.status === 'skipped') {
    inputs.reasons.set(i, result.reason)
    return
  }
  const item = itemText(id, result.meta, ctx.bundle)
  if (ctx.validate) {
    const check = v.safeParse(BundleListItemSchema, item.value)
    if (!check.success)
      throw new Error(
        `${inputs.file(i)} gives an item that does not match the bundle schema: ${describeIssues(check.issues)}`,
      )
  }
  const rel = contentPath(id)
  const previousContent = trusted && prev ? digestAt(prev.articles.contentHash, pa) : undefined
  // The content file is a function of the input's bytes, its name and its id (the settings are
  // the state's): a digest of those stands for its bytes without hashing them.
  const stands = digestOf(`${hash.toString('base64')}\0${file}\0${id}`)
  const text = contentText(item, result.contentHtml)
  const content = ctx.writer.put(rel, text, previousContent, undefined, stands)
  const bytes = Buffer.from(item.text)
  const row = r.articles.add({
    input: i,
    id,
    epochMs: result.meta.epochMs,
    category: r.categories.id(result.meta.category),
    tags: result.meta.tags.map((t) => r.tags.id(t)),
    itemOffset: ctx.store.append(bytes),
    itemLength: bytes.length,
    itemSplit: Buffer.byteLength(item.text.slice(0, item.split)),
  })
  ctx.spool?.add(row, searchDoc(id, item.value, searchBodyText(result.contentHtml)))
  ctx.onArticle?.(archiveItem(item))
  const itemHash = digestOf(bytes)
  setDigest(r.articles.itemHash, row, itemHash)
  setDigest(r.articles.contentHash, row, content.digest)
  inputs.status[i] = IMPORTED
  inputs.article[i] = row
  if (!same || !prev || content.written || !sameDigest(prev.articles.itemHash, pa, itemHash))
    r.changed.push(id)
}
