// The search text of the posts this build parsed, spooled to a temporary file beside the state as
// they are read (their documents' bytes, as search/…/dN.json holds them), so the index step can
// build its segments without parsing those posts again and without holding their text in memory.
// Articles this build did not parse are read back from their content files (./write.ts).
import fs from 'node:fs'
import { guard } from '../errors.ts'

const CHUNK = 1 << 20

export class SearchSpool {
  private fd: number
  private pending: Buffer[] = []
  private pendingBytes = 0
  private flushed = 0
  private offset: Float64Array
  private length: Uint32Array

  constructor(
    readonly file: string,
    capacity: number,
  ) {
    this.fd = guard('write', file, () => fs.openSync(file, 'w+'))
    this.offset = new Float64Array(capacity).fill(-1)
    this.length = new Uint32Array(capacity)
  }

  /** Spools the document of article row `row`. */
  add(row: number, doc: string): void {
    const bytes = Buffer.from(doc)
    if (row >= this.offset.length) {
      const size = Math.max(row + 1, this.offset.length * 2)
      const offset = new Float64Array(size).fill(-1)
      offset.set(this.offset)
      const length = new Uint32Array(size)
      length.set(this.length)
      this.offset = offset
      this.length = length
    }
    this.offset[row] = this.flushed + this.pendingBytes
    this.length[row] = bytes.length
    this.pending.push(bytes)
    this.pendingBytes += bytes.length
    if (this.pendingBytes >= CHUNK) this.flush()
  }

  /** The spooled document of article row `row`, or null when this build did not parse it. */
  get(row: number): Buffer | null {
    const offset = this.offset[row] ?? -1
    if (offset < 0) return null
    const length = this.length[row] as number
    if (offset + length > this.flushed) this.flush()
    const out = Buffer.allocUnsafe(length)
    let done = 0
    while (done < length) {
      const n = fs.readSync(this.fd, out, done, length - done, offset + done)
      if (n === 0) throw new Error(`search spool ${this.file} is shorter than its index`)
      done += n
    }
    return out
  }

  private flush(): void {
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

  /** Closes and deletes the spool. */
  dispose(): void {
    if (this.fd >= 0) fs.closeSync(this.fd)
    this.fd = -1
    fs.rmSync(this.file, { force: true })
  }
}
