// The category directory (categories.json of the bundle and its further pages): validated entry by
// entry, so one broken entry never hides the others. A plain JSON Feed has no directory: an empty list.
import { queryOptions } from '@tanstack/react-query'
import * as v from 'valibot'
import { CategoryEntrySchema, type CategoryEntry } from '../../../shared/feed-bundle.ts'
import { directoryPages, feedRootQueryOptions, feedRootUrl } from '../../../lib/feed-client.ts'

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
      const categories: Category[] = []
      for await (const entries of directoryPages(url, signal))
        for (const raw of entries) {
          const r = v.safeParse(CategoryEntrySchema, raw)
          if (r.success)
            categories.push({ ...r.output, search: normalize(`${r.output.name} ${r.output.slug}`) })
        }
      return categories
    },
    staleTime: 5 * 60_000,
  })
}
