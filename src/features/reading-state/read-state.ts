// What is read, as the reader sees it: an article's own mark when it is newer than the cut-offs
// that cover it, else whether a cut-off covers it. Unread counts of whole lists: the list's size in
// the bundle, minus what its latest counting cut-off held as read, minus what marks made since
// then add. All articles split into categories, so with a directory the latest list's count is
// their sum. (docs/reading-state.md has the model and where it is approximate.)
import { markKey, type ReadMark } from './read-marks-codec.ts'
import {
  cutoffKey,
  isLive,
  latestCutoffTime,
  type Cutoff,
  type CutoffEntry,
  type Cutoffs,
  stamp,
} from './read-cutoffs.ts'
import {
  nowTicks,
  type MarkContext,
  type Markable,
  type ReadMarks,
  type TallyScope,
} from './read-marks-store.ts'

export type ReadState = { marks: ReadMarks; cuts: Cutoffs }
export type Totals = {
  total: number
  categories?: readonly { slug: string; count: number }[]
  /** Every tag's size (for a tag's cut-off, which counts its articles' other tags too). */
  tags?: readonly { name: string; count: number }[]
}

const covers = (c: { before: number }, item: Markable) =>
  item.publishedMs === null || item.publishedMs === undefined || item.publishedMs <= c.before

/**
 * A tag's share of the latest "all articles" cut-off, counted on the tag's page: it is only ever
 * used to count, never to tell what is read, and only while that cut-off stands.
 */
export const projectionKey = (tag: string) => `p:${tag}`

/** The latest cut-off that covers the article: of all articles, its category or one of its tags. */
export function coveringCutoff(cuts: Cutoffs, item: Markable): Cutoff | null {
  let best: Cutoff | null = null
  const consider = (key: string) => {
    const e = cuts.get(key)
    if (isLive(e) && covers(e, item) && (!best || stamp(e) > stamp(best))) best = e
  }
  consider('all')
  if (item.category) consider(`c:${item.category}`)
  for (const tag of item.tags ?? []) consider(`t:${tag}`)
  return best
}

export function isArticleRead(state: ReadState, item: Markable): boolean {
  const mark = state.marks.markOf(item.id)
  const cut = coveringCutoff(state.cuts, item)
  if (mark && (!cut || mark.t > stamp(cut))) return mark.read
  return cut !== null || (mark?.read ?? false)
}

function validProjection(cuts: Cutoffs, tag: string): Cutoff | null {
  const p = cuts.get(projectionKey(tag))
  const all = cuts.get('all')
  return isLive(p) && isLive(all) && stamp(all) === p.t && all.before === p.before ? p : null
}

/** A counting cut-off: its time, the read count it held, and which articles it covers. */
type Counting = { key: string; t: number; read: number; before: number }

/**
 * The cut-off a list's unread count starts from, with the read count it held for that list: the
 * list's own, or the latest that counted it in passing (all articles and tags count categories).
 */
export function countingCutoff(cuts: Cutoffs, scope: TallyScope): Counting | null {
  const key = cutoffKey(scope)
  const own = cuts.get(key)
  let best: Counting | null = isLive(own)
    ? { key, t: stamp(own), read: own.read, before: own.before }
    : null
  const consider = (k: string, c: Cutoff | null, read: number | undefined) => {
    if (c && read !== undefined && (!best || stamp(c) > best.t))
      best = { key: k, t: stamp(c), read, before: c.before }
  }
  if (scope.kind === 'category')
    for (const [k, e] of cuts)
      if (isLive(e) && !k.startsWith('p:')) consider(k, e, e.parts?.[scope.slug])
  if (scope.kind === 'tag') {
    const p = validProjection(cuts, scope.tag)
    consider(projectionKey(scope.tag), p, p?.read)
    for (const [k, e] of cuts)
      if (isLive(e) && k.startsWith('t:')) consider(k, e, e.tags?.[scope.tag])
  }
  return best
}

/** Unread articles of a whole list of `totals.total` (with the directory: the sum of categories). */
export function unreadCount(
  state: ReadState,
  scope: TallyScope,
  total: number,
  categories?: Totals['categories'],
): number {
  if (scope.kind === 'all' && categories && categories.length > 0) {
    let sum = 0
    for (const c of categories)
      sum += unreadCount(state, { kind: 'category', slug: c.slug }, c.count)
    return sum
  }
  const cut = countingCutoff(state.cuts, scope)
  const read = (cut?.read ?? 0) + state.marks.sumAfter(scope, cut?.t ?? -Infinity)
  return Math.min(total, Math.max(0, total - read))
}

/**
 * A tag's count can start only from its own cut-off: when all articles were marked read after it,
 * the tag's share of that is counted from its list first (the projection).
 */
export function tagNeedsProjection(cuts: Cutoffs, tag: string): Cutoff | null {
  const all = cuts.get('all')
  if (!isLive(all)) return null
  const counting = countingCutoff(cuts, { kind: 'tag', tag })
  return counting && counting.t >= stamp(all) ? null : all
}

/**
 * The cut-off that marks a whole list read up to `until` (a time that only moves forward). What
 * it holds as read is the list's size minus its articles still unread after it; `loaded` holds at
 * least every one of those (for all articles and categories: those newer than it; for a tag, the
 * whole tag). It also holds the read count it leaves each category (see countingCutoff).
 */
export function cutoffFor(
  state: ReadState,
  scope: TallyScope,
  totals: Totals,
  loaded: readonly Markable[],
  until: number,
): Cutoff {
  const own = state.cuts.get(cutoffKey(scope))
  const before = isLive(own) ? Math.max(own.before, until) : until
  const unreadAfter = loaded.filter((a) => !covers({ before }, a) && !isArticleRead(state, a))
  const cut: Cutoff = {
    before,
    t: Math.max(nowTicks(), state.marks.maxT + 1, latestCutoffTime(state.cuts) + 1),
    read: Math.max(0, totals.total - unreadAfter.length),
  }
  const parts: Record<string, number> = {}
  if (scope.kind === 'all')
    for (const c of totals.categories ?? [])
      parts[c.slug] = Math.max(0, c.count - unreadAfter.filter((a) => a.category === c.slug).length)
  if (scope.kind === 'tag') {
    // Its articles count in their categories and other tags too: what becomes read there now.
    const becomeRead = loaded.filter((a) => covers({ before }, a) && !isArticleRead(state, a))
    const passing = (list: Totals['categories'] | Totals['tags'], kind: 'category' | 'tag') => {
      const out: Record<string, number> = {}
      for (const x of list ?? []) {
        const name = 'slug' in x ? x.slug : x.name
        if (kind === 'tag' && name === scope.tag) continue
        const member = (a: Markable) =>
          kind === 'category' ? a.category === name : (a.tags ?? []).includes(name)
        if (!loaded.some(member)) continue
        const s: TallyScope = kind === 'category' ? { kind, slug: name } : { kind, tag: name }
        const readNow = x.count - unreadCount(state, s, x.count)
        out[name] = Math.min(x.count, readNow + becomeRead.filter(member).length)
      }
      return out
    }
    Object.assign(parts, passing(totals.categories, 'category'))
    const tags = passing(totals.tags, 'tag')
    if (Object.keys(tags).length > 0) cut.tags = tags
  }
  if (Object.keys(parts).length > 0) cut.parts = parts
  return cut
}

/**
 * A tag's share of the "all articles" cut-off `all`, as it stood then: the tag's size minus its
 * articles unread at that time. `loaded` holds the tag's articles newer than the cut-off; an
 * article marked since counts as its mark says the cut-off held it (its `cov`).
 */
export function projectionFor(
  state: ReadState,
  tag: string,
  total: number,
  loaded: readonly Markable[],
  all: Cutoff,
): Cutoff {
  const loadedKeys = new Set<string>()
  let unread = 0
  for (const a of loaded) {
    if (!(a.tags ?? []).includes(tag)) continue
    const key = markKey(a.id)
    if (loadedKeys.has(key)) continue
    loadedKeys.add(key)
    const m = state.marks.get(key)
    const heldRead =
      m && m.t > stamp(all) ? m.cov === true : covers(all, a) || isArticleRead(state, a)
    if (!heldRead) unread++
  }
  for (const [key, m] of state.marks)
    if (m.t > stamp(all) && !m.cov && !loadedKeys.has(key) && (m.g ?? []).includes(tag)) unread++
  return { before: all.before, t: stamp(all), read: Math.max(0, total - unread) }
}

/** The context a mark is made in: what the article reads as now, and its list's counting cut-off. */
export function markContext(state: ReadState): MarkContext {
  return (item, prev: ReadMark | undefined) => {
    const scope: TallyScope = item.category
      ? { kind: 'category', slug: item.category }
      : { kind: 'all' }
    const cut = countingCutoff(state.cuts, scope)
    const readNow = isArticleRead(state, item)
    // Whether the cut-off's count held it read: what it reads as now, unless marked since.
    const covered = prev && cut && prev.t > cut.t ? prev.cov === true : readNow
    return { readNow, cut: cut && { t: cut.t, covered }, after: latestCutoffTime(state.cuts) }
  }
}

/**
 * Takes back a cut-off of list `scope` right after it was made: `previous` (or none) is put back,
 * written anew so every tab takes the undo, standing where it stood among the marks.
 */
export function undoCutoff(
  state: ReadState,
  scope: TallyScope,
  previous: CutoffEntry | undefined,
): ReadState {
  const t = Math.max(nowTicks(), state.marks.maxT + 1, latestCutoffTime(state.cuts) + 1)
  const entry: CutoffEntry = isLive(previous)
    ? { ...previous, t, at: stamp(previous) }
    : { removed: true, t }
  return { ...state, cuts: new Map(state.cuts).set(cutoffKey(scope), entry) }
}
