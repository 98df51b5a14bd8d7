// One input file, read safely: never through a symbolic link (a link to /etc/passwd must not be
// published), never blocking on a FIFO, never more than the size limit.
import fs from 'node:fs'
import { causeOf } from './errors.ts'
import { MAX_POST_BYTES } from './post.ts'

const OPEN_FLAGS = fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK

export const SYMLINK_REASON = 'symbolic link: not followed'
export const tooLarge = (size: number) => `too large: ${size} bytes (limit ${MAX_POST_BYTES})`

// One read buffer, reused for every file: a fresh Buffer per post is memory outside V8's heap that
// its GC frees late and the allocator rarely gives back. The view returned is valid until the next
// read.
let scratch = Buffer.allocUnsafe(1 << 16)

export type ReadOutcome = ({ bytes: Buffer } | { reason: string }) & { stat?: fs.Stats }

/** The file's bytes (a view into a shared buffer), or why it is skipped; its fstat when opened. */
export function readPost(abs: string): ReadOutcome {
  let fd: number
  try {
    fd = fs.openSync(abs, OPEN_FLAGS)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    return { reason: code === 'ELOOP' ? SYMLINK_REASON : `unreadable: ${code ?? causeOf(e)}` }
  }
  try {
    const stat = fs.fstatSync(fd)
    if (!stat.isFile()) return { reason: 'not a regular file', stat }
    if (stat.size > MAX_POST_BYTES) return { reason: tooLarge(stat.size), stat }
    // Room for one byte more than fstat says: a short read then means the end, in one call.
    if (scratch.length <= stat.size)
      scratch = Buffer.allocUnsafe(Math.max(stat.size + 1, scratch.length * 2))
    let n = 0
    for (;;) {
      const r = fs.readSync(fd, scratch, n, scratch.length - n, null)
      n += r
      if (r === 0 || n < scratch.length) break
      // The file grew while being read: past the limit there is no need to read on.
      if (n > MAX_POST_BYTES) return { reason: tooLarge(n), stat }
      const bigger = Buffer.allocUnsafe(scratch.length * 2)
      scratch.copy(bigger, 0, 0, n)
      scratch = bigger
    }
    return { bytes: scratch.subarray(0, n), stat }
  } catch (e) {
    return { reason: `unreadable: ${(e as NodeJS.ErrnoException).code ?? causeOf(e)}` }
  } finally {
    fs.closeSync(fd)
  }
}
