// The postings of one search segment as they are built: every character and character pair (and
// each category and tag) → the ordinals of the articles that hold it; and how big its shards get.
import v8 from 'node:v8'
import vm from 'node:vm'
import { MAX_SHARDS, SHARD_TARGET_BYTES } from '../../shared/search.ts'

const NEWLINE = 0x0a
const SPACE = 0x20
/** Characters a segment numbers densely: a pair's key then stays a small integer (fast Map keys). */
const DENSE = 1 << 14
/** Character → its number in the current segment + 1 (0: not seen yet); one table, reused. */
let charIds: Int32Array | null = null

/** Ordinals in a segment fit 16 bits: half the memory of the largest arrays. */
export const MAX_SEGMENT_DOCS = 1 << 16

/**
 * Integer key → posting list, open addressing in typed arrays. Each (key, ordinal) is appended to
 * two flat typed arrays as it comes; the lists are made at the end by one counting sort by key, so
 * each list is contiguous (no pointer chasing through scattered nodes) and nothing is garbage. A
 * character's key (below DENSE) is found by direct index.
 */
class IntPostings {
  private slots = new Int32Array(1 << 16).fill(-1)
  private mask = (1 << 16) - 1
  /** Fibonacci hashing takes the product's high bits: its low bits see only the key's low bits. */
  private shift = 32 - 16
  private direct = new Int32Array(DENSE).fill(-1)
  keys = new Int32Array(1 << 12)
  count = 0
  private last = new Int32Array(1 << 12)
  sizes = new Int32Array(1 << 12)
  private ords = new Uint16Array(1 << 16)
  private nodeKey = new Int32Array(1 << 16)
  private nodes = 0
  /** After sort(): every list, one after another in key order of `at`, and where each starts. */
  private sorted: Uint16Array | null = null
  private sortedSpace = new Uint16Array(0)
  private starts: Int32Array | null = null

  private node(at: number, ord: number): void {
    if (this.nodes === this.ords.length) {
      this.ords = grown(this.ords)
      this.nodeKey = grown(this.nodeKey)
    }
    this.ords[this.nodes] = ord
    this.nodeKey[this.nodes++] = at
    this.sorted = null
  }

  private find(key: number): number {
    if (key < DENSE) return this.direct[key] as number
    let h = Math.imul(key, 0x9e3779b1) >>> this.shift
    for (;;) {
      h &= this.mask
      const at = this.slots[h] as number
      if (at < 0 || this.keys[at] === key) return at
      h++
    }
  }

  private insert(key: number, ord: number): void {
    const at = this.count++
    if (at === this.keys.length) {
      this.keys = grown(this.keys)
      this.last = grown(this.last)
      this.sizes = grown(this.sizes)
    }
    this.keys[at] = key
    this.last[at] = ord
    this.node(at, ord)
    this.sizes[at] = 1
    if (key < DENSE) this.direct[key] = at
    else {
      this.place(key, at)
      if (this.count * 2 > this.slots.length) this.grow()
    }
  }

  private place(key: number, at: number): void {
    let h = Math.imul(key, 0x9e3779b1) >>> this.shift
    for (;;) {
      h &= this.mask
      if ((this.slots[h] as number) < 0) break
      h++
    }
    this.slots[h] = at
  }

  add(key: number, ord: number): void {
    const at = this.find(key)
    if (at < 0) this.insert(key, ord)
    else if (this.last[at] !== ord) {
      this.last[at] = ord
      this.node(at, ord)
      this.sizes[at]!++
    }
  }

  /** Sets a key's whole list (a key not added yet). */
  seed(key: number, list: number[]): void {
    for (const ord of list) this.add(key, ord)
  }

  /**
   * The list of the key at `at`, ascending (ordinals arrive in ascending order: seeded lists
   * first, then each new article's). A view: valid until the next add.
   */
  list(at: number): Uint16Array {
    if (!this.sorted) this.sort()
    const from = (this.starts as Int32Array)[at] as number
    return (this.sorted as Uint16Array).subarray(from, from + (this.sizes[at] as number))
  }

  /** Empties it for the next segment, keeping its arrays: a segment's are tens of megabytes. */
  clear(): void {
    this.slots.fill(-1)
    this.direct.fill(-1)
    this.count = 0
    this.nodes = 0
    this.sorted = null
  }

  private sort(): void {
    const starts = new Int32Array(this.count)
    for (let at = 0, sum = 0; at < this.count; at++) {
      starts[at] = sum
      sum += this.sizes[at] as number
    }
    const fill = starts.slice()
    if (this.sortedSpace.length < this.nodes) this.sortedSpace = new Uint16Array(this.nodes)
    const sorted = this.sortedSpace
    const { ords, nodeKey } = this
    for (let n = 0; n < this.nodes; n++) sorted[fill[nodeKey[n] as number]!++] = ords[n] as number
    this.sorted = sorted
    this.starts = starts
  }

  private grow(): void {
    const size = this.slots.length * 2
    this.slots = new Int32Array(size).fill(-1)
    this.mask = size - 1
    this.shift = 32 - Math.log2(size)
    for (let at = 0; at < this.count; at++) {
      const key = this.keys[at] as number
      if (key >= DENSE) this.place(key, at)
    }
  }
}

function grown<T extends Int32Array<ArrayBuffer> | Uint16Array<ArrayBuffer>>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2)
  b.set(a)
  return b
}

/** The integer postings of the last segment released, taken up by the next. */
let spare: IntPostings | null = null
let released = 0
let collect: GC | undefined

const fullCollection = () => (v8.setFlagsFromString('--expose-gc'), vm.runInNewContext('gc') as GC)
type GC = () => void

export class Postings {
  readonly grams = spare ?? new IntPostings()
  readonly wide = new Map<string, number[]>()
  readonly filters = new Map<string, number[]>()
  private chars: number[] = []

  constructor() {
    charIds ??= new Int32Array(0x110000)
    spare = null
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
      // Keys from DENSE on are pairs: a character past the first DENSE is keyed by its text.
      if (cp !== SPACE) {
        if (id < DENSE) this.grams.add(id, ord)
        else Postings.push(this.wide, String.fromCodePoint(cp) as never, ord)
      }
      if (prev >= 0) {
        if (prev < DENSE && id < DENSE) this.grams.add(DENSE + prev * DENSE + id, ord)
        else Postings.push(this.wide, String.fromCodePoint(prevCp, cp) as never, ord)
      }
      prev = id
      prevCp = cp
    }
  }

  /**
   * Takes a key's list as an earlier build wrote it (ascending ordinals, before any addText of
   * this segment): a grown segment keeps its older articles' postings instead of reading them.
   */
  seed(key: string, list: number[]): void {
    if (key.charCodeAt(0) === 1) {
      this.filters.set(key, list)
      return
    }
    const [a, b] = Array.from(key, (c) => c.codePointAt(0) as number)
    const first = this.id(a as number)
    if (b === undefined) {
      if (first < DENSE) this.grams.seed(first, list)
      else this.wide.set(key, list)
    } else {
      const second = this.id(b)
      if (first < DENSE && second < DENSE) this.grams.seed(DENSE + first * DENSE + second, list)
      else this.wide.set(key, list)
    }
  }

  addFilter(key: string, ord: number): void {
    Postings.push(this.filters, key as never, ord)
  }

  /** Every key as the shard format names it, with its list. */
  *entries(): Generator<[string, ArrayLike<number>]> {
    const { keys, count } = this.grams
    const cp = (c: number) => this.chars[c] as number
    for (let at = 0; at < count; at++) {
      const k = keys[at] as number
      const b = k - DENSE
      const first = Math.floor(b / DENSE)
      yield [
        k < DENSE
          ? String.fromCodePoint(cp(k))
          : String.fromCodePoint(cp(first), cp(b - first * DENSE)),
        this.grams.list(at),
      ]
    }
    yield* this.wide
    yield* this.filters
  }

  /** Lets the arrays kept for the next segment go (the last segment is written). */
  static drop = () => void (spare = null)

  /** Forgets the segment's character numbers (the table is shared); its arrays go to the next. */
  release(): void {
    const ids = charIds as Int32Array
    for (const cp of this.chars) ids[cp] = 0
    this.chars = []
    this.grams.clear()
    spare = this.grams
    // A segment leaves a million objects (keys, views): unpressed by new arrays, V8 piles them up.
    if (++released % 8 === 0) (collect ??= fullCollection())()
  }
}

/** Approximate bytes a list takes in a shard (the smaller of gaps and bitmap), for sizing. */
export function listBytes(list: ArrayLike<number>, docs: number): number {
  let gaps = 2
  let prev = 0
  for (let k = 0; k < list.length; k++) {
    const o = list[k] as number
    const g = o - prev
    gaps += g < 128 ? 1 : g < 16384 ? 2 : 3
    prev = o
  }
  return Math.min(gaps, Math.ceil(docs / 8) + 1)
}

export function shardCount(bytes: number): number {
  let h = 1
  while (h < MAX_SHARDS && bytes / h > SHARD_TARGET_BYTES) h *= 2
  return h
}
