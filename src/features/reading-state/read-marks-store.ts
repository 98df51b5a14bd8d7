// The reader's read marks: one synced store. Lookups go through in-memory Maps: a large base that is
// shared between states and a small overlay of recent changes, so a toggle never copies 100,000
// entries and a list page's lookups never decode anything. Per-list tallies (what the marks add to a
// list's read count) are built once and carried forward change by change.
import { createSyncedStore } from '../../lib/storage/synced-store.ts'
import {
  decodeReadMarks,
  encodeReadMarks,
  markKey,
  wins,
  type ReadMark,
} from './read-marks-codec.ts'

/** What a read mark needs to know about an article. */
export type Markable = {
  id: string
  category?: string | null
  tags?: readonly string[]
  publishedMs?: number | null
}

/** A list whose read count the marks add to: all articles, one category, one tag. */
export type TallyScope =
  { kind: 'all' } | { kind: 'category'; slug: string } | { kind: 'tag'; tag: string }

/** Past this many overlaid changes the overlay is folded into a new base. */
const OVERLAY_LIMIT = 4_096
const NONE: ReadonlyMap<string, ReadMark> = new Map()

/**
 * What a mark adds to its lists' read counts beyond a cut-off's own count: a read article the
 * cut-off had not counted adds one, an unread one it had counted takes one away.
 */
export function markDelta(m: ReadMark): number {
  if (m.read) return m.cov ? 0 : 1
  return m.cov ? -1 : 0
}

type Entry = { t: number; d: number }
type Tally = Map<string, Map<string, Entry>>

const tallyKeys = (m: ReadMark): string[] => [
  '*',
  ...(m.c === null ? [] : [`c:${m.c}`]),
  ...(m.g ?? []).map((g) => `t:${g}`),
]
const scopeKey = (s: TallyScope) =>
  s.kind === 'all' ? '*' : s.kind === 'category' ? `c:${s.slug}` : `t:${s.tag}`

function addToTally(tally: Tally, key: string, m: ReadMark, copied?: Set<string>) {
  const d = markDelta(m)
  for (const k of tallyKeys(m)) {
    let inner = tally.get(k)
    if (copied && !copied.has(k)) {
      inner = new Map(inner)
      tally.set(k, inner)
      copied.add(k)
    } else if (!inner) {
      inner = new Map()
      tally.set(k, inner)
    }
    if (d === 0) inner.delete(key)
    else inner.set(key, { t: m.t, d })
  }
}

/** An immutable set of read marks (a new object per change, for useSyncExternalStore). */
export class ReadMarks {
  private tally: Tally | null = null
  readonly size: number
  /** The latest change time of any mark (a cut-off made now is later than all of them). */
  readonly maxT: number

  constructor(
    private readonly base: ReadonlyMap<string, ReadMark>,
    private readonly overlay: ReadonlyMap<string, ReadMark> = NONE,
    maxT?: number,
  ) {
    let size = base.size
    for (const k of overlay.keys()) if (!base.has(k)) size++
    this.size = size
    if (maxT === undefined) {
      maxT = 0
      for (const [, m] of this) if (m.t > maxT) maxT = m.t
    }
    this.maxT = maxT
  }

  get(key: string): ReadMark | undefined {
    return this.overlay.get(key) ?? this.base.get(key)
  }

  /** The mark of an article, if it has one. */
  markOf(id: string): ReadMark | undefined {
    return this.get(markKey(id))
  }

  *[Symbol.iterator](): Iterator<[string, ReadMark]> {
    for (const e of this.base) if (!this.overlay.has(e[0])) yield e
    yield* this.overlay
  }

  /** A new state with `changes` applied on top. */
  with(changes: ReadonlyMap<string, ReadMark>): ReadMarks {
    if (changes.size === 0) return this
    let maxT = this.maxT
    for (const m of changes.values()) if (m.t > maxT) maxT = m.t
    let next: ReadMarks
    if (this.overlay.size + changes.size > OVERLAY_LIMIT) {
      const base = new Map(this.base)
      for (const [k, m] of this.overlay) base.set(k, m)
      for (const [k, m] of changes) base.set(k, m)
      next = new ReadMarks(base, NONE, maxT)
    } else {
      const overlay = new Map(this.overlay)
      for (const [k, m] of changes) overlay.set(k, m)
      next = new ReadMarks(this.base, overlay, maxT)
    }
    if (this.tally) {
      // Carry the tallies forward, copying only the lists a change touches.
      const tally: Tally = new Map(this.tally)
      const copied = new Set<string>()
      for (const [k, m] of changes) {
        const prev = this.get(k)
        if (prev) for (const key of tallyKeys(prev)) removeFrom(tally, key, k, copied)
        addToTally(tally, k, m, copied)
      }
      next.tally = tally
    }
    return next
  }

  /** What the marks made after `after` add to the read count of a list (see markDelta). */
  sumAfter(scope: TallyScope, after: number): number {
    if (!this.tally) {
      const tally: Tally = new Map()
      for (const [k, m] of this) addToTally(tally, k, m)
      this.tally = tally
    }
    let sum = 0
    for (const e of this.tally.get(scopeKey(scope))?.values() ?? []) if (e.t > after) sum += e.d
    return sum
  }
}

function removeFrom(tally: Tally, key: string, markKeyToDrop: string, copied: Set<string>) {
  const inner = tally.get(key)
  if (!inner?.has(markKeyToDrop)) return
  if (!copied.has(key)) {
    const copy = new Map(inner)
    copy.delete(markKeyToDrop)
    tally.set(key, copy)
    copied.add(key)
  } else inner.delete(markKeyToDrop)
}

/** Read marks keep time in ten-minute ticks: fine enough for pruning, cheap to store. */
export const TICK_MS = 600_000
export const nowTicks = () => Math.floor(Date.now() / TICK_MS)

/** Joins two tabs' marks entry by entry, last writer wins (commutative, idempotent). */
export function mergeMarks(local: ReadMarks, incoming: ReadMarks): ReadMarks {
  const changes = new Map<string, ReadMark>()
  for (const [k, m] of incoming) {
    const l = local.get(k)
    if (!l || (wins(m, l) && JSON.stringify(m) !== JSON.stringify(l))) changes.set(k, m)
  }
  return local.with(changes)
}

/** Drops the oldest quarter (at least one) of all marks: room for what the reader does next. */
export function pruneOldest(state: ReadMarks): { value: ReadMarks; removed: number } | null {
  const all = [...state]
  if (!all.some(([, m]) => m.read)) return null
  all.sort((a, b) => a[1].t - b[1].t)
  const drop = Math.max(1, Math.ceil(all.length / 4))
  const removed = all.slice(0, drop).filter(([, m]) => m.read).length
  return { value: new ReadMarks(new Map(all.slice(drop))), removed }
}

export const readMarksStore = createSyncedStore<ReadMarks>({
  name: 'read-marks',
  version: 1,
  codec: {
    encode: encodeReadMarks,
    decode: (raw) => {
      const d = decodeReadMarks(raw)
      return { value: new ReadMarks(d.value), complete: d.complete }
    },
  },
  empty: () => new ReadMarks(new Map()),
  merge: mergeMarks,
  prune: pruneOldest,
  // Scrolling marks many articles in a row: one save for a burst. Leaving the page flushes it.
  writeDelayMs: 300,
})

/**
 * What the read-up-to cut-offs say of an article as it is marked: whether it reads as read now, and
 * the cut-off that counts its list's read articles, if any (its time, and whether its count took
 * the article as read).
 */
export type MarkContext = (
  item: Markable,
  prev: ReadMark | undefined,
) => { readNow: boolean; cut: { t: number; covered: boolean } | null; after: number }

const noCutoffs: MarkContext = (_item, prev) => ({
  readNow: prev?.read ?? false,
  cut: null,
  after: 0,
})

/** Marks articles read or unread; returns the same state when nothing changes. */
export function withRead(
  state: ReadMarks,
  items: readonly Markable[],
  read: boolean,
  now = nowTicks(),
  context: MarkContext = noCutoffs,
): ReadMarks {
  const changes = new Map<string, ReadMark>()
  for (const item of items) {
    const key = markKey(item.id)
    const prev = changes.get(key) ?? state.get(key)
    const { readNow, cut, after } = context(item, prev)
    if (readNow === read) continue
    // Later than the mark it replaces and than every cut-off: the reader's latest word.
    const t = Math.max(now, prev ? prev.t + 1 : 0, after + 1)
    const mark: ReadMark = { read, t, c: item.category ?? prev?.c ?? null }
    const tags = item.tags ?? prev?.g
    if (tags && tags.length > 0) mark.g = tags
    if (cut?.covered) mark.cov = true
    changes.set(key, mark)
  }
  return state.with(changes)
}
