// The search's URL, `/search?q=…&category=…&tag=…&from=YYYY-MM-DD&to=YYYY-MM-DD`: read and checked
// where it enters (a value that cannot be right is dropped and named), and written back.
import type { SearchFilters } from './query.ts'

export const SEARCH_PATH = '/search'
const MAX_NAME = 200
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

export type SearchParams = {
  q: string
  filters: SearchFilters
  /** Parameters that were given but could not be used (ignored). */
  ignored: ('category' | 'tag' | 'from' | 'to')[]
}

function validDay(s: string): boolean {
  const m = DAY.exec(s)
  if (!m) return false
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return d.toISOString().slice(0, 10) === s
}

export function readSearchParams(sp: URLSearchParams): SearchParams {
  const ignored: SearchParams['ignored'] = []
  const name = (key: 'category' | 'tag') => {
    const v = sp.get(key)
    if (v === null || v === '') return null
    if (v.length > MAX_NAME || v.trim() === '') {
      ignored.push(key)
      return null
    }
    return v
  }
  const day = (key: 'from' | 'to') => {
    const v = sp.get(key)
    if (v === null || v === '') return null
    if (!validDay(v)) {
      ignored.push(key)
      return null
    }
    return v
  }
  const filters: SearchFilters = {
    category: name('category'),
    tag: name('tag'),
    from: day('from'),
    to: day('to'),
  }
  return { q: sp.get('q') ?? '', filters, ignored }
}

/** The address of a search. */
export function searchHref(q: string, filters: Partial<SearchFilters> = {}): string {
  const sp = new URLSearchParams()
  sp.set('q', q)
  for (const key of ['category', 'tag', 'from', 'to'] as const) {
    const v = filters[key]
    if (v) sp.set(key, v)
  }
  return `${SEARCH_PATH}?${sp.toString()}`
}
