// The category directory (categories.json of the bundle): validated entry by entry, so one broken
// entry never hides the others. A plain JSON Feed has no directory: an empty list.
import { queryOptions } from '@tanstack/react-query'
import * as v from 'valibot'
import { CategoryEntrySchema, type CategoryEntry } from '../../../shared/feed-bundle.ts'
import { FeedError } from '../../../shared/decode-feed.ts'
import { feedRootQueryOptions, feedRootUrl, fetchJson } from '../../../lib/feed-client.ts'

export type Category = CategoryEntry & {
  /** Lower-case, width-folded name and slug: what the filter box matches against. */
  search: string
}

export function normalize(s: string): string {
  return s.normalize('NFKC').toLowerCase().trim()
}

export function categoriesQueryOptions(feed: string = feedRootUrl()) {
  return queryOptions({
    queryKey: ['categories', 'list', feed] as const,
    queryFn: async ({ client, signal }): Promise<Category[]> => {
      const root = await client.fetchQuery(feedRootQueryOptions(feed))
      const url = root.bundle?.categoriesUrl
      if (!url) return []
      const json = await fetchJson(url, signal)
      if (!Array.isArray(json)) throw new FeedError('bad-items', 'categories.json is not a list')
      return json.flatMap((raw) => {
        const r = v.safeParse(CategoryEntrySchema, raw)
        return r.success
          ? [{ ...r.output, search: normalize(`${r.output.name} ${r.output.slug}`) }]
          : []
      })
    },
    staleTime: 5 * 60_000,
  })
}
