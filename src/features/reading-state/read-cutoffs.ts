// Read-up-to cut-offs: "everything in this list published up to this time is read", one per list
// (all articles, a category, a tag), so marking a whole list read, pages not loaded included,
// stores one small record instead of an id per article. Each keeps how many of the list's articles
// it counted as read when it was made (and, for all articles, how many of each category), which is
// what unread counts start from. Synced across tabs like the marks: the later change wins per list.
import * as v from 'valibot'
import { createSyncedStore } from '../../lib/storage/synced-store.ts'
import { readWire } from '../../lib/storage/wire.ts'
import type { TallyScope } from './read-marks-store.ts'

export type Cutoff = {
  /** Articles published at or before this time (ms) are read; undated ones too. */
  before: number
  /** When it was written, in the marks' ten-minute ticks (a logical clock shared with them). */
  t: number
  /**
   * When it was made, where that is earlier than `t`: a cut-off put back by an undo is written
   * anew (so every tab takes it) but stands where it stood among the marks.
   */
  at?: number
  /** Articles of the list counted as read when it was made. */
  read: number
  /** The read count it left each category it counted in passing (all articles, a tag). */
  parts?: Readonly<Record<string, number>>
  /** The same for the other tags of a tag's articles. */
  tags?: Readonly<Record<string, number>>
}
/** A cut-off, or the record that one was taken back. */
export type CutoffEntry = Cutoff | { removed: true; t: number }
export type Cutoffs = ReadonlyMap<string, CutoffEntry>

export const cutoffKey = (scope: TallyScope): string =>
  scope.kind === 'all' ? 'all' : scope.kind === 'category' ? `c:${scope.slug}` : `t:${scope.tag}`

export const isLive = (e: CutoffEntry | undefined): e is Cutoff =>
  e !== undefined && !('removed' in e)

const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER))
const EntrySchema = v.union([
  v.object({
    k: v.pipe(v.string(), v.minLength(1), v.maxLength(400)),
    b: v.pipe(v.number(), v.finite()),
    t: count,
    r: count,
    a: v.optional(count),
    p: v.optional(v.record(v.string(), count)),
    g: v.optional(v.record(v.string(), count)),
  }),
  v.object({ k: v.pipe(v.string(), v.minLength(1), v.maxLength(400)), t: count, x: v.literal(1) }),
])
const WireSchema = v.object({ v: v.literal(1), cuts: v.array(v.unknown()) })

export function encodeCutoffs(cuts: Cutoffs): string {
  const list = [...cuts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return JSON.stringify({
    v: 1,
    cuts: list.map(([k, e]) =>
      isLive(e)
        ? {
            k,
            b: e.before,
            t: e.t,
            r: e.read,
            ...(e.parts && { p: e.parts }),
            ...(e.tags && { g: e.tags }),
          }
        : { k, t: e.t, x: 1 },
    ),
  })
}

/** Never throws: keeps every valid record of a damaged value and says it was incomplete. */
export function decodeCutoffs(raw: string): { value: Map<string, CutoffEntry>; complete: boolean } {
  const out = new Map<string, CutoffEntry>()
  const wire = readWire(raw, WireSchema)
  if (!wire) return { value: out, complete: false }
  let complete = true
  for (const item of wire.cuts) {
    const r = v.safeParse(EntrySchema, item)
    if (!r.success || out.has(r.output.k)) {
      complete = false
      continue
    }
    const e = r.output
    if ('x' in e) out.set(e.k, { removed: true, t: e.t })
    else
      out.set(e.k, {
        before: e.b,
        t: e.t,
        read: e.r,
        ...(e.a !== undefined && { at: e.a }),
        ...(e.p && { parts: e.p }),
        ...(e.g && { tags: e.g }),
      })
  }
  return { value: out, complete }
}

/** Whether `a` replaces `b`: the later change wins; a tie is settled the same way in every tab. */
function wins(a: CutoffEntry, b: CutoffEntry): boolean {
  if (a.t !== b.t) return a.t > b.t
  return JSON.stringify(a) > JSON.stringify(b)
}

export function mergeCutoffs(local: Cutoffs, incoming: Cutoffs): Cutoffs {
  let out: Map<string, CutoffEntry> | null = null
  for (const [k, e] of incoming) {
    const l = (out ?? local).get(k)
    if (l && (!wins(e, l) || JSON.stringify(e) === JSON.stringify(l))) continue
    out ??= new Map(local)
    out.set(k, e)
  }
  return out ?? local
}

export const cutoffsStore = createSyncedStore<Cutoffs>({
  name: 'read-cutoffs',
  version: 1,
  codec: { encode: encodeCutoffs, decode: decodeCutoffs },
  empty: () => new Map(),
  merge: mergeCutoffs,
})

/** Where a cut-off stands among the marks (see `at`). */
export const stamp = (c: Cutoff) => c.at ?? c.t

/** The latest change time of any cut-off. */
export function latestCutoffTime(cuts: Cutoffs): number {
  let t = 0
  for (const e of cuts.values()) if (e.t > t) t = e.t
  return t
}
