// The postings of the search index, shared by the builder (writes) and the app (reads): keys,
// the shard hash and the binary shard format, and ordinal sets as bitmaps.

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

/** Bytes appended to a buffer that doubles as needed (a number per byte would cost eight). */
class Bytes {
  buf = new Uint8Array(1 << 12)
  length = 0

  room(n: number): void {
    if (this.length + n <= this.buf.length) return
    let size = this.buf.length * 2
    while (size < this.length + n) size *= 2
    const next = new Uint8Array(size)
    next.set(this.buf.subarray(0, this.length))
    this.buf = next
  }

  push(b: number): void {
    this.room(1)
    this.buf[this.length++] = b
  }

  varint(n: number): void {
    while (n >= 0x80) {
      this.push((n & 0x7f) | 0x80)
      n = Math.floor(n / 128)
    }
    this.push(n)
  }

  bytes(b: Uint8Array): void {
    this.room(b.length)
    this.buf.set(b, this.length)
    this.length += b.length
  }
}

/** Encodes one shard: `entries` are key → ascending ordinals below `docs`. */
export function encodeShard(
  entries: ReadonlyMap<string, ArrayLike<number>>,
  docs: number,
): Uint8Array {
  const out = new Bytes()
  out.bytes(Uint8Array.from(MAGIC))
  const keys = [...entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  out.varint(keys.length)
  const enc = new TextEncoder()
  const bitmapBytes = Math.ceil(docs / 8)
  const gaps = new Bytes()
  for (const key of keys) {
    const kb = enc.encode(key)
    out.varint(kb.length)
    out.bytes(kb)
    const list = entries.get(key) as ArrayLike<number>
    gaps.length = 0
    gaps.varint(list.length)
    let prev = 0
    for (let k = 0; k < list.length; k++) {
      const o = list[k] as number
      gaps.varint(k === 0 ? o : o - prev)
      prev = o
    }
    if (gaps.length <= bitmapBytes) {
      out.push(0)
      out.bytes(gaps.buf.subarray(0, gaps.length))
    } else {
      out.push(1)
      const bits = new Uint8Array(bitmapBytes)
      for (let k = 0; k < list.length; k++) {
        const o = list[k] as number
        bits[o >> 3]! |= 1 << (o & 7)
      }
      out.bytes(bits)
    }
  }
  return out.buf.slice(0, out.length)
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
