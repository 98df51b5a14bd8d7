// What the read phase learns of the archive, kept compact: one row per input file and one per
// article in typed-array columns, names of categories and tags interned, and each article's list
// item as bytes in the item store (./item-store.ts), not in memory.
import { DIGEST_WORDS, copyDigest, digestColumn } from './digest.ts'

/** Distinct names (categories, tags) by number. */
export class Interner {
  readonly names: string[] = []
  private index = new Map<string, number>()

  constructor(names: readonly string[] = []) {
    for (const n of names) this.id(n)
  }

  id(name: string): number {
    let i = this.index.get(name)
    if (i === undefined) {
      // A flat copy: the name may be a slice of a whole post's text, which it would keep alive.
      const flat = Buffer.from(name, 'utf8').toString('utf8')
      i = this.names.length
      this.names.push(flat)
      this.index.set(flat, i)
    }
    return i
  }

  get size(): number {
    return this.names.length
  }
}

export const SKIPPED = 0
export const IMPORTED = 1
export const DUPLICATE = 2

/** One row per input file, in input order (folder by folder, names sorted). */
export class Inputs {
  readonly size: Float64Array
  readonly mtimeMs: Float64Array
  /** SHA-1 (128 bits) of the file's bytes; zero when it was not read. */
  readonly hash: Uint32Array
  readonly status: Uint8Array
  /** The article row of an imported input, else -1. */
  readonly article: Int32Array
  /** The id decided from the file name, for post files. */
  readonly ids: (string | undefined)[]
  readonly reasons = new Map<number, string>()
  readonly warnings = new Map<number, string[]>()
  /** Duplicate input → the input in an earlier folder that holds the same id. */
  readonly duplicateOf = new Map<number, number>()

  constructor(
    /** Paths inside their folder, as listed (flat strings: a million of them). */
    readonly names: readonly string[],
    /** Each input's folder (index into Site.folders). */
    readonly folder: Uint16Array,
    /** Per folder, what goes before a name in report.json (`_posts/`, `old_post/`, or ''). */
    readonly prefixes: readonly string[],
    /** Saved columns to take as they are (see ./state.ts); new zeroed ones without. */
    saved?: Pick<Inputs, 'size' | 'mtimeMs' | 'hash' | 'status' | 'article'>,
  ) {
    const n = names.length
    this.size = saved?.size ?? new Float64Array(n)
    this.mtimeMs = saved?.mtimeMs ?? new Float64Array(n)
    this.hash = saved?.hash ?? digestColumn(n)
    this.status = saved?.status ?? new Uint8Array(n)
    this.article = saved?.article ?? new Int32Array(n).fill(-1)
    this.ids = new Array<string | undefined>(saved ? 0 : n)
  }

  get count(): number {
    return this.names.length
  }

  /** The input's path as report.json names it (`_posts/…`, `old_post/…`). */
  file(i: number): string {
    return `${this.prefixes[this.folder[i] as number] ?? ''}${this.names[i] as string}`
  }
}

/** Where an article's list item sits in the item store, and what the bundle needs to group it. */
export type ArticleRow = {
  input: number
  id: string
  epochMs: number
  category: number
  tags: readonly number[]
  itemOffset: number
  itemLength: number
  /** Byte offset in the item where a page puts the relative path to the content folder. */
  itemSplit: number
}

/** Category and tag numbers of the last build → this build's. */
export type NameMap = { category: (c: number) => number; tag: (t: number) => number }

/** One row per imported article; capacity is the number of inputs. */
export class Articles {
  count = 0
  readonly ids: string[] = []
  readonly input: Uint32Array
  readonly epochMs: Float64Array
  readonly category: Uint32Array
  readonly tagStart: Uint32Array
  readonly tagCount: Uint8Array
  private pool: Uint32Array
  private poolUsed = 0
  readonly itemOffset: Float64Array
  readonly itemLength: Uint32Array
  readonly itemSplit: Uint32Array
  /** Digest of the item's bytes: what list pages are fingerprinted by. */
  readonly itemHash: Uint32Array
  /** Digest of the content file written for the article. */
  readonly contentHash: Uint32Array

  constructor(capacity: number) {
    this.input = new Uint32Array(capacity)
    this.epochMs = new Float64Array(capacity)
    this.category = new Uint32Array(capacity)
    this.tagStart = new Uint32Array(capacity)
    this.tagCount = new Uint8Array(capacity)
    this.pool = new Uint32Array(Math.max(16, capacity))
    this.itemOffset = new Float64Array(capacity)
    this.itemLength = new Uint32Array(capacity)
    this.itemSplit = new Uint32Array(capacity)
    this.itemHash = digestColumn(capacity)
    this.contentHash = digestColumn(capacity)
  }

  /** Adds a row and returns its index; digests are set by the caller. */
  add(row: ArticleRow): number {
    const a = this.count++
    this.ids.push(row.id)
    this.input[a] = row.input
    this.epochMs[a] = row.epochMs
    this.category[a] = row.category
    this.itemOffset[a] = row.itemOffset
    this.itemLength[a] = row.itemLength
    this.itemSplit[a] = row.itemSplit
    this.addTags(a, row.tags, (t) => t)
    return a
  }

  /**
   * Takes over row `j` of the last build's table for `input`, with category and tag numbers
   * translated into this build's interners, and the item where it now is.
   */
  addFrom(from: Articles, j: number, input: number, itemOffset: number, names: NameMap): number {
    const a = this.count++
    this.ids.push(from.ids[j] as string)
    this.input[a] = input
    this.epochMs[a] = from.epochMs[j] as number
    this.category[a] = names.category(from.category[j] as number)
    this.itemOffset[a] = itemOffset
    this.itemLength[a] = from.itemLength[j] as number
    this.itemSplit[a] = from.itemSplit[j] as number
    this.addTags(a, from.tags(j), names.tag)
    copyDigest(this.itemHash, a, from.itemHash, j)
    copyDigest(this.contentHash, a, from.contentHash, j)
    return a
  }

  private addTags(a: number, tags: ArrayLike<number>, map: (t: number) => number): void {
    if (this.poolUsed + tags.length > this.pool.length) {
      const size = Math.max(this.pool.length * 2, this.poolUsed + tags.length)
      const bigger = new Uint32Array(size)
      bigger.set(this.pool)
      this.pool = bigger
    }
    this.tagStart[a] = this.poolUsed
    this.tagCount[a] = tags.length
    for (let k = 0; k < tags.length; k++) this.pool[this.poolUsed++] = map(tags[k] as number)
  }

  /** The article's first tag, or -1. */
  firstTag(a: number): number {
    return this.tagCount[a] ? (this.pool[this.tagStart[a] as number] as number) : -1
  }

  /** The article's tags (numbers of the tag interner), first tag first. */
  tags(a: number): Uint32Array {
    const start = this.tagStart[a] as number
    return this.pool.subarray(start, start + (this.tagCount[a] as number))
  }

  /** The columns as they are saved (see ./state.ts): only the rows in use. */
  columns() {
    const n = this.count
    return {
      input: this.input.subarray(0, n),
      epochMs: this.epochMs.subarray(0, n),
      category: this.category.subarray(0, n),
      tagStart: this.tagStart.subarray(0, n),
      tagCount: this.tagCount.subarray(0, n),
      pool: this.pool.subarray(0, this.poolUsed),
      itemOffset: this.itemOffset.subarray(0, n),
      itemLength: this.itemLength.subarray(0, n),
      itemSplit: this.itemSplit.subarray(0, n),
      itemHash: this.itemHash.subarray(0, n * DIGEST_WORDS),
      contentHash: this.contentHash.subarray(0, n * DIGEST_WORDS),
    }
  }

  /** Rebuilds a table from saved columns (the previous build's, read back by ./state.ts). */
  static fromColumns(ids: string[], c: ReturnType<Articles['columns']>): Articles {
    const t = new Articles(0)
    Object.assign(t, { ...c, count: ids.length, ids })
    t.pool = c.pool
    t.poolUsed = c.pool.length
    return t
  }
}
