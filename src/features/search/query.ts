// What a search is, whatever runs it: filters, a screenful of results, and the brute-force
// definition every search must equal, which MemorySearch runs over a plain feed's documents.
import {
  matchesText,
  searchableText,
  type ParsedQuery,
  type SearchDoc,
} from '../../shared/search.ts'

export type SearchFilters = {
  category: string | null
  tag: string | null
  /** Inclusive days, YYYY-MM-DD. */
  from: string | null
  to: string | null
}

export const NO_FILTERS: SearchFilters = { category: null, tag: null, from: null, to: null }

/** A screenful of results and where the count stands. */
export type Screen = {
  hits: SearchDoc[]
  /** Matches found so far (all of them once `counted`). */
  found: number
  counted: boolean
  /** No more results to load. */
  done: boolean
}

export interface Search {
  next(limit?: number): Promise<Screen>
}

export const SCREEN = 20

/** Whether a document passes the filters (the brute-force definition the index must equal). */
function passesFilters(doc: SearchDoc, f: SearchFilters): boolean {
  const day = doc.date_published.slice(0, 10)
  return (
    (f.category === null || doc.category === f.category) &&
    (f.tag === null || doc.tags.includes(f.tag)) &&
    (f.from === null || day >= f.from) &&
    (f.to === null || day <= f.to)
  )
}

export const docMatches = (doc: SearchDoc, q: ParsedQuery, f: SearchFilters) =>
  passesFilters(doc, f) && matchesText(searchableText(doc.title, doc.text), q)

/** The same query over documents held in memory (a plain JSON Feed), newest first. */
export class MemorySearch implements Search {
  private matches: SearchDoc[]
  private at = 0

  constructor(docs: readonly SearchDoc[], query: ParsedQuery, filters: SearchFilters = NO_FILTERS) {
    this.matches = docs
      .filter((d) => docMatches(d, query, filters))
      .sort((a, b) => Date.parse(b.date_published) - Date.parse(a.date_published) || 0)
  }

  next(limit = SCREEN): Promise<Screen> {
    const hits = this.matches.slice(this.at, this.at + limit)
    this.at += hits.length
    return Promise.resolve({
      hits,
      found: this.matches.length,
      counted: true,
      done: this.at >= this.matches.length,
    })
  }
}
