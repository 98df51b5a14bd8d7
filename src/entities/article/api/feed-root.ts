// The root page of the feed (feed.json): its first page of articles, and what its `_reader`
// extension says about the bundle behind it (read once, here), or null for a plain JSON Feed.
import { queryOptions } from '@tanstack/react-query'
import * as v from 'valibot'
import { fileKey, fillTemplate } from '../../../shared/bundle-paths.ts'
import { FeedReaderSchema } from '../../../shared/feed-bundle.ts'
import { decodeBundlePage, decodeFeedPage, type FeedPage } from './decode.ts'
import { feedRootUrl, fetchJson } from './http.ts'
import { articleKeys } from './keys.ts'

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
  }
}

/** The absolute URL of a bundle file named by one of the root's templates. */
export function templateUrl(root: FeedRoot, template: string, name: string): string {
  return new URL(fillTemplate(template, fileKey(name)), root.url).href
}

export async function fetchFeedRoot(url: string, signal?: AbortSignal): Promise<FeedRoot> {
  const json = await fetchJson(url, signal)
  const bundle = bundleInfo(json, url)
  const page = (bundle ? decodeBundlePage : decodeFeedPage)(json, url)
  return { url, page: { ...page, url }, bundle }
}

/** Any further list page: a bundle's pages are checked against the bundle schema. */
export async function fetchListPage(
  root: FeedRoot,
  url: string,
  signal?: AbortSignal,
): Promise<LoadedPage> {
  const json = await fetchJson(url, signal)
  return { ...(root.bundle ? decodeBundlePage : decodeFeedPage)(json, url), url }
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
