// The search page: the filters, the count (role="status": 共 N 篇, or 已找到 N 篇，仍在统计… while
// counting), the results as the app's list of articles with a marked excerpt each, more as the
// reader scrolls, and a clear message for a malformed query, no results or no index.
import './search-page.css'
import { useMemo, useState, type ReactNode } from 'react'
import { useNavigate } from 'react-router'
import type { Article } from '../../../entities/article/model/article.ts'
import { useHidden } from '../../../components/hidden-note.tsx'
import { formatNumber } from '../../../lib/format.ts'
import { messages } from '../../../lib/messages.ts'
import { SearchIndexError, type QueryProblem } from '../../../shared/search.ts'
import type { SearchFilters } from '../query.ts'
import { excerptOf, type Excerpt } from '../excerpt.ts'
import { searchHref, type SearchParams } from '../params.ts'
import { SearchUnavailable } from '../source.ts'
import { useSearch } from '../use-search.ts'
import { Highlight } from './highlight.tsx'
import { articleOfDoc } from '../article-of-doc.ts'
import { searchMessages } from '../messages.ts'

export type ResultsProps = {
  articles: readonly Article[]
  /** Items in the whole list, or -1 while unknown. */
  setSize: number
  busy: boolean
  renderExcerpt: (article: Article) => ReactNode
}

export type SearchPageProps = {
  params: SearchParams
  /** The list of results (the app's article list). */
  renderResults: (props: ResultsProps) => ReactNode
  /** Muted results (the settings' words and sources): hidden, with a note that can show them. */
  muted?: (article: Article) => boolean
  /** "加载更多" with its sentinel. */
  renderLoadMore: (props: { loading: boolean; onLoadMore: () => void; shown: number }) => ReactNode
}

const PROBLEMS = {
  empty: 'searchEmpty',
  'unclosed-quote': 'searchUnclosedQuote',
  'only-exclusions': 'searchOnlyExclusions',
  'too-long': 'searchTooLong',
} as const satisfies Record<QueryProblem, keyof typeof searchMessages>

function errorText(error: unknown): string {
  if (error instanceof SearchUnavailable)
    return error.kind === 'no-index' ? searchMessages.searchNoIndex : searchMessages.searchOffline
  if (error instanceof SearchIndexError) return searchMessages.searchCorrupt
  return searchMessages.searchOffline
}

export function SearchPage({ params, renderResults, renderLoadMore, muted }: SearchPageProps) {
  const { q, filters } = params
  const { state, query, loadMore, retry } = useSearch(q, filters)
  const hits = state.status === 'ready' ? state.hits : null
  const all = useMemo(() => hits?.map(articleOfDoc) ?? [], [hits])
  const { kept: articles, count: hidden, note } = useHidden(all, muted)
  const excerpts = useMemo(() => {
    const m = new Map<string, Excerpt>()
    for (const h of hits ?? []) m.set(h.id, excerptOf(h.text, query?.include ?? []))
    return m
  }, [hits, query])
  const renderExcerpt = (a: Article) => {
    const e = excerpts.get(a.id)
    return e ? <Highlight excerpt={e} /> : null
  }

  return (
    <section className="search-page" aria-labelledby="search-title">
      <h1 id="search-title">
        {q.trim() ? searchMessages.searchResultsTitle(q.trim()) : searchMessages.searchTitle}
      </h1>
      <Filters params={params} />
      {params.ignored.length > 0 && <p className="notice">{searchMessages.searchIgnored}</p>}
      <p className="search-count" role="status">
        {state.status === 'loading'
          ? searchMessages.searchSearching
          : state.status === 'ready'
            ? state.counted
              ? searchMessages.searchCounted(formatNumber(state.found))
              : searchMessages.searchCounting(formatNumber(state.found))
            : ''}
      </p>
      {state.status === 'problem' && (
        <p className="notice">{searchMessages[PROBLEMS[state.problem]]}</p>
      )}
      {state.status === 'error' && (
        <div className="notice error" role="alert">
          <p>{errorText(state.error)}</p>
          {!(state.error instanceof SearchUnavailable && state.error.kind === 'no-index') && (
            <button type="button" onClick={retry}>
              {messages.retry}
            </button>
          )}
        </div>
      )}
      {state.status === 'ready' && (
        <>
          {note}
          {renderResults({
            articles,
            setSize: state.done ? articles.length : state.counted && !hidden ? state.found : -1,
            busy: state.loadingMore,
            renderExcerpt,
          })}
          {state.done && state.found === 0 && (
            <div className="notice">
              <p>{searchMessages.searchNoResults(q.trim())}</p>
              <p>{searchMessages.searchNoResultsHint}</p>
            </div>
          )}
          {state.moreError !== null ? (
            <div className="notice error" role="alert">
              <p>{errorText(state.moreError)}</p>
              <button type="button" onClick={loadMore}>
                {messages.retry}
              </button>
            </div>
          ) : state.done ? (
            articles.length > 0 && <p className="end">{messages.endOfList}</p>
          ) : (
            renderLoadMore({
              loading: state.loadingMore,
              onLoadMore: loadMore,
              shown: articles.length,
            })
          )}
        </>
      )}
    </section>
  )
}

/** Category, tag and dates of the search: a small form that rewrites the URL. */
function Filters({ params }: { params: SearchParams }) {
  const navigate = useNavigate()
  const [open, setOpen] = useState(Object.values(params.filters).some((v) => v !== null))
  const apply = (form: HTMLFormElement) => {
    const data = new FormData(form)
    const value = (k: keyof SearchFilters) => {
      const v = data.get(k)
      return typeof v === 'string' && v.trim() !== '' ? v.trim() : null
    }
    void navigate(
      searchHref(params.q, {
        category: value('category'),
        tag: value('tag'),
        from: value('from'),
        to: value('to'),
      }),
    )
  }
  const f = params.filters
  return (
    <details className="search-filters" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{searchMessages.searchFilters}</summary>
      <form
        key={JSON.stringify(f)}
        onSubmit={(e) => {
          e.preventDefault()
          apply(e.currentTarget)
        }}
      >
        <label>
          {searchMessages.searchCategory}
          <input name="category" defaultValue={f.category ?? ''} maxLength={200} />
        </label>
        <label>
          {searchMessages.searchTag}
          <input name="tag" defaultValue={f.tag ?? ''} maxLength={200} />
        </label>
        <label>
          {searchMessages.searchFrom}
          <input name="from" type="date" defaultValue={f.from ?? ''} />
        </label>
        <label>
          {searchMessages.searchTo}
          <input name="to" type="date" defaultValue={f.to ?? ''} />
        </label>
        <button type="submit">{searchMessages.searchApply}</button>
        {Object.values(f).some((v) => v !== null) && (
          <button type="button" onClick={() => void navigate(searchHref(params.q))}>
            {searchMessages.searchClearFilters}
          </button>
        )}
      </form>
    </details>
  )
}
