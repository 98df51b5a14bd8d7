// Where a search reads from: the bundle's index over HTTP (every byte counted, a missing or
// corrupt file a clear error), or, for a plain JSON Feed, the articles its pages hold.
import type { QueryClient } from '@tanstack/react-query'
import {
  feedRootQueryOptions,
  fetchListPage,
  type FeedRoot,
} from '../../entities/article/api/fetch-feed.ts'
import { htmlToText } from '../../entities/article/api/text.ts'
import type { Article } from '../../entities/article/model/article.ts'
import { SearchIndexError, type SearchDoc } from '../../shared/search.ts'
import { IndexSearch, parseIndex, type IndexSource } from './engine.ts'
import { MemorySearch, type Search, type SearchFilters } from './query.ts'
import type { ParsedQuery } from '../../shared/search.ts'

/** Why a search cannot run: no index in this bundle, or the network. Corrupt files: SearchIndexError. */
export class SearchUnavailable extends Error {
  override name = 'SearchUnavailable'
  constructor(
    readonly kind: 'no-index' | 'offline',
    message: string,
  ) {
    super(message)
  }
}

/** Pages of a plain feed searched at most (the feed's own paging, loop-safe). */
const MAX_PLAIN_PAGES = 50

export function httpSource(
  headUrl: string,
  signal?: AbortSignal,
): IndexSource & { downloaded: () => number } {
  let downloaded = 0
  const get = async (file: string): Promise<Uint8Array> => {
    const url = new URL(file, headUrl).href
    let res: Response
    try {
      res = await fetch(url, { signal, cache: 'no-cache', credentials: 'same-origin' })
    } catch (e) {
      if (signal?.aborted) throw e
      throw new SearchUnavailable('offline', `Could not reach ${url}`)
    }
    if (
      res.status === 404 ||
      res.status === 410 ||
      /^text\/html/i.test(res.headers.get('content-type') ?? '')
    )
      throw new SearchIndexError(`${url} is missing`)
    if (!res.ok) throw new SearchUnavailable('offline', `${url}: HTTP ${res.status}`)
    const bytes = new Uint8Array(await res.arrayBuffer())
    downloaded += bytes.length
    return bytes
  }
  return {
    bytes: get,
    json: async (file) => {
      const text = new TextDecoder().decode(await get(file))
      try {
        return JSON.parse(text) as unknown
      } catch {
        throw new SearchIndexError(`${file} is not JSON`)
      }
    },
    downloaded: () => downloaded,
  }
}

/** An article of a plain feed as search sees it. */
export function docOfArticle(a: Article): SearchDoc {
  return {
    id: a.id,
    title: a.titleIsStandIn ? '' : a.title,
    date_published: a.published ?? '',
    category: a.category ?? '',
    tags: a.tags,
    text: a.contentText ?? (a.contentHtml !== null ? htmlToText(a.contentHtml) : a.summary),
  }
}

async function plainDocs(root: FeedRoot, signal?: AbortSignal): Promise<SearchDoc[]> {
  const docs: SearchDoc[] = []
  const seen = new Set<string>()
  let page = root.page
  for (let i = 0; i < MAX_PLAIN_PAGES; i++) {
    seen.add(page.url)
    docs.push(...page.articles.map(docOfArticle))
    if (!page.nextUrl || seen.has(page.nextUrl)) break
    page = await fetchListPage(root, page.nextUrl, signal)
  }
  return docs
}

/** The search for a query: over the bundle's index, or over a plain feed's articles. */
export async function startSearch(
  client: QueryClient,
  query: ParsedQuery,
  filters: SearchFilters,
  signal?: AbortSignal,
): Promise<Search> {
  const root = await client.fetchQuery(feedRootQueryOptions())
  if (!root.bundle) return new MemorySearch(await plainDocs(root, signal), query, filters)
  const url = root.bundle.searchUrl
  if (!url) throw new SearchUnavailable('no-index', 'This bundle has no search index')
  const source = httpSource(url, signal)
  let head: unknown
  try {
    head = await source.json(url)
  } catch (e) {
    if (e instanceof SearchIndexError) throw new SearchUnavailable('no-index', e.message)
    throw e
  }
  const index = parseIndex(head)
  return new IndexSearch(source, index, query, filters, undefined, source.downloaded)
}
