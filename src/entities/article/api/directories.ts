// The bundle's directories, categories.json and tags.json: each fetched by one query and read entry
// by entry with one rule, so one broken entry never hides the others. A plain JSON Feed has none.
import { queryOptions, type QueryClient } from '@tanstack/react-query'
import * as v from 'valibot'
import { CategoryEntrySchema, TagEntrySchema } from '../../../shared/feed-bundle.ts'
import { FeedError } from './feed-error.ts'
import { feedRootQueryOptions } from './feed-root.ts'
import { feedRootUrl, fetchJson } from './http.ts'
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

type Dir = 'categoriesUrl' | 'tagsUrl'

async function directoryUrl(client: QueryClient, feed: string, dir: Dir) {
  const root = await client.fetchQuery(feedRootQueryOptions(feed))
  return root.bundle?.[dir] ?? null
}

export function categoriesQueryOptions(feed: string = feedRootUrl()) {
  return queryOptions({
    queryKey: articleKeys.categories(feed),
    queryFn: async ({ client, signal }): Promise<Category[]> => {
      const url = await directoryUrl(client, feed, 'categoriesUrl')
      if (!url) return []
      const entries = await readDirectory(url, CategoryEntrySchema, signal)
      return entries.map((c) => ({
        slug: c.slug,
        name: c.name,
        count: c.count,
        feedUrl: new URL(c.feed_url, url).href,
        search: normalize(`${c.name} ${c.slug}`),
      }))
    },
    staleTime: 5 * 60_000,
  })
}

export function tagsQueryOptions(feed: string = feedRootUrl()) {
  return queryOptions({
    queryKey: articleKeys.tags(feed),
    queryFn: async ({ client, signal }): Promise<Tag[]> => {
      const url = await directoryUrl(client, feed, 'tagsUrl')
      if (!url) return []
      const entries = await readDirectory(url, TagEntrySchema, signal)
      return entries.map((t) => ({
        name: t.name,
        count: t.count,
        feedUrl: new URL(t.feed_url, url).href,
      }))
    },
    staleTime: 5 * 60_000,
  })
}
