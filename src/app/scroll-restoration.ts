// Scroll restoration for react-router's declarative mode (its <ScrollRestoration> needs the data
// router, docs/decisions/001-router-mode.md): back, forward and reload return to where the reader
// was on that history entry; a new page starts at its top, or at its #fragment. A list's place is
// the article at the top of the window, not a pixel offset: items measured differently after a
// reload, or new articles above it, do not move the reader.
import { useEffect, useLayoutEffect, useRef } from 'react'
import { NavigationType, useLocation, useNavigationType } from 'react-router'
import { holdPlace, placeNow, type Place } from '../lib/hold-place.ts'
import { keepsList } from './wide-layout.ts'

export const SCROLL_STORAGE_KEY = 'news-reader:scroll'
/** History entries remembered (oldest dropped first): a long session stays a small record. */
const MAX_ENTRIES = 100
/**
 * How long a restore keeps trying while the page grows to the remembered height (a reload fetches
 * the list again). Any input from the reader ends it at once.
 */
const RESTORE_MS = 2_000
/** Where the window was on each history entry. */
type Positions = Map<string, Place>

/**
 * Gives the history entry of a fresh page load a key of its own. react-router keys such an entry
 * "default", which would make every fresh load in a tab share (and restore) one position; a reload
 * keeps the entry's state, so the key survives it. Call before the router starts.
 */
export function ensureEntryKey(): void {
  const state: unknown = window.history.state
  const record = typeof state === 'object' && state !== null ? state : {}
  if ('key' in record && typeof record.key === 'string' && record.key !== '') return
  const key = Math.random().toString(36).slice(2, 10).padEnd(8, '0')
  window.history.replaceState({ ...record, key }, '')
}

/** Reads the positions saved by an earlier page of this tab; anything unreadable is ignored. */
function load(): Positions {
  const positions: Positions = new Map()
  try {
    // Not an object (null throws here): no positions.
    const parsed = JSON.parse(sessionStorage.getItem(SCROLL_STORAGE_KEY) ?? '{}') as object
    for (const [key, value] of Object.entries(parsed)) {
      const [y, id, top] = Array.isArray(value) ? (value as unknown[]) : []
      if (!Number.isFinite(y) || (y as number) < 0) continue
      positions.set(
        key,
        typeof id === 'string' && Number.isFinite(top)
          ? [y as number, id, top as number]
          : [y as number],
      )
    }
  } catch {
    // Corrupted or unavailable storage: start without positions.
  }
  return positions
}

function save(positions: Positions) {
  try {
    const kept = [...positions].slice(-MAX_ENTRIES)
    sessionStorage.setItem(SCROLL_STORAGE_KEY, JSON.stringify(Object.fromEntries(kept)))
  } catch {
    // Full or unavailable storage: positions then last as long as this page.
  }
}

function scrollToFragment(hash: string): boolean {
  if (hash.length < 2) return false
  let id = hash.slice(1)
  try {
    id = decodeURIComponent(id)
  } catch {
    // A malformed escape: look the id up as written.
  }
  const el = document.getElementById(id)
  el?.scrollIntoView()
  return el !== null
}

export function useScrollRestoration(): void {
  const location = useLocation()
  const action = useNavigationType()
  const positions = useRef<Positions | null>(null)
  positions.current ??= load()
  const current = useRef(location.key)
  const restoring = useRef(false)
  const last = useRef({ pathname: '', search: '' })

  // Every scroll records the position of the entry on screen, so the position is known before a
  // navigation changes the page (a shorter new page would clamp it).
  useEffect(() => {
    const previous = window.history.scrollRestoration
    window.history.scrollRestoration = 'manual'
    const onScroll = () => {
      if (!restoring.current) positions.current?.set(current.current, placeNow())
    }
    // The position too: a scroll event comes with the next frame, which a reload right after
    // scrolling may not wait for.
    const onHide = () => {
      onScroll()
      if (positions.current) save(positions.current)
    }
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') onHide()
    }
    window.addEventListener('scroll', onScroll, { passive: true })
    window.addEventListener('pagehide', onHide)
    document.addEventListener('visibilitychange', onVisibility)
    return () => {
      window.removeEventListener('scroll', onScroll)
      window.removeEventListener('pagehide', onHide)
      document.removeEventListener('visibilitychange', onVisibility)
      window.history.scrollRestoration = previous
    }
  }, [])

  // Before paint of the new entry: restore (back, forward, reload) or start at the top.
  useLayoutEffect(() => {
    const { key, pathname, search, hash } = location
    current.current = key
    const samePath = last.current.pathname === pathname
    // Only the #fragment changed (the skip link): the browser has already scrolled to it.
    const fragmentOnly = samePath && last.current.search === search && hash !== ''
    // On a wide screen the list stays beside the article: opening one moves nothing.
    const listStays = keepsList(last.current, { pathname, search })
    last.current = { pathname, search }
    if (listStays) return
    const saved =
      action === NavigationType.Pop && !fragmentOnly ? positions.current?.get(key) : undefined
    if (saved === undefined) {
      if (fragmentOnly || scrollToFragment(hash)) return
      // An unknown entry keeps the browser's place; changing only the search in place (the
      // "unread only" switch) keeps the reader's.
      if (action === NavigationType.Pop || (action === NavigationType.Replace && samePath)) return
      window.scrollTo(0, 0)
      return
    }
    // The list may not be tall enough yet (its data still arriving after a reload), and its items
    // are measured as they render: the place is held until it settles, or the reader takes over.
    restoring.current = true
    return holdPlace(saved, RESTORE_MS, () => {
      restoring.current = false
    })
  }, [location, action])
}
