// The article lists: one infinite query per scope (latest, a category, a tag) that follows
// `next_url`, and the polled head of a list for the "N 条新消息" banner.
import { infiniteQueryOptions, queryOptions, type QueryClient } from '@tanstack/react-query'
import { matchesScope, type ListScope } from '../model/scope.ts'
import { categoriesQueryOptions, tagsQueryOptions } from './directories.ts'
import { FeedError } from './feed-error.ts'
import {
  type FeedRoot,
  feedRootQueryOptions,
  feedRootUrl,
  fetchListPage,
  type LoadedPage,
  templateUrl,
} from './fetch-feed.ts'
import { articleKeys } from './keys.ts'

/** How often the head of a list is checked for new items (the old site reloaded every 60 s). */
const POLL_INTERVAL_MS = 60_000

/** The scope's own feed in a bundle (from the templates, else the directory); null = the root. */
async function scopeFeedUrl(
  client: QueryClient,
  root: FeedRoot,
  scope: ListScope,
): Promise<string | null> {
  const b = root.bundle
  if (scope.kind === 'all' || !b) return null
  const name = scope.kind === 'category' ? scope.slug : scope.tag
  const template = scope.kind === 'category' ? b.categoryFeedTemplate : b.tagFeedTemplate
  if (template) return templateUrl(root, template, name)
  const entries =
    scope.kind === 'category'
      ? (await client.fetchQuery(categoriesQueryOptions(root.url))).filter((c) => c.slug === name)
      : (await client.fetchQuery(tagsQueryOptions(root.url))).filter((t) => t.name === name)
  const entry = entries[0]
  if (!entry) throw new FeedError('not-found', 'No such category or tag', { status: 404 })
  return entry.feedUrl
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
  const own = await scopeFeedUrl(client, root, scope)
  const url = pageUrl ?? own ?? root.url
  if (fresh && url === root.url) root = await client.fetchQuery({ ...rootOptions, staleTime: 0 })
  const page = url === root.url ? root.page : await fetchListPage(root, url, signal)
  if (own !== null || scope.kind === 'all') return page
  return { ...page, articles: page.articles.filter((a) => matchesScope(a, scope)) }
}

export function listInfiniteQueryOptions(scope: ListScope, feed: string = feedRootUrl()) {
  return infiniteQueryOptions({
    queryKey: articleKeys.list(feed, scope),
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
    queryKey: articleKeys.head(feed, scope),
    // A head that is the root page refreshes the root's cache too: "bring new items in" then
    // reuses it instead of fetching again.
    queryFn: ({ client, signal }) => loadScopePage(client, feed, scope, null, signal, true),
    refetchInterval: POLL_INTERVAL_MS,
    refetchIntervalInBackground: false,
    staleTime: POLL_INTERVAL_MS / 2,
  })
}
