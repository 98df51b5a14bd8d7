// React access to read marks: components subscribe through useSyncExternalStore and derive counts
// while rendering, so nothing is copied into component state.
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import { useUnreadOnly } from './list-helpers.ts'
import { ReadMarks, readMarksStore, setRead, type Markable } from './read-marks-store.ts'
import { useMarkReadMode } from './read-settings.ts'

const EMPTY = new ReadMarks(new Map())
const serverSnapshot = () => EMPTY

export function useReadMarks(): ReadMarks {
  return useSyncExternalStore(readMarksStore.subscribe, readMarksStore.getSnapshot, serverSnapshot)
}

export function useIsRead(id: string): boolean {
  return useSyncExternalStore(
    readMarksStore.subscribe,
    () => readMarksStore.getSnapshot().isRead(id),
    () => false,
  )
}

/** Unread articles among those given (a loaded list). */
export function useUnreadCount(items: readonly Markable[]): number {
  const marks = useReadMarks()
  return useMemo(
    () => items.reduce((n, it) => (marks.isRead(it.id) ? n : n + 1), 0),
    [items, marks],
  )
}

/**
 * Unread count of a category from its size in categories.json minus the read marks stored with
 * that category, so the directory needs no category page.
 */
export function unreadInCategory(marks: ReadMarks, slug: string, total: number): number {
  return Math.max(0, total - marks.readInCategory(slug))
}

/** Marks an opened article read, when the reader's setting says opening does it. */
export function useMarkReadOnOpen(item: Markable | null | undefined) {
  const mode = useMarkReadMode()
  const id = item?.id
  const category = item?.category ?? null
  useEffect(() => {
    // Opening is an event in the outside world (navigation), not derived state.
    if (mode === 'open' && id !== undefined) setRead([{ id, category }], true)
  }, [mode, id, category])
}

/**
 * The list filter of ?unread=1, or undefined when the switch is off. It hides what was read when
 * the list was opened (or the switch turned on); articles read while reading the list stay in
 * place until the reader leaves, so scrolling past or marking never pulls the list from under them.
 */
export function useUnreadFilter(view: string): ((article: Markable) => boolean) | undefined {
  const on = useUnreadOnly()
  const key = on ? view : null
  const [baseline, setBaseline] = useState(() => ({ key, marks: readMarksStore.getSnapshot() }))
  if (baseline.key !== key) setBaseline({ key, marks: readMarksStore.getSnapshot() })
  return useMemo(() => {
    const { key: k, marks } = baseline
    return k === null ? undefined : (article: Markable) => !marks.isRead(article.id)
  }, [baseline])
}
