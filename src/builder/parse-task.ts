// One input file's work: read it, parse it, and write its content file. (One thread does it all:
// on two cores, worker threads measured slower than none, their messages and start-up costing more
// than the parsing they shared.)
import fs from 'node:fs'
import * as v from 'valibot'
import { BundleContentItemSchema, describeIssues } from '../shared/feed-bundle.ts'
import { contentFile, type BundleOptions } from './bundle.ts'
import { hashText, writeIfChanged } from './output.ts'
import { MAX_POST_BYTES, parsePost, type PostMeta } from './post.ts'

export type ParseTask = {
  file: string
  abs: string
  /** The id decided for this file (slug, or slug-2… after a collision). */
  id: string
  contentAbs: string
  /** What the previous build knew: reuse it when the bytes did not change. */
  cached?: { hash: string; id?: string; contentHash?: string }
  /** Whether the content file exists now. */
  contentExists: boolean
}

export type ParseSettings = { timeZone: string; bundle: BundleOptions; validate: boolean }

export type ParseOutcome = {
  hash: string
  /** The bytes equal the previous build's and the content file is in place: nothing was parsed. */
  unchangedInput?: boolean
  skipped?: { reason: string; warnings: string[] }
  imported?: { meta: PostMeta; warnings: string[]; contentHash: string; written: boolean }
}

// One read buffer per thread, reused for every file: a fresh Buffer per post is memory outside
// V8's heap that its GC frees late and the allocator rarely gives back (RSS grows by hundreds of
// MB over 100,000 posts). The view it returns is only valid until the next read.
let scratch = Buffer.allocUnsafe(1 << 16)

function readReused(abs: string): Buffer {
  const fd = fs.openSync(abs, 'r')
  try {
    let n = 0
    for (;;) {
      if (n === scratch.length) {
        // Past the size limit there is no need to read on: the post is skipped as too large.
        if (n > MAX_POST_BYTES) break
        const bigger = Buffer.allocUnsafe(scratch.length * 2)
        scratch.copy(bigger, 0, 0, n)
        scratch = bigger
      }
      const r = fs.readSync(fd, scratch, n, scratch.length - n, null)
      if (r === 0) break
      n += r
    }
    return scratch.subarray(0, n)
  } finally {
    fs.closeSync(fd)
  }
}

export function runParseTask(task: ParseTask, settings: ParseSettings): ParseOutcome {
  let bytes: Buffer
  try {
    bytes = readReused(task.abs)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message
    return { hash: '', skipped: { reason: `unreadable: ${code}`, warnings: [] } }
  }
  const hash = hashText(bytes)
  const c = task.cached
  if (
    c &&
    c.hash === hash &&
    (c.id === undefined || (c.id === task.id && c.contentHash && task.contentExists))
  )
    return { hash, unchangedInput: true }

  const result = parsePost(task.file, bytes, { timeZone: settings.timeZone })
  if (result.status === 'skipped')
    return {
      hash,
      skipped: { reason: result.reason, warnings: result.warnings },
    }
  const file = contentFile({ id: task.id, meta: result.meta }, result.contentHtml, settings.bundle)
  if (settings.validate) {
    const r = v.safeParse(BundleContentItemSchema, file.value)
    if (!r.success)
      throw new Error(`${file.path} does not match the bundle schema: ${describeIssues(r.issues)}`)
  }
  const contentHash = hashText(file.text)
  const written = writeIfChanged(
    task.contentAbs,
    file.text,
    contentHash,
    c?.contentHash,
    task.contentExists,
  )
  return {
    hash,
    imported: { meta: result.meta, warnings: result.warnings, contentHash, written },
  }
}
