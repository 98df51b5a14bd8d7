// The search text of the posts this build parsed, spooled to a temporary file beside the state as
// they are read (their documents' bytes, as search/…/dN.json holds them), so the index step can
// build its segments without parsing those posts again and without holding their text in memory.
// Articles this build did not parse are read back from their content files (./write.ts).
import fs from 'node:fs'
import { ItemStore } from '../item-store.ts'

/** Bytes appended to an ItemStore, found again by article row. */
export class SearchSpool {
  private store: ItemStore
  private offset: Float64Array
  private length: Uint32Array

  constructor(
    readonly file: string,
    capacity: number,
  ) {
    this.store = new ItemStore(file, false)
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
    this.offset[row] = this.store.append(bytes)
    this.length[row] = bytes.length
  }

  /** The spooled document of article row `row`, or null when this build did not parse it. */
  get(row: number): Buffer | null {
    const offset = this.offset[row] ?? -1
    if (offset < 0) return null
    const length = this.length[row] as number
    const out = Buffer.allocUnsafe(length)
    this.store.read(offset, length, out, 0)
    return out
  }

  /** Closes and deletes the spool. */
  dispose(): void {
    this.store.close()
    fs.rmSync(this.file, { force: true })
  }
}
