// The search text of the posts this build parsed, spooled to a temporary file beside the state as
// they are read (their documents, as search/…/dN.json holds them), so the index step can build its
// segments without parsing those posts again and without holding their text in memory. Articles
// this build did not parse are read back from their content files (./write.ts). UTF-16LE: the text
// is mostly Chinese, which it holds in fewer bytes than UTF-8 and decodes with a copy.
import fs from 'node:fs'
import { ItemStore } from '../item-store.ts'

/** Bytes read at once when a document is not in the window read last. */
const WINDOW = 256 << 10

/** What another thread needs to read a spool: its file and where each document is. */
export type SpoolImage = { file: string; offset: Float64Array; length: Uint32Array }

/** Documents appended to an ItemStore, found again by article row. */
export class SearchSpool {
  private store: ItemStore
  private offset: Float64Array
  private length: Uint32Array
  /** The bytes of the spool from windowAt on, as last read. */
  private window = Buffer.alloc(0)
  private windowAt = 0
  private windowLength = 0

  constructor(
    readonly file: string,
    capacity: number,
    image?: SpoolImage,
  ) {
    this.store = new ItemStore(file, image !== undefined)
    this.offset = image?.offset ?? new Float64Array(capacity).fill(-1)
    this.length = image?.length ?? new Uint32Array(capacity)
  }

  /** The spool as it is on disk, for a reader on another thread (see ./thread.ts). */
  image(): SpoolImage {
    this.store.flush()
    return { file: this.file, offset: this.offset, length: this.length }
  }

  /** Closes a spool opened from an image (the file stays: it is the build thread's). */
  close(): void {
    this.store.close()
  }

  /** Spools the document of article row `row`. */
  add(row: number, doc: string): void {
    const bytes = Buffer.from(doc, 'utf16le')
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

  /** Whether article row `row` has its document here. */
  has(row: number): boolean {
    return (this.offset[row] ?? -1) >= 0
  }

  /**
   * The spooled document of article row `row`, or null when this build did not parse it. A
   * segment's documents mostly follow one another in the file (posts are read in date order
   * within a folder): they are read a window at a time, not a system call each.
   */
  get(row: number): string | null {
    const offset = this.offset[row] ?? -1
    if (offset < 0) return null
    const length = this.length[row] as number
    let at = offset - this.windowAt
    if (at < 0 || at + length > this.windowLength) {
      const size = Math.max(length, Math.min(WINDOW, this.store.size - offset))
      if (this.window.length < size) this.window = Buffer.allocUnsafe(size)
      this.store.read(offset, size, this.window, 0)
      this.windowAt = offset
      this.windowLength = size
      at = 0
    }
    return this.window.toString('utf16le', at, at + length)
  }

  /** Closes and deletes the spool. */
  dispose(): void {
    this.store.close()
    fs.rmSync(this.file, { force: true })
  }
}
