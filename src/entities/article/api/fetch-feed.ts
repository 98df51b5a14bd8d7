// How the feed's files are fetched (one GET with a timeout, revalidated each time, every failure a
// FeedError kind) and the root page of the feed: feed.json, whose `_reader` extension says what
// bundle is behind it (read once, here), and the list pages that follow it.
import { queryOptions } from '@tanstack/react-query'
import * as v from 'valibot'
import { fileKey, fillTemplate } from '../../../shared/bundle-paths.ts'
import { FeedReaderSchema } from '../../../shared/feed-bundle.ts'
import { decodeBundlePage, type FeedPage } from './decode.ts'
import { FeedError } from './feed-error.ts'
import { articleKeys } from './keys.ts'

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
  const failed = (e: unknown, what: string): never => {
    if (signal?.aborted) throw e
    if (timeout.aborted) throw new FeedError('timeout', `No answer from ${url}`, { timeoutMs })
    throw new FeedError('offline', `Could not ${what} ${url}`)
  }
  let res: Response
  try {
    res = await fetch(url, { signal: combined, cache: 'no-cache', credentials: 'same-origin' })
  } catch (e) {
    return failed(e, 'reach')
  }
  if (res.status === 404 || res.status === 410)
    throw new FeedError('not-found', `${url}: HTTP ${res.status}`, { status: res.status })
  if (!res.ok) throw new FeedError('http', `${url}: HTTP ${res.status}`, { status: res.status })
  // Static hosts with an SPA fallback answer a missing file with index.html and 200.
  if (/^text\/html/i.test(res.headers.get('content-type') ?? ''))
    throw new FeedError('not-found', `${url}: an HTML page, not a feed file`, { status: 404 })
  let text: string
  try {
    text = await res.text()
  } catch (e) {
    return failed(e, 'read')
  }
  return parseFeedJson(text)
}

/** Parses response text as JSON, turning a syntax error into a FeedError the reader can be shown. */
export function parseFeedJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    // An HTML page served where a JSON file was asked for is a missing file, not a broken feed.
    if (/^\s*<(!doctype|html)\b/i.test(text))
      throw new FeedError('not-found', 'An HTML page where a feed file was expected', {
        status: 404,
      })
    throw new FeedError('not-json', 'The feed is not valid JSON')
  }
}

/** A decoded list page and the absolute URL it came from (for paging and loop detection). */
export type LoadedPage = FeedPage & { url: string }

/** The bundle's own files: directories as absolute URLs, templates relative to the root page. */
export type BundleInfo = {
  totalItems: number
  categoriesUrl: string | null
  tagsUrl: string | null
  contentTemplate: string | null
  categoryFeedTemplate: string | null
  tagFeedTemplate: string | null
  /** The search index's head file (absolute), since bundle version 3. */
  searchUrl: string | null
}

export type FeedRoot = { url: string; page: LoadedPage; bundle: BundleInfo | null }

const absolute = (rel: string | undefined, base: string) =>
  rel === undefined ? null : new URL(rel, base).href

function bundleInfo(json: unknown, url: string): BundleInfo | null {
  const ext = typeof json === 'object' && json !== null && '_reader' in json ? json._reader : null
  const r = v.safeParse(FeedReaderSchema, ext)
  if (!r.success) return null
  return {
    totalItems: r.output.total_items,
    categoriesUrl: absolute(r.output.categories_url, url),
    tagsUrl: absolute(r.output.tags_url, url),
    contentTemplate: r.output.content_template ?? null,
    categoryFeedTemplate: r.output.category_feed_template ?? null,
    tagFeedTemplate: r.output.tag_feed_template ?? null,
    searchUrl: absolute(r.output.search_url, url),
  }
}

/** The absolute URL of a bundle file named by one of the root's templates. */
export function templateUrl(root: FeedRoot, template: string, name: string): string {
  return new URL(fillTemplate(template, fileKey(name)), root.url).href
}

/** A bundle's decoder, or the tolerant one of any JSON Feed (its own chunk: bundles never need it). */
async function decoderFor(bundle: BundleInfo | null) {
  return bundle ? decodeBundlePage : (await import('./decode-plain.ts')).decodeFeedPage
}

export async function fetchFeedRoot(url: string, signal?: AbortSignal): Promise<FeedRoot> {
  const json = await fetchJson(url, signal)
  const bundle = bundleInfo(json, url)
  const page = (await decoderFor(bundle))(json, url)
  return { url, page: { ...page, url }, bundle }
}

/** Any further list page: a bundle's pages are checked against the bundle schema. */
export async function fetchListPage(
  root: FeedRoot,
  url: string,
  signal?: AbortSignal,
): Promise<LoadedPage> {
  const json = await fetchJson(url, signal)
  return { ...(await decoderFor(root.bundle))(json, url), url }
}

/**
 * The head of the feed. Lists start from it and the live banner polls it; it is kept fresh for a
 * short while so a list and an article opened together share one request.
 */
export function feedRootQueryOptions(feed: string = feedRootUrl()) {
  return queryOptions({
    queryKey: articleKeys.root(feed),
    queryFn: ({ signal }) => fetchFeedRoot(feed, signal),
    staleTime: 30_000,
    // Fetched inside the list and article queries, which retry themselves.
    retry: false,
  })
}
