// Previous and next article within a list, read from that list's query (fetched again after a
// reload, so the links survive it).
import { useInfiniteQuery } from '@tanstack/react-query'
import type { Article } from '../../../shared/decode-feed.ts'
import type { ListScope } from '../../../lib/list-scope.ts'
import { listInfiniteQueryOptions } from './list-pages.ts'

export type Adjacent = { prev: Article | null; next: Article | null }

export function useAdjacentArticles(scope: ListScope, id: string): Adjacent {
  const { data } = useInfiniteQuery(listInfiniteQueryOptions(scope))
  const list = data?.pages.flatMap((p) => p.articles) ?? []
  const i = list.findIndex((a) => a.id === id)
  if (i < 0) return { prev: null, next: null }
  return { prev: list[i - 1] ?? null, next: list[i + 1] ?? null }
}
