// The reading layout of wide screens (≥ 1024 px): sources, the list and the article side by side.
// Which list the middle pane shows follows the address: a list's own, or the one an article was
// opened from (`?from=`).
import { createContext, useContext, useSyncExternalStore } from 'react'
import { ALL, formatFrom, parseFrom, type ListScope } from '../entities/article/model/scope.ts'

const WIDE = '(min-width: 1024px)'
// Where media queries do not exist (tests in jsdom), the screen counts as narrow.
const query = () => (typeof window.matchMedia === 'function' ? window.matchMedia(WIDE) : null)

function subscribe(onChange: () => void) {
  const q = query()
  q?.addEventListener('change', onChange)
  return () => q?.removeEventListener('change', onChange)
}

export const isWide = () => query()?.matches ?? false

export function useWide(): boolean {
  return useSyncExternalStore(subscribe, isWide, () => false)
}

/** True inside the wide layout: a list route's own page then leaves the list to the layout. */
export const InWideLayout = createContext(false)
export const useInWideLayout = () => useContext(InWideLayout)

const decode = (s: string) => {
  try {
    return decodeURIComponent(s)
  } catch {
    return null
  }
}

/** The list the reading layout shows for an address, or null where it shows none. */
export function readingScope(pathname: string, search: string): ListScope | null {
  if (!pathname.startsWith('/')) return null
  const [, first = '', second = ''] = pathname.split('/')
  if (first === '') return ALL
  if (first === 'article') return parseFrom(new URLSearchParams(search).get('from'))
  const name = decode(second)
  if (!name || name.trim() === '' || name.length > 200) return null
  if (first === 'category' && !name.endsWith('.html')) return { kind: 'category', slug: name }
  if (first === 'tag') return { kind: 'tag', tag: name }
  return null
}

type Place = { pathname: string; search: string }

/**
 * Whether a navigation keeps the wide layout's list on screen (a list to one of its articles, or
 * one article to another): then the page keeps its scroll and focus goes to the reading pane.
 */
export function keepsList(from: Place, to: Place): boolean {
  if (!isWide()) return false
  const a = readingScope(from.pathname, from.search)
  const b = readingScope(to.pathname, to.search)
  return a !== null && b !== null && formatFrom(a) === formatFrom(b)
}
