// The list items of every article as UTF-8 bytes in one append-only file beside the state, so a
// million articles' titles and summaries live on disk, not in memory: pages are assembled from
// it, and an incremental build appends only the items it re-parsed.
import fs from 'node:fs'
import { guard } from './errors.ts'

const CHUNK = 1 << 20

export class ItemStore {
  private fd: number
  private pending: Buffer[] = []
  private pendingBytes = 0
  /** Bytes on disk. */
  private flushed: number

  constructor(
    readonly file: string,
    /** Keep what the file holds (a previous build's items) and append after it. */
    keep: boolean,
  ) {
    this.fd = guard('write', file, () => fs.openSync(file, keep ? 'a+' : 'w+'))
    this.flushed = keep ? fs.fstatSync(this.fd).size : 0
  }

  /** Bytes in the store, appended ones included: the offset of the next item. */
  get size(): number {
    return this.flushed + this.pendingBytes
  }

  append(bytes: Buffer): number {
    const offset = this.size
    this.pending.push(bytes)
    this.pendingBytes += bytes.length
    if (this.pendingBytes >= CHUNK) this.flush()
    return offset
  }

  /** Reads `length` bytes at `offset` into `into` at `at`. */
  read(offset: number, length: number, into: Buffer, at: number): void {
    if (offset + length > this.flushed) this.flush()
    let done = 0
    while (done < length) {
      const n = fs.readSync(this.fd, into, at + done, length - done, offset + done)
      if (n === 0) throw new Error(`${this.file} is shorter than its index`)
      done += n
    }
  }

  flush(): void {
    if (!this.pendingBytes) return
    const all = Buffer.concat(this.pending, this.pendingBytes)
    guard('write', this.file, () => {
      let done = 0
      while (done < all.length) done += fs.writeSync(this.fd, all, done, all.length - done, null)
    })
    this.flushed += all.length
    this.pending = []
    this.pendingBytes = 0
  }

  close(): void {
    if (this.fd < 0) return
    try {
      this.flush()
    } finally {
      fs.closeSync(this.fd)
      this.fd = -1
    }
  }
}
