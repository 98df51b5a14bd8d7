// Reads articles out of the cached lists: an article opened from a list shows its title at once,
// and a plain JSON Feed's inline bodies need no second request.
import type { InfiniteData, QueryClient } from '@tanstack/react-query'
import type { Article } from '../shared/decode-feed.ts'
import type { LoadedPage } from './feed-client.ts'

export type ListData = InfiniteData<LoadedPage, string | null>

export function findCachedArticle(client: QueryClient, id: string): Article | null {
  let found: Article | null = null
  for (const [, data] of client.getQueriesData<ListData>({ queryKey: ['articles', 'list'] })) {
    for (const page of data?.pages ?? []) {
      const a = page.articles.find((x) => x.id === id)
      // Prefer a copy that carries its body inline.
      if (a && (!found || (found.contentHtml === null && found.contentText === null))) found = a
    }
  }
  return found
}
