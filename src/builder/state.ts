// The incremental build's memory, kept in --out/.build-state.ndjson: per input file its size, mtime,
// hash and parsed metadata (never the body), the hash of every file the build wrote, and the
// fingerprint of every list page. One JSON value per line, written and read a line at a time, so
// a 100,000-post state never becomes one giant string in memory.
import fs from 'node:fs'
import path from 'node:path'
import * as v from 'valibot'
import { STATE_FILE } from './output.ts'
import type { PostMeta } from './post.ts'

export const STATE_VERSION = 2

/** What the last build learned of one input file. */
export type InputState = {
  file: string
  size: number
  mtimeMs: number
  hash: string
  /** Set when imported: the id its content file was written under. */
  id?: string
  meta?: PostMeta
  reason?: string
  warnings: string[]
}

export type BuildState = {
  version: typeof STATE_VERSION
  /** Everything besides the input that shapes the output (options, builder version). */
  settings: string
  inputs: InputState[]
  /** Bundle path → hash of the bytes written. */
  outputs: Record<string, string>
  /** List page path → fingerprint of everything its bytes depend on (see bundle.ts). */
  pages: Record<string, string>
}

const HeaderSchema = v.object({ version: v.literal(STATE_VERSION), settings: v.string() })

/**
 * A cheap shape check per line instead of a schema pass: the state is the builder's own cache
 * (a damaged one only costs a full rebuild), and 100,000 schema checks would take a third of an
 * incremental build. Anything unexpected makes the whole state unusable.
 */
function isInput(x: unknown): x is InputState {
  if (typeof x !== 'object' || x === null) return false
  const i = x as Record<string, unknown>
  if (typeof i.file !== 'string' || typeof i.size !== 'number' || typeof i.mtimeMs !== 'number')
    return false
  if (typeof i.hash !== 'string' || !Array.isArray(i.warnings)) return false
  if (i.meta === undefined) return i.id === undefined
  const m = i.meta as Record<string, unknown>
  return (
    typeof i.id === 'string' &&
    typeof m === 'object' &&
    m !== null &&
    typeof m.slug === 'string' &&
    typeof m.title === 'string' &&
    typeof m.summary === 'string' &&
    typeof m.date === 'string' &&
    typeof m.epochMs === 'number' &&
    typeof m.category === 'string' &&
    typeof m.readingMinutes === 'number' &&
    Array.isArray(m.tags)
  )
}

const isPairs = (x: unknown): x is [string, string][] =>
  Array.isArray(x) &&
  x.every((p) => Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'string')

/** The previous build's state, or null when there is none, it is damaged, or has other settings. */
export function loadState(outDir: string, settings: string): BuildState | null {
  let buf: Buffer
  try {
    buf = fs.readFileSync(path.join(outDir, STATE_FILE))
  } catch {
    return null
  }
  try {
    let start = 0
    const next = (): string | null => {
      if (start >= buf.length) return null
      let end = buf.indexOf(10, start)
      if (end < 0) end = buf.length
      const line = buf.toString('utf8', start, end)
      start = end + 1
      return line
    }
    const header = v.parse(HeaderSchema, JSON.parse(next() ?? 'null'))
    if (header.settings !== settings) return null
    const state: BuildState = {
      version: STATE_VERSION,
      settings,
      inputs: [],
      outputs: {},
      pages: {},
    }
    for (let line = next(); line !== null; line = next()) {
      if (line === '') continue
      const entry = JSON.parse(line) as { k?: unknown; v?: unknown }
      if (entry.k === 'i') {
        if (!Array.isArray(entry.v) || !entry.v.every(isInput)) return null
        for (const input of entry.v) state.inputs.push(input)
      } else if ((entry.k === 'o' || entry.k === 'p') && isPairs(entry.v)) {
        const into = entry.k === 'o' ? state.outputs : state.pages
        for (const [p, h] of entry.v) into[p] = h
      } else return null
    }
    return state
  } catch {
    return null
  }
}

/** Removed at the start of a build, written at its end: a crashed build leaves no stale state. */
export function clearState(outDir: string): void {
  fs.rmSync(path.join(outDir, STATE_FILE), { force: true })
}

export function saveState(outDir: string, state: BuildState): void {
  const file = path.join(outDir, STATE_FILE)
  const fd = fs.openSync(`${file}.tmp`, 'w')
  try {
    let chunk: string[] = []
    const flush = () => {
      if (chunk.length) fs.writeSync(fd, chunk.join(''))
      chunk = []
    }
    const line = (value: unknown) => {
      chunk.push(`${JSON.stringify(value)}\n`)
      if (chunk.length >= 1000) flush()
    }
    line({ version: state.version, settings: state.settings })
    for (let i = 0; i < state.inputs.length; i += 200)
      line({ k: 'i', v: state.inputs.slice(i, i + 200) })
    for (const [k, record] of [
      ['o', state.outputs],
      ['p', state.pages],
    ] as const) {
      let pairs: [string, string][] = []
      for (const pair of Object.entries(record)) {
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
