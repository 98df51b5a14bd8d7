// The incremental build's memory, kept in --out/.build-state.json: per input file its size, mtime,
// hash and parsed metadata (never the body), and the hash of every file the build wrote.
import fs from 'node:fs'
import path from 'node:path'
import * as v from 'valibot'
import { STATE_FILE } from './output.ts'

const STATE_VERSION = 1

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

const StateSchema = v.object({
  version: v.literal(STATE_VERSION),
  /** Everything besides the input that shapes the output (options, builder version). */
  settings: v.string(),
  inputs: v.array(InputStateSchema),
  outputs: v.record(v.string(), v.string()),
  /** List page path → fingerprint of everything its bytes depend on (see bundle.ts). */
  pages: v.record(v.string(), v.string()),
})
export type BuildState = v.InferOutput<typeof StateSchema>

/** The previous build's state, or null when there is none or it was made with other settings. */
export function loadState(outDir: string, settings: string): BuildState | null {
  try {
    const raw: unknown = JSON.parse(fs.readFileSync(path.join(outDir, STATE_FILE), 'utf8'))
    // Cheap checks first: a full schema pass over 100,000 entries costs more than it protects.
    if (typeof raw !== 'object' || raw === null) return null
    const head = v.safeParse(
      v.object({ version: v.literal(STATE_VERSION), settings: v.literal(settings) }),
      raw,
    )
    if (!head.success) return null
    const state = v.safeParse(StateSchema, raw)
    return state.success ? state.output : null
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
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(state))
  fs.renameSync(`${file}.tmp`, file)
}
