// The read phase's first step in an incremental build: each input matched with the last build's
// row of the same file, from one lstat of each (./stat-many.ts), to parse it or reuse that row.
import { contentPath } from './bundle.ts'
import { DUPLICATE, IMPORTED, SKIPPED } from './catalog.ts'
import { copyDigest, hasDigest } from './digest.ts'
import { MAX_POST_BYTES } from './post.ts'
import type { ReadContext } from './read-phase.ts'
import { SYMLINK_REASON, tooLarge } from './read-post.ts'
import { FAILED, FILE, LINK, MISSING, lstatAll } from './stat-many.ts'
import { inputPath } from './site.ts'
import { savedFolder, type BuildState } from './state.ts'

/** What the read phase does with an input, decided from its lstat and the last build's row. */
export const PARSE = 0
export const REUSE = 1
export const REUSE_SKIP = 2

export type Matches = {
  action: Uint8Array
  /** The last build's row of the same file, or -1. */
  row: Int32Array
}

/** Each input: to parse, or the last build's row (or skip) to reuse; lstat's reasons to skip. */
export function matchPrevious(ctx: ReadContext, prev: BuildState | null): Matches {
  const { inputs } = ctx.listing
  const m: Matches = {
    action: new Uint8Array(inputs.count),
    row: new Int32Array(inputs.count).fill(-1),
  }
  const saved = ctx.site.folders.map((f) => savedFolder(prev, f))
  // Inputs with something to compare are lstat'ed first, all at once (./stat-many.ts), or with
  // the thread that listed them (./list-ahead.ts); a clean build's posts are opened without
  // following links and fstat'ed anyway (readPost).
  const pathOf = (i: number) => inputPath(ctx.site, inputs, i)
  const ahead = saved.some(Boolean) ? ctx.listing.ahead?.stats(pathOf) : null
  ctx.listing.ahead?.stop()
  const at = new Int32Array(inputs.count).fill(-1)
  const paths: string[] = []
  for (let i = 0; i < inputs.count; i++) {
    if (inputs.status[i] === DUPLICATE) continue
    if (!saved[inputs.folder[i] as number] && inputs.ids[i] !== undefined) continue
    at[i] = ahead ? i : paths.length
    if (!ahead) paths.push(pathOf(i))
  }
  const stats = ahead ?? lstatAll(paths)
  let folder = -1
  let j = 0
  for (let i = 0; i < inputs.count; i++) {
    const k = inputs.folder[i] as number
    if (k !== folder) {
      folder = k
      j = saved[k]?.start ?? 0
    }
    const s = at[i] as number
    if (s < 0) continue // a duplicate (with its reason), or a clean build's post
    const kind = stats.kind[s]
    const size = stats.size[s] as number
    if (kind !== MISSING && kind !== FAILED) {
      inputs.size[i] = size
      inputs.mtimeMs[i] = stats.mtimeMs[s] as number
    }
    const reason =
      kind === FAILED
        ? `unreadable: ${stats.errors.get(s)}`
        : kind === MISSING
          ? 'unreadable: ENOENT'
          : kind === LINK
            ? SYMLINK_REASON
            : kind !== FILE
              ? 'not a regular file'
              : inputs.ids[i] === undefined
                ? 'not a post: not a Markdown or HTML file'
                : size > MAX_POST_BYTES
                  ? tooLarge(size)
                  : undefined
    if (reason !== undefined) inputs.reasons.set(i, reason)
    const from = saved[k]
    if (reason !== undefined || !prev || !from) continue
    // Both lists are sorted the same way within a folder: one walk in step replaces a map.
    const name = inputs.names[i] as string
    const names = prev.inputs.names
    const end = from.start + from.count
    while (j < end && (names[j] as string) < name) j++
    if (j >= end || names[j] !== name) continue
    m.row[i] = j
    const p = prev.inputs
    if (p.size[j] !== inputs.size[i] || p.mtimeMs[j] !== inputs.mtimeMs[i]) continue
    if (p.status[j] === SKIPPED && hasDigest(p.hash, j)) {
      m.action[i] = REUSE_SKIP
      copyDigest(inputs.hash, i, p.hash, j)
      inputs.reasons.set(i, p.reasons.get(j) ?? 'skipped')
      const w = p.warnings.get(j)
      if (w) inputs.warnings.set(i, w)
    } else if (p.status[j] === IMPORTED && reusable(ctx, prev, j, i)) m.action[i] = REUSE
  }
  return m
}

/** Whether the previous article of input row `j` is still this input's article as it stands. */
export function reusable(ctx: ReadContext, prev: BuildState, j: number, i: number): boolean {
  const a = prev.inputs.article[j] as number
  const id = ctx.listing.inputs.ids[i] as string
  if (a < 0 || prev.articles.ids[a] !== id) return false
  return ctx.distrust.size === 0 || !ctx.distrust.has(contentPath(id))
}
