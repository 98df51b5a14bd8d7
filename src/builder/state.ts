// The incremental build's memory, kept in --out/.build-state.json: per input file its size, mtime,
// hash and parsed metadata (never the body), the hash of every file the build wrote, and the
// fingerprint of every list page. One JSON value per line, written and read a line at a time, so
// a 100,000-post state never becomes one giant string in memory.
import fs from 'node:fs'
import path from 'node:path'
import * as v from 'valibot'
import { STATE_FILE } from './output.ts'

export const STATE_VERSION = 2

const MetaSchema = v.object({
  slug: v.string(),
  title: v.string(),
  summary: v.string(),
  date: v.string(),
  epochMs: v.number(),
  tags: v.array(v.string()),
  category: v.string(),
  externalUrl: v.optional(v.string()),
  readingMinutes: v.number(),
})

const InputStateSchema = v.object({
  file: v.string(),
  size: v.number(),
  mtimeMs: v.number(),
  hash: v.string(),
  /** Set when imported: the id its content file was written under. */
  id: v.optional(v.string()),
  meta: v.optional(MetaSchema),
  reason: v.optional(v.string()),
  warnings: v.array(v.string()),
})
export type InputState = v.InferOutput<typeof InputStateSchema>

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
const PairSchema = v.tuple([v.string(), v.string()])
const LineSchema = v.variant('k', [
  v.object({ k: v.literal('i'), v: InputStateSchema }),
  v.object({ k: v.literal('o'), v: v.array(PairSchema) }),
  v.object({ k: v.literal('p'), v: v.array(PairSchema) }),
])

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
      const entry = v.parse(LineSchema, JSON.parse(line))
      if (entry.k === 'i') state.inputs.push(entry.v)
      else {
        const into = entry.k === 'o' ? state.outputs : state.pages
        for (const [p, h] of entry.v) into[p] = h
      }
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
    for (const input of state.inputs) line({ k: 'i', v: input })
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
