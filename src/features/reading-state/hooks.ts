// React access to what is read: components subscribe to the marks and cut-offs through
// useSyncExternalStore and derive counts while rendering, so nothing is copied into component
// state. setRead is the one way a mark is made.
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { useUnreadOnly } from './list-helpers.ts'
import { cutoffsStore, type Cutoffs } from './read-cutoffs.ts'
import { nowTicks, readMarksStore, ReadMarks, withRead, type Markable } from './read-marks-store.ts'
import { isArticleRead, markContext, type ReadState } from './read-state.ts'
import { useMarkReadMode } from './read-settings.ts'

const EMPTY_MARKS = new ReadMarks(new Map())
const EMPTY_CUTS: Cutoffs = new Map()

export function readStateNow(): ReadState {
  return { marks: readMarksStore.getSnapshot(), cuts: cutoffsStore.getSnapshot() }
}

export function useReadState(): ReadState {
  const marks = useSyncExternalStore(
    readMarksStore.subscribe,
    readMarksStore.getSnapshot,
    () => EMPTY_MARKS,
  )
  const cuts = useSyncExternalStore(
    cutoffsStore.subscribe,
    cutoffsStore.getSnapshot,
    () => EMPTY_CUTS,
  )
  return useMemo(() => ({ marks, cuts }), [marks, cuts])
}

export function useIsRead(item: Markable): boolean {
  return isArticleRead(useReadState(), item)
}

/** Marks articles read or unread, in the context of the cut-offs that cover them. */
export function setRead(items: readonly Markable[], read: boolean) {
  const cuts = cutoffsStore.getSnapshot()
  readMarksStore.update((marks) =>
    withRead(marks, items, read, nowTicks(), markContext({ marks, cuts })),
  )
}

/** Marks an opened article read, when the reader's setting says opening does it. */
export function useMarkReadOnOpen(item: Markable | null | undefined) {
  const mode = useMarkReadMode()
  const id = item?.id
  const latest = useRef(item)
  useEffect(() => {
    latest.current = item
  })
  useEffect(() => {
    // Opening is an event in the outside world (navigation), not derived state.
    if (mode === 'open' && id !== undefined && latest.current) setRead([latest.current], true)
  }, [mode, id])
}

/**
 * The list filter of ?unread=1, or undefined when the switch is off. It hides what was read when
 * the list was opened (or the switch turned on); articles read while reading the list stay in
 * place until the reader leaves, so scrolling past or marking never pulls the list from under them.
 */
export function useUnreadFilter(view: string): ((item: Markable) => boolean) | undefined {
  const on = useUnreadOnly()
  const key = on ? view : null
  const [baseline, setBaseline] = useState(() => ({ key, state: readStateNow() }))
  if (baseline.key !== key) setBaseline({ key, state: readStateNow() })
  return useMemo(() => {
    const { key: k, state } = baseline
    return k === null ? undefined : (item: Markable) => !isArticleRead(state, item)
  }, [baseline])
}
