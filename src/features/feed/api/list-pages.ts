// The article lists: one infinite query per scope (latest, a category, a tag) that follows
// `next_url`, and the polled head of a list for the "N 条新消息" banner.
import { infiniteQueryOptions, queryOptions, type QueryClient } from '@tanstack/react-query'
import * as v from 'valibot'
import { fileKey, fillTemplate } from '../../../shared/bundle-paths.ts'
import { FeedError } from '../../../shared/decode-feed.ts'
import { CategoryEntrySchema, TagEntrySchema } from '../../../shared/feed-bundle.ts'
import {
  directoryPages,
  feedRootQueryOptions,
  feedRootUrl,
  fetchFeedPage,
  type FeedRoot,
  type LoadedPage,
} from '../../../lib/feed-client.ts'
import { listQueryKey, matchesScope, type ListScope } from '../../../lib/list-scope.ts'

/** How often the head of a list is checked for new items (the old site reloaded every 60 s). */
export const POLL_INTERVAL_MS = 60_000

/** The scope's own feed in a bundle (from the templates, else the directory file); null = root. */
async function scopeFeedUrl(
  root: FeedRoot,
  scope: ListScope,
  signal: AbortSignal,
): Promise<string | null> {
  const b = root.bundle
  if (scope.kind === 'all' || !b) return null
  const key = fileKey(scope.kind === 'category' ? scope.slug : scope.tag)
  const template = scope.kind === 'category' ? b.categoryFeedTemplate : b.tagFeedTemplate
  if (template) return new URL(fillTemplate(template, key), root.url).href
  const dir = scope.kind === 'category' ? b.categoriesUrl : b.tagsUrl
  if (!dir) throw new FeedError('not-found', 'The bundle has no directory for this list', 404)
  for await (const entries of directoryPages(dir, signal)) {
    const entry =
      scope.kind === 'category'
        ? v.parse(v.array(CategoryEntrySchema), entries).find((c) => c.slug === scope.slug)
        : v.parse(v.array(TagEntrySchema), entries).find((t) => t.name === scope.tag)
    // Entry URLs are relative to the directory's head: every page sits beside it.
    if (entry) return new URL(entry.feed_url, dir).href
  }
  throw new FeedError('not-found', 'No such category or tag', 404)
}

/**
 * A page of the scope (`pageUrl` null: its first page). Plain JSON Feeds have no per-scope files:
 * their pages are filtered here. `fresh` fetches a first page that is the root page again.
 */
async function loadScopePage(
  client: QueryClient,
  feed: string,
  scope: ListScope,
  pageUrl: string | null,
  signal: AbortSignal,
  fresh = false,
): Promise<LoadedPage> {
  const rootOptions = feedRootQueryOptions(feed)
  let root = await client.fetchQuery(rootOptions)
  const own = await scopeFeedUrl(root, scope, signal)
  const url = pageUrl ?? own ?? root.url
  if (fresh && url === root.url) root = await client.fetchQuery({ ...rootOptions, staleTime: 0 })
  const page = url === root.url ? root.page : await fetchFeedPage(url, signal)
  if (own !== null || scope.kind === 'all') return page
  return { ...page, articles: page.articles.filter((a) => matchesScope(a, scope)) }
}

export function listInfiniteQueryOptions(scope: ListScope, feed: string = feedRootUrl()) {
  return infiniteQueryOptions({
    queryKey: listQueryKey(scope, feed),
    queryFn: ({ client, pageParam, signal }) =>
      loadScopePage(client, feed, scope, pageParam, signal),
    initialPageParam: null as string | null,
    // Loop detection: a next_url already visited ends the list instead of repeating it forever.
    getNextPageParam: (last, all) =>
      last.nextUrl && !all.some((p) => p.url === last.nextUrl) ? last.nextUrl : undefined,
    // Never refetched behind the reader's back (that would shift what they are reading and break
    // scroll restoration): new items arrive through the polled head and "N 条新消息".
    staleTime: Infinity,
  })
}

/**
 * The newest page of a scope, fetched again every minute. It lives beside the list (its own key),
 * so polling never re-renders or reorders what the reader is looking at.
 */
export function listHeadQueryOptions(scope: ListScope, feed: string = feedRootUrl()) {
  return queryOptions({
    queryKey: ['articles', 'head', listQueryKey(scope, feed)[2]] as const,
    // A head that is the root page refreshes the root's cache too: "bring new items in" then
    // reuses it instead of fetching again.
    queryFn: ({ client, signal }) => loadScopePage(client, feed, scope, null, signal, true),
    refetchInterval: POLL_INTERVAL_MS,
    refetchIntervalInBackground: false,
    staleTime: POLL_INTERVAL_MS / 2,
  })
}
