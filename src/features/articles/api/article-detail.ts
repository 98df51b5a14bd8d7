// One article with its body: from the bundle's content file (a deep link costs one request plus the
// head page), or, for a plain JSON Feed, from its pages where the body is inline.
import { queryOptions, type QueryClient } from '@tanstack/react-query'
import { fileKey, fillTemplate } from '../../../shared/bundle-paths.ts'
import { FeedError, type Article } from '../../../shared/decode-feed.ts'
import {
  feedRootQueryOptions,
  feedRootUrl,
  fetchContentItem,
  fetchFeedPage,
} from '../../../lib/feed-client.ts'
import { findCachedArticle } from '../../../lib/list-cache.ts'

/** How many pages of a plain feed are searched for an article before it is called not found. */
export const MAX_SEARCH_PAGES = 20

const hasBody = (a: Article) => a.contentHtml !== null || a.contentText !== null

async function loadArticle(
  client: QueryClient,
  feed: string,
  id: string,
  signal: AbortSignal,
): Promise<Article> {
  const cached = findCachedArticle(client, id)
  if (cached && hasBody(cached)) return cached
  if (cached?.contentUrl) return fetchContentItem(cached.contentUrl, signal)

  const root = await client.fetchQuery(feedRootQueryOptions(feed))
  const template = root.bundle?.contentTemplate
  if (template) {
    const article = await fetchContentItem(
      new URL(fillTemplate(template, fileKey(id)), root.url).href,
      signal,
    )
    if (article.id !== id) throw new FeedError('not-found', `No article ${id}`, 404)
    return article
  }

  // No content files: walk the pages (bounded, loop-safe) for the item.
  const seen = new Set<string>()
  let page = root.page
  for (let i = 0; i < MAX_SEARCH_PAGES; i++) {
    seen.add(page.url)
    const found = page.articles.find((a) => a.id === id)
    if (found)
      return found.contentUrl && !hasBody(found)
        ? fetchContentItem(found.contentUrl, signal)
        : found
    if (!page.nextUrl || seen.has(page.nextUrl)) break
    page = await fetchFeedPage(page.nextUrl, signal)
  }
  throw new FeedError('not-found', `No article ${id}`, 404)
}

export function articleQueryOptions(id: string, feed: string = feedRootUrl()) {
  return queryOptions({
    queryKey: ['articles', 'detail', id, feed] as const,
    queryFn: ({ client, signal }) => loadArticle(client, feed, id, signal),
    staleTime: 5 * 60_000,
  })
}
