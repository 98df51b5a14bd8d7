// A cold start's first data: the list of the page being opened, asked for before React renders.
import type { QueryClient } from '@tanstack/react-query'
import { listInfiniteQueryOptions } from '../entities/article/api/lists.ts'
import { ALL, type ListScope } from '../entities/article/model/scope.ts'

/**
 * Starts the first screen's list before React renders (a list page opened cold): its data and
 * React's first render then overlap instead of following each other.
 */
export function prefetchFirstScreen(client: QueryClient, pathname: string) {
  const [, first = '', second = ''] = pathname.split('/')
  let scope: ListScope | null = null
  try {
    if (first === '') scope = ALL
    else if (first === 'category' && second)
      scope = { kind: 'category', slug: decodeURIComponent(second) }
    else if (first === 'tag' && second) scope = { kind: 'tag', tag: decodeURIComponent(second) }
  } catch {
    // A malformed address: the page itself says not found.
  }
  if (scope) void client.prefetchInfiniteQuery(listInfiniteQueryOptions(scope))
}
