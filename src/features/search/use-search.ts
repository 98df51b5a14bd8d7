// A search as the page sees it: the first screenful for the query and filters in the URL, then
// more on demand, the count and whether it is final, or why there is nothing to show.
import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { parseQuery, type QueryProblem, type SearchDoc } from '../../shared/search.ts'
import type { Search, SearchFilters } from './query.ts'
import { startSearch } from './source.ts'

export type SearchState =
  | { status: 'problem'; problem: QueryProblem }
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | {
      status: 'ready'
      hits: SearchDoc[]
      found: number
      counted: boolean
      done: boolean
      loadingMore: boolean
      /** A later screenful failed (the ones shown stay). */
      moreError: unknown
    }

type Loaded = { key: string; state: SearchState }

export function useSearch(q: string, filters: SearchFilters) {
  const client = useQueryClient()
  const parsed = useMemo(() => parseQuery(q), [q])
  const key = JSON.stringify([q, filters])
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [attempt, setAttempt] = useState(0)
  const search = useRef<{ key: string; search: Search } | null>(null)

  useEffect(() => {
    if (!parsed.ok) return
    const ctrl = new AbortController()
    let live = true
    const fail = (error: unknown) => {
      if (live) setLoaded({ key, state: { status: 'error', error } })
    }
    startSearch(client, parsed.query, (JSON.parse(key) as [string, SearchFilters])[1], ctrl.signal)
      .then(async (s) => {
        search.current = { key, search: s }
        const screen = await s.next()
        if (!live) return
        setLoaded({
          key,
          state: { status: 'ready', ...screen, loadingMore: false, moreError: null },
        })
      })
      .catch(fail)
    return () => {
      live = false
      ctrl.abort()
    }
  }, [client, parsed, key, attempt])

  const latest = useRef(loaded)
  useEffect(() => {
    latest.current = loaded
  })
  const busy = useRef(false)
  const loadMore = useCallback(() => {
    const s = search.current
    const l = latest.current
    if (!s || s.key !== key || busy.current) return
    if (!l || l.key !== key || l.state.status !== 'ready' || l.state.done) return
    busy.current = true
    setLoaded({ key, state: { ...l.state, loadingMore: true, moreError: null } })
    const update = (change: (st: Extract<SearchState, { status: 'ready' }>) => SearchState) => {
      busy.current = false
      setLoaded((now) =>
        now?.key === key && now.state.status === 'ready' ? { key, state: change(now.state) } : now,
      )
    }
    s.search.next().then(
      (screen) =>
        update((st) => ({
          ...st,
          ...screen,
          hits: [...st.hits, ...screen.hits],
          loadingMore: false,
        })),
      (error: unknown) => update((st) => ({ ...st, loadingMore: false, moreError: error })),
    )
  }, [key])

  const retry = useCallback(() => {
    setLoaded(null)
    setAttempt((n) => n + 1)
  }, [])

  const state: SearchState = !parsed.ok
    ? { status: 'problem', problem: parsed.problem }
    : loaded?.key === key
      ? loaded.state
      : { status: 'loading' }
  return { state, query: parsed.ok ? parsed.query : null, loadMore, retry }
}
