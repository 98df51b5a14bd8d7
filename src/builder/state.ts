// The incremental build's memory, kept in --out/.build-state.ndjson (or --state FILE): per input file its size, mtime,
// hash and parsed metadata (never the body), the hash of every file the build wrote, and the
// fingerprint of every list page. One JSON value per line, written and read a line at a time, so
// a 100,000-post state never becomes one giant string in memory.
import fs from 'node:fs'
import path from 'node:path'
import * as v from 'valibot'
import type { PostMeta } from './post.ts'

export const STATE_VERSION = 5

/** What the last build learned of one input file. */
export type InputState = {
  file: string
  size: number
  mtimeMs: number
  hash: string
  /** Set when imported: the id its content file was written under, and that file's hash. */
  id?: string
  contentHash?: string
  meta?: PostMeta
  reason?: string
  warnings: string[]
}

export type BuildState = {
  version: typeof STATE_VERSION
  /** Everything besides the input that shapes the output (options, builder version). */
  settings: string
  inputs: InputState[]
  /** Bundle path → hash of the bytes written (content files: see InputState.contentHash). */
  outputs: Map<string, string>
  /** List page path → fingerprint of everything its bytes depend on (see bundle.ts). */
  pages: Map<string, string>
}

/*
 * UTF-16LE, not UTF-8: decoding it is a copy, while decoding 70 MB of UTF-8 (mostly Chinese) took
 * a third of a second, a tenth of an incremental build. The file is a quarter larger.
 */
const ENCODING = 'utf16le'
const NEWLINE = Buffer.from('\n', ENCODING)

const HeaderSchema = v.object({ version: v.literal(STATE_VERSION), settings: v.string() })

/*
 * One input is one array, not an object: no key names repeated 100,000 times, and arrays parse
 * faster. Imported: [file, size, mtimeMs, hash, warnings, id, contentHash, slug, title, summary,
 * date, epochMs, tags, category, readingMinutes, externalUrl?]; skipped: [file, size, mtimeMs,
 * hash, warnings, reason].
 */
type Row = (string | number | string[])[]

function toRow(i: InputState): Row {
  const head = [i.file, i.size, i.mtimeMs, i.hash, i.warnings]
  const m = i.meta
  if (!m || i.id === undefined) return [...head, i.reason ?? 'skipped']
  const row = [
    ...head,
    i.id,
    i.contentHash ?? '',
    m.slug,
    m.title,
    m.summary,
    m.date,
    m.epochMs,
    m.tags,
    m.category,
    m.readingMinutes,
  ]
  if (m.externalUrl !== undefined) row.push(m.externalUrl)
  return row
}

const isStrings = (x: unknown): x is string[] =>
  Array.isArray(x) && x.every((s) => typeof s === 'string')

/**
 * A cheap shape check per row instead of a schema pass: the state is the builder's own cache (a
 * damaged one only costs a full rebuild), and 100,000 schema checks would take a third of an
 * incremental build. Anything unexpected makes the whole state unusable (null).
 */
function fromRow(r: unknown): InputState | null {
  if (!Array.isArray(r)) return null
  const [file, size, mtimeMs, hash, warnings, id] = r as unknown[]
  if (typeof file !== 'string' || typeof size !== 'number' || typeof mtimeMs !== 'number')
    return null
  if (typeof hash !== 'string' || !isStrings(warnings) || typeof id !== 'string') return null
  const input: InputState = { file, size, mtimeMs, hash, warnings }
  if (r.length === 6) {
    input.reason = id
    return input
  }
  const [
    ,
    ,
    ,
    ,
    ,
    ,
    contentHash,
    slug,
    title,
    summary,
    date,
    epochMs,
    tags,
    category,
    minutes,
    url,
  ] = r as unknown[]
  if (
    (r.length !== 15 && r.length !== 16) ||
    typeof contentHash !== 'string' ||
    typeof slug !== 'string' ||
    typeof title !== 'string' ||
    typeof summary !== 'string' ||
    typeof date !== 'string' ||
    typeof epochMs !== 'number' ||
    !isStrings(tags) ||
    typeof category !== 'string' ||
    typeof minutes !== 'number' ||
    (url !== undefined && typeof url !== 'string')
  )
    return null
  const meta: PostMeta = {
    slug,
    title,
    summary,
    date,
    epochMs,
    tags,
    category,
    readingMinutes: minutes,
  }
  if (url !== undefined) meta.externalUrl = url
  input.id = id
  if (contentHash) input.contentHash = contentHash
  input.meta = meta
  return input
}

const isPairs = (x: unknown): x is [string, string][] =>
  Array.isArray(x) &&
  x.every((p) => Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'string')

/** The previous build's state, or null when there is none, it is damaged, or has other settings. */
export function loadState(file: string, settings: string): BuildState | null {
  let fd: number
  try {
    fd = fs.openSync(file, 'r')
  } catch {
    return null
  }
  try {
    const next = lineReader(fd)
    const header = v.parse(HeaderSchema, JSON.parse(next() ?? 'null'))
    if (header.settings !== settings) return null
    const state: BuildState = {
      version: STATE_VERSION,
      settings,
      inputs: [],
      outputs: new Map(),
      pages: new Map(),
    }
    for (let line = next(); line !== null; line = next()) {
      if (line === '') continue
      const entry = JSON.parse(line) as { k?: unknown; v?: unknown }
      if (entry.k === 'i' && Array.isArray(entry.v)) {
        for (const row of entry.v) {
          const input = fromRow(row)
          if (!input) return null
          state.inputs.push(input)
        }
      } else if ((entry.k === 'o' || entry.k === 'p') && isPairs(entry.v)) {
        const into = entry.k === 'o' ? state.outputs : state.pages
        for (const [p, h] of entry.v) into.set(p, h)
      } else return null
    }
    return state
  } catch {
    return null
  } finally {
    fs.closeSync(fd)
  }
}

/** Removed at the start of a build, written at its end: a crashed build leaves no stale state. */
export function clearState(file: string): void {
  fs.rmSync(file, { force: true })
}

export function saveState(file: string, state: BuildState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const fd = fs.openSync(`${file}.tmp`, 'w')
  try {
    // Lines go out in chunks of about 1 MB: the whole state as one string would be the largest
    // allocation of the build (twice its size in memory for a file of Chinese text).
    let chunk: string[] = []
    let chars = 0
    const flush = () => {
      if (chunk.length) fs.writeSync(fd, chunk.join(''), null, ENCODING)
      chunk = []
      chars = 0
    }
    const line = (value: unknown) => {
      const text = `${JSON.stringify(value)}\n`
      chunk.push(text)
      chars += text.length
      if (chars >= 1 << 20) flush()
    }
    line({ version: state.version, settings: state.settings })
    for (let i = 0; i < state.inputs.length; i += 200)
      line({ k: 'i', v: state.inputs.slice(i, i + 200).map(toRow) })
    for (const [k, map] of [
      ['o', state.outputs],
      ['p', state.pages],
    ] as const) {
      let pairs: [string, string][] = []
      for (const pair of map) {
        // Content files' hashes are kept with their input (InputState.contentHash).
        if (k === 'o' && pair[0].startsWith('content/')) continue
        pairs.push(pair)
        if (pairs.length === 1000) {
          line({ k, v: pairs })
          pairs = []
        }
      }
      if (pairs.length) line({ k, v: pairs })
    }
    flush()
  } finally {
    fs.closeSync(fd)
  }
  fs.renameSync(`${file}.tmp`, file)
}

/**
 * Reads a file a line at a time through one 1 MB buffer: the state of a 100,000-post archive is
 * about 90 MB, which must not sit in memory next to the objects parsed from it.
 */
function lineReader(fd: number): () => string | null {
  let buf = Buffer.allocUnsafe(1 << 20)
  let start = 0
  let end = 0
  let eof = false
  /** The next newline code unit at or after `start` (an even offset) before `end`, else -1. */
  const newline = () => {
    for (let i = buf.indexOf(NEWLINE, start); i >= 0 && i < end; i = buf.indexOf(NEWLINE, i + 1))
      if ((i - start) % 2 === 0) return i
    return -1
  }
  return () => {
    for (;;) {
      const nl = newline()
      if (nl >= 0) {
        const line = buf.toString(ENCODING, start, nl)
        start = nl + 2
        return line
      }
      if (eof) {
        if (start >= end) return null
        const line = buf.toString(ENCODING, start, end)
        start = end
        return line
      }
      // Move the partial line to the front (growing the buffer for a line longer than it), refill.
      if (start > 0) {
        buf.copy(buf, 0, start, end)
        end -= start
        start = 0
      } else if (end === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2)
        buf.copy(bigger, 0, 0, end)
        buf = bigger
      }
      const n = fs.readSync(fd, buf, end, buf.length - end, null)
      if (n === 0) eof = true
      end += n
    }
  }
}
