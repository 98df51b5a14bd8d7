// The reader's read marks: one synced store. Lookups go through in-memory Maps: a large base that is
// shared between states and a small overlay of recent changes, so a toggle never copies 100,000
// entries and a list page's lookups never decode anything.
import { createSyncedStore } from '../../lib/storage/synced-store.ts'
import {
  decodeReadMarks,
  encodeReadMarks,
  markKey,
  wins,
  type ReadMark,
} from './read-marks-codec.ts'

/** What a read mark needs to know about an article. */
export type Markable = { id: string; category?: string | null }

/** Past this many overlaid changes the overlay is folded into a new base. */
const OVERLAY_LIMIT = 4_096
const NONE: ReadonlyMap<string, ReadMark> = new Map()

/** An immutable set of read marks (a new object per change, for useSyncExternalStore). */
export class ReadMarks {
  private byCategory: Map<string, number> | null = null
  readonly size: number

  constructor(
    private readonly base: ReadonlyMap<string, ReadMark>,
    private readonly overlay: ReadonlyMap<string, ReadMark> = NONE,
  ) {
    let size = base.size
    for (const k of overlay.keys()) if (!base.has(k)) size++
    this.size = size
  }

  get(key: string): ReadMark | undefined {
    return this.overlay.get(key) ?? this.base.get(key)
  }

  isRead(id: string): boolean {
    return this.get(markKey(id))?.read === true
  }

  *[Symbol.iterator](): Iterator<[string, ReadMark]> {
    for (const e of this.base) if (!this.overlay.has(e[0])) yield e
    yield* this.overlay
  }

  /** A new state with `changes` applied on top. */
  with(changes: ReadonlyMap<string, ReadMark>): ReadMarks {
    if (changes.size === 0) return this
    let next: ReadMarks
    if (this.overlay.size + changes.size > OVERLAY_LIMIT) {
      const base = new Map(this.base)
      for (const [k, m] of this.overlay) base.set(k, m)
      for (const [k, m] of changes) base.set(k, m)
      next = new ReadMarks(base)
    } else {
      const overlay = new Map(this.overlay)
      for (const [k, m] of changes) overlay.set(k, m)
      next = new ReadMarks(this.base, overlay)
    }
    if (this.byCategory) {
      // Carry the counts forward instead of recounting 100,000 marks.
      const counts = new Map(this.byCategory)
      const bump = (m: ReadMark | undefined, d: number) => {
        if (m?.read && m.c !== null) counts.set(m.c, (counts.get(m.c) ?? 0) + d)
      }
      for (const [k, m] of changes) {
        bump(this.get(k), -1)
        bump(m, 1)
      }
      next.byCategory = counts
    }
    return next
  }

  /** Read marks per category slug (for unread counts of categories whose pages are not loaded). */
  readInCategory(slug: string): number {
    if (!this.byCategory) {
      const counts = new Map<string, number>()
      for (const [, m] of this) {
        if (m.read && m.c !== null) counts.set(m.c, (counts.get(m.c) ?? 0) + 1)
      }
      this.byCategory = counts
    }
    return this.byCategory.get(slug) ?? 0
  }
}

/** Read marks keep time in ten-minute ticks: fine enough for pruning, cheap to store. */
export const TICK_MS = 600_000
const nowTicks = () => Math.floor(Date.now() / TICK_MS)

/** Joins two tabs' marks entry by entry, last writer wins (commutative, idempotent). */
export function mergeMarks(local: ReadMarks, incoming: ReadMarks): ReadMarks {
  const changes = new Map<string, ReadMark>()
  for (const [k, m] of incoming) {
    const l = local.get(k)
    if (!l || (wins(m, l) && (l.t !== m.t || l.read !== m.read || l.c !== m.c))) changes.set(k, m)
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

/** Marks articles read or unread; returns the same state when nothing changes. */
export function withRead(
  state: ReadMarks,
  items: readonly Markable[],
  read: boolean,
  now = nowTicks(),
): ReadMarks {
  const changes = new Map<string, ReadMark>()
  for (const item of items) {
    const key = markKey(item.id)
    const prev = changes.get(key) ?? state.get(key)
    if (prev ? prev.read === read : !read) continue
    changes.set(key, {
      read,
      t: prev && prev.t >= now ? prev.t + 1 : now,
      c: item.category ?? prev?.c ?? null,
    })
  }
  return state.with(changes)
}

export function setRead(items: readonly Markable[], read: boolean) {
  readMarksStore.update((s) => withRead(s, items, read))
}
