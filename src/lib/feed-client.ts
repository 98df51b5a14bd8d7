// Fetches feed documents for every feature: one request path with a timeout, plain-language error
// kinds (FeedError) and validation through src/shared, plus the root page (feed.json) that tells the
// app whether it reads a feed bundle (with its templates) or a plain JSON Feed.
import { queryOptions } from '@tanstack/react-query'
import * as v from 'valibot'
import { FeedReaderSchema, JSON_FEED_1_1, directoryEntries } from '../shared/feed-bundle.ts'
import {
  FeedError,
  decodeFeedPage,
  parseFeedJson,
  type Article,
  type FeedPage,
} from '../shared/decode-feed.ts'

/** A request that has not answered after this long is a timeout the reader is told about. */
export const FETCH_TIMEOUT_MS = 15_000

/** Where the feed lives: `feed/feed.json` under the app's base, or VITE_FEED_URL at build time. */
export function feedRootUrl(): string {
  const configured: unknown = import.meta.env.VITE_FEED_URL
  const rel =
    typeof configured === 'string' && configured !== ''
      ? configured
      : `${import.meta.env.BASE_URL}feed/feed.json`
  return new URL(rel, window.location.href).href
}

/**
 * GETs `url` as JSON. `no-cache` revalidates with the server every time, so replacing the deployed
 * feed files shows at once while unchanged files still cost only a 304.
 */
export async function fetchJson(
  url: string,
  signal?: AbortSignal,
  timeoutMs: number = FETCH_TIMEOUT_MS,
): Promise<unknown> {
  const timeout = AbortSignal.timeout(timeoutMs)
  const combined =
    signal && typeof AbortSignal.any === 'function'
      ? AbortSignal.any([signal, timeout])
      : (signal ?? timeout)
  let res: Response
  try {
    res = await fetch(url, { signal: combined, cache: 'no-cache', credentials: 'same-origin' })
  } catch (e) {
    if (signal?.aborted) throw e
    if (timeout.aborted) throw new FeedError('timeout', `No answer from ${url} in 15 s`)
    throw new FeedError('offline', `Could not reach ${url}`)
  }
  if (res.status === 404 || res.status === 410)
    throw new FeedError('not-found', `${url}: HTTP ${res.status}`, res.status)
  if (!res.ok) throw new FeedError('http', `${url}: HTTP ${res.status}`, res.status)
  let text: string
  try {
    text = await res.text()
  } catch (e) {
    if (signal?.aborted) throw e
    if (timeout.aborted) throw new FeedError('timeout', `No answer from ${url} in 15 s`)
    throw new FeedError('offline', `Could not read ${url}`)
  }
  return parseFeedJson(text)
}

/** A decoded list page and the absolute URL it came from (for paging and loop detection). */
export type LoadedPage = FeedPage & { url: string }

export async function fetchFeedPage(url: string, signal?: AbortSignal): Promise<LoadedPage> {
  return { ...decodeFeedPage(await fetchJson(url, signal), url), url }
}

/** One article's content file of the bundle (a JSON Feed item), decoded like a one-item page. */
export async function fetchContentItem(url: string, signal?: AbortSignal): Promise<Article> {
  const item = await fetchJson(url, signal)
  const page = decodeFeedPage({ version: JSON_FEED_1_1, items: [item] }, url)
  const article = page.articles[0]
  if (!article) throw new FeedError('bad-items', `${url} holds no readable article`)
  return article
}

/** What feed.json's `_reader` extension says about the bundle; null for a plain JSON Feed. */
export type BundleInfo = {
  totalItems: number
  categoriesUrl: string | null
  tagsUrl: string | null
  /** Templates with `{key}` = fileKey(...), relative to the root page. */
  contentTemplate: string | null
  categoryFeedTemplate: string | null
  tagFeedTemplate: string | null
}

export type FeedRoot = { url: string; page: LoadedPage; bundle: BundleInfo | null }

export async function fetchFeedRoot(url: string, signal?: AbortSignal): Promise<FeedRoot> {
  const json = await fetchJson(url, signal)
  const page: LoadedPage = { ...decodeFeedPage(json, url), url }
  const ext = v.safeParse(
    FeedReaderSchema,
    typeof json === 'object' && json !== null ? (json as Record<string, unknown>)._reader : null,
  )
  const bundle: BundleInfo | null = ext.success
    ? {
        totalItems: ext.output.total_items,
        categoriesUrl: page.categoriesUrl,
        tagsUrl: page.tagsUrl,
        contentTemplate: ext.output.content_template ?? null,
        categoryFeedTemplate: ext.output.category_feed_template ?? null,
        tagFeedTemplate: ext.output.tag_feed_template ?? null,
      }
    : null
  return { url, page, bundle }
}

/**
 * The head of the feed. Lists start from it and the live banner polls it; it is kept fresh for a
 * short while so a list and an article opened together share one request.
 */
export function feedRootQueryOptions(url: string = feedRootUrl()) {
  return queryOptions({
    queryKey: ['feed', 'root', url] as const,
    queryFn: ({ signal }) => fetchFeedRoot(url, signal),
    staleTime: 30_000,
    // Fetched inside the list and article queries, which retry themselves: retrying here as well
    // made a timeout cost four waits (a minute) before the reader saw a message.
    retry: false,
  })
}

/** A directory of more pages than this is cut short (a loop, or a hostile bundle). */
const MAX_DIRECTORY_PAGES = 1_000

/**
 * The entries of a bundle directory (`categories.json`, `tags.json`) page by page, following
 * `next_url` on the same origin (bundle version 2); a version 1 directory is one plain array.
 */
export async function* directoryPages(url: string, signal?: AbortSignal) {
  const seen = new Set<string>()
  for (let page: string | undefined = url; page !== undefined && !seen.has(page);) {
    if (seen.size >= MAX_DIRECTORY_PAGES) return
    seen.add(page)
    const dir = directoryEntries(await fetchJson(page, signal))
    if (!dir) throw new FeedError('bad-items', `${page} is not a directory of the bundle`)
    yield dir.items
    const next: URL | undefined = dir.nextUrl ? new URL(dir.nextUrl, page) : undefined
    page = next && next.origin === new URL(page).origin ? next.href : undefined
  }
}
