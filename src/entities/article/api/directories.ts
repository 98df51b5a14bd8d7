// The bundle's directories, categories.json and tags.json: each fetched by one query and read entry
// by entry with one rule, so one broken entry never hides the others. A plain JSON Feed has none.
import { queryOptions } from '@tanstack/react-query'
import * as v from 'valibot'
import { CategoryEntrySchema, TagEntrySchema } from '../../../shared/feed-bundle.ts'
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

export function normalize(s: string): string {
  return s.normalize('NFKC').toLowerCase().trim()
}

/** The valid entries of a directory file; a file that is not a list at all is an error. */
async function readDirectory<S extends v.GenericSchema>(
  url: string,
  schema: S,
  signal: AbortSignal,
): Promise<v.InferOutput<S>[]> {
  const json = await fetchJson(url, signal)
  if (!Array.isArray(json)) throw new FeedError('bad-items', `${url} is not a list`)
  return json.flatMap((raw) => {
    const r = v.safeParse(schema, raw)
    return r.success ? [r.output] : []
  })
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
