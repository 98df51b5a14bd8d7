// 128-bit content digests kept in typed arrays: one per input, item and file at a million posts,
// where a string per hash would cost three times the memory.
import { createHash, hash } from 'node:crypto'
import fs from 'node:fs'

/** Words per digest in a Uint32Array column. */
export const DIGEST_WORDS = 4

/** The first 128 bits of the SHA-1 of some bytes or text. */
export function digestOf(data: string | Uint8Array): Buffer {
  return pooled(hash('sha1', data, 'buffer'))
}

/**
 * A digest's 16 bytes in Node's shared buffer pool: a hash's own Buffer carries an ArrayBuffer of
 * its own, about 200 bytes more. For short-lived digests; one kept to the end of the build goes
 * through keptDigest().
 */
export function pooled(hash: Buffer): Buffer {
  const out = Buffer.allocUnsafe(16)
  hash.copy(out, 0, 0, 16)
  return out
}

let arena = Buffer.allocUnsafeSlow(0)
let arenaUsed = 0

/**
 * A copy of a digest kept to the end of the build (a map of written files), packed with other
 * kept ones. Left in the shared pool, each would keep alive the whole pool slab it shares with
 * short-lived buffers: about 4 KB a digest over 100,000 pages.
 */
export function keptDigest(digest: Buffer): Buffer {
  if (arenaUsed + 16 > arena.length) {
    arena = Buffer.allocUnsafeSlow(16 << 10)
    arenaUsed = 0
  }
  const out = arena.subarray(arenaUsed, arenaUsed + 16)
  digest.copy(out, 0, 0, 16)
  arenaUsed += 16
  return out
}

/** The digest of a file's bytes (not through a symlink), read in chunks; undefined if none. */
export function fileDigest(abs: string): Buffer | undefined {
  let fd: number
  try {
    fd = fs.openSync(abs, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW)
  } catch {
    return undefined
  }
  try {
    const hash = createHash('sha1')
    const buf = Buffer.allocUnsafe(1 << 20)
    for (let n = fs.readSync(fd, buf); n > 0; n = fs.readSync(fd, buf))
      hash.update(buf.subarray(0, n))
    return pooled(hash.digest())
  } finally {
    fs.closeSync(fd)
  }
}

/** Whether the file on disk (not through a symlink) holds exactly `data`. */
export function fileHolds(abs: string, data: string | Buffer): boolean {
  let fd: number
  try {
    fd = fs.openSync(abs, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW)
  } catch {
    return false
  }
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data
    if (fs.fstatSync(fd).size !== bytes.length) return false
    return fs.readFileSync(fd).equals(bytes)
  } catch {
    return false
  } finally {
    fs.closeSync(fd)
  }
}

/** A column of digests, `count` long, all zero (= unknown) at first. */
export const digestColumn = (count: number) => new Uint32Array(count * DIGEST_WORDS)

export function setDigest(column: Uint32Array, i: number, digest: Buffer): void {
  const at = i * DIGEST_WORDS
  for (let w = 0; w < DIGEST_WORDS; w++) column[at + w] = digest.readUInt32LE(w * 4)
}

export function copyDigest(to: Uint32Array, i: number, from: Uint32Array, j: number): void {
  // Word by word: a subarray per call is an object per article (millions of them).
  for (let w = 0; w < DIGEST_WORDS; w++)
    to[i * DIGEST_WORDS + w] = from[j * DIGEST_WORDS + w] as number
}

export function sameDigest(column: Uint32Array, i: number, digest: Buffer): boolean {
  const at = i * DIGEST_WORDS
  for (let w = 0; w < DIGEST_WORDS; w++)
    if (column[at + w] !== digest.readUInt32LE(w * 4)) return false
  return true
}

/** Whether a stored digest is set (all zero means unknown). */
export function hasDigest(column: Uint32Array, i: number): boolean {
  const at = i * DIGEST_WORDS
  for (let w = 0; w < DIGEST_WORDS; w++) if (column[at + w] !== 0) return true
  return false
}

export function digestAt(column: Uint32Array, i: number): Buffer {
  return Buffer.from(column.buffer, column.byteOffset + i * DIGEST_WORDS * 4, DIGEST_WORDS * 4)
}
