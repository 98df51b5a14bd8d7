// The bundle's directories, categories.json and tags.json: each fetched by one query and read entry
// by entry with one rule, so one broken entry never hides the others. A plain JSON Feed has none.
import { queryOptions } from '@tanstack/react-query'
import * as v from 'valibot'
import {
  CategoryEntrySchema,
  TagEntrySchema,
  directoryEntries,
} from '../../../shared/feed-bundle.ts'
import { normalize } from '../../../shared/normalize.ts'
import { FeedError } from './feed-error.ts'
import { feedRootQueryOptions, feedRootUrl, fetchJson } from './fetch-feed.ts'
import { articleKeys } from './keys.ts'

export type Category = {
  slug: string
  name: string
  count: number
  /** Absolute URL of the category's feed. */
  feedUrl: string
  /** Lower-case, width-folded name and slug: what the filter box matches against. */
  search: string
}

export type Tag = { name: string; count: number; feedUrl: string }

/** The same normalization as search (NFKC, lower case, spaces folded). */
export { normalize }

/** A directory of more pages than this is cut short (a loop, or a hostile bundle). */
const MAX_DIRECTORY_PAGES = 1_000

/**
 * The valid entries of a directory, page by page: version 2 pages follow `next_url` on the same
 * origin (the entries' URLs are relative to the head page, beside which every page sits); a
 * version 1 directory is one plain array. A file that is neither is an error.
 */
async function readDirectory<S extends v.GenericSchema>(
  url: string,
  schema: S,
  signal: AbortSignal,
): Promise<v.InferOutput<S>[]> {
  const out: v.InferOutput<S>[] = []
  const seen = new Set<string>()
  for (let page: string | undefined = url; page !== undefined && !seen.has(page);) {
    if (seen.size >= MAX_DIRECTORY_PAGES) break
    seen.add(page)
    const dir = directoryEntries(await fetchJson(page, signal))
    if (!dir) throw new FeedError('bad-items', `${page} is not a directory of the bundle`)
    for (const raw of dir.items) {
      const r = v.safeParse(schema, raw)
      if (r.success) out.push(r.output)
    }
    const next: URL | undefined = dir.nextUrl ? new URL(dir.nextUrl, page) : undefined
    page = next && next.origin === new URL(page).origin ? next.href : undefined
  }
  return out
}

/** One directory of the bundle as a query: each valid entry of the file, in the app's form. */
function directoryQueryOptions<S extends v.GenericSchema, T>(
  feed: string,
  dir: 'categoriesUrl' | 'tagsUrl',
  schema: S,
  toEntry: (entry: v.InferOutput<S>, url: string) => T,
) {
  // The key names the directory; its schema and entry form follow from it.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions({
    queryKey: dir === 'categoriesUrl' ? articleKeys.categories(feed) : articleKeys.tags(feed),
    queryFn: async ({ client, signal }): Promise<T[]> => {
      const root = await client.fetchQuery(feedRootQueryOptions(feed))
      const url = root.bundle?.[dir]
      if (!url) return []
      const entries = await readDirectory(url, schema, signal)
      return entries.map((e) => toEntry(e, url))
    },
    staleTime: 5 * 60_000,
  })
}

export const categoriesQueryOptions = (feed: string = feedRootUrl()) =>
  directoryQueryOptions(feed, 'categoriesUrl', CategoryEntrySchema, (c, url): Category => ({
    slug: c.slug,
    name: c.name,
    count: c.count,
    feedUrl: new URL(c.feed_url, url).href,
    search: normalize(`${c.name} ${c.slug}`),
  }))

export const tagsQueryOptions = (feed: string = feedRootUrl()) =>
  directoryQueryOptions(feed, 'tagsUrl', TagEntrySchema, (t, url): Tag => ({
    name: t.name,
    count: t.count,
    feedUrl: new URL(t.feed_url, url).href,
  }))
