// The postings of one search segment as they are built: every character and character pair (and
// each category and tag) → the ordinals of the articles that hold it; and how big its shards get.
import { MAX_SHARDS, SHARD_TARGET_BYTES } from '../../shared/search.ts'

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

export class Postings {
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
export function listBytes(list: number[], docs: number): number {
  let gaps = 2
  let prev = 0
  for (const o of list) {
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
