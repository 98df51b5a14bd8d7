// One article with its body: from the bundle's content file (a deep link costs one request plus the
// head page), or, for a plain JSON Feed, from its pages where the body is inline. An article opened
// from a list shows what the list knows at once (findCachedArticle).
import { queryOptions, type InfiniteData, type QueryClient } from '@tanstack/react-query'
import { hasBody, type Article } from '../model/article.ts'
import { decodeBundleContent } from './decode.ts'
import { FeedError } from './feed-error.ts'
import {
  feedRootQueryOptions,
  feedRootUrl,
  fetchJson,
  fetchListPage,
  type LoadedPage,
  templateUrl,
} from './fetch-feed.ts'
import { articleKeys } from './keys.ts'

/** How many pages of a plain feed are searched for an article before it is called not found. */
const MAX_SEARCH_PAGES = 20

/** The article as any cached list holds it, preferring a copy with its body inline. */
export function findCachedArticle(client: QueryClient, id: string): Article | null {
  let found: Article | null = null
  const lists = client.getQueriesData<InfiniteData<LoadedPage>>({ queryKey: articleKeys.lists() })
  for (const [, data] of lists) {
    for (const page of data?.pages ?? []) {
      const a = page.articles.find((x) => x.id === id)
      if (a && (!found || !hasBody(found))) found = a
    }
  }
  return found
}

type EarlyWindow = { newsReaderEarlyContent?: { url: string; json: Promise<unknown> } | null }

/**
 * The content file a static article page's early body has asked for already: taken once, and only
 * while that page is on screen (a later refetch or retry asks the network).
 */
function earlyContent(url: string): Promise<unknown> | undefined {
  const w = window as EarlyWindow
  const early = w.newsReaderEarlyContent
  // Taken; or the app asked first, and the early body, if it runs later, leaves the file to it.
  w.newsReaderEarlyContent = null
  return early?.url === url && document.querySelector('article[data-static]')
    ? early.json
    : undefined
}

/** A content file, which must hold the article asked for (a file key is a hash: it may collide). */
async function fetchContent(url: string, id: string, signal: AbortSignal): Promise<Article> {
  const json = earlyContent(url)?.catch(() => fetchJson(url, signal)) ?? fetchJson(url, signal)
  const article = decodeBundleContent(await json, url)
  if (article.id !== id) throw new FeedError('not-found', `No article ${id}`, { status: 404 })
  return article
}

async function loadArticle(
  client: QueryClient,
  feed: string,
  id: string,
  signal: AbortSignal,
): Promise<Article> {
  const cached = findCachedArticle(client, id)
  if (cached && hasBody(cached)) return cached
  if (cached?.contentUrl) return fetchContent(cached.contentUrl, id, signal)

  const root = await client.fetchQuery(feedRootQueryOptions(feed))
  const template = root.bundle?.contentTemplate
  if (template) return fetchContent(templateUrl(root, template, id), id, signal)

  // No content files: walk the pages (bounded, loop-safe) for the item.
  const seen = new Set<string>()
  let page = root.page
  for (let i = 0; i < MAX_SEARCH_PAGES; i++) {
    seen.add(page.url)
    const found = page.articles.find((a) => a.id === id)
    if (found) return found
    if (!page.nextUrl || seen.has(page.nextUrl)) break
    page = await fetchListPage(root, page.nextUrl, signal)
  }
  throw new FeedError('not-found', `No article ${id}`, { status: 404 })
}

/**
 * The article's query when the page already names its content file (a static article page
 * preloads it): the body no longer waits for the feed head and its decoding. Should that file
 * fail, the usual way through the head.
 */
export function articleFromFileQueryOptions(id: string, url: string, feed: string = feedRootUrl()) {
  return queryOptions({
    ...articleQueryOptions(id, feed),
    queryFn: ({ client, signal }) =>
      fetchContent(url, id, signal).catch(() => loadArticle(client, feed, id, signal)),
  })
}

export function articleQueryOptions(id: string, feed: string = feedRootUrl()) {
  return queryOptions({
    queryKey: articleKeys.detail(feed, id),
    queryFn: ({ client, signal }) => loadArticle(client, feed, id, signal),
    staleTime: 5 * 60_000,
  })
}
