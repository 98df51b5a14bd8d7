// The size of a whole list as the bundle gives it (the root page's total, the directories' counts),
// and what is unread of it. Null while they load, and for a plain JSON Feed not loaded to its end.
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { categoriesQueryOptions, tagsQueryOptions } from '../../entities/article/api/directories.ts'
import { feedRootQueryOptions } from '../../entities/article/api/fetch-feed.ts'
import { listInfiniteQueryOptions } from '../../entities/article/api/lists.ts'
import type { ListScope } from '../../entities/article/model/scope.ts'
import { useReadState } from './hooks.ts'
import { isArticleRead, tagNeedsProjection, unreadCount } from './read-state.ts'

/** Tags whose share of an "all articles" cut-off is being counted. */
const projecting = new Set<string>()

export function useUnreadCount(scope: ListScope): number | null {
  const state = useReadState()
  const client = useQueryClient()
  const project = scope.kind === 'tag' ? tagNeedsProjection(state.cuts, scope.tag) : null
  const tag = scope.kind === 'tag' ? scope.tag : null
  useEffect(() => {
    if (!project || tag === null || projecting.has(tag)) return
    projecting.add(tag)
    import('./mark-list-read.ts')
      .then((m) => m.projectTagCutoff(client, tag, project))
      .catch(() => {})
      .finally(() => projecting.delete(tag))
  }, [client, project, tag])
  const root = useQuery(feedRootQueryOptions())
  const bundle = root.data?.bundle
  const categories = useQuery({
    ...categoriesQueryOptions(),
    enabled: !!bundle && scope.kind !== 'tag',
  })
  const tags = useQuery({ ...tagsQueryOptions(), enabled: !!bundle && scope.kind === 'tag' })
  // A plain feed's list is as long as what it holds: known once it is loaded to its end.
  const loaded = useInfiniteQuery({
    ...listInfiniteQueryOptions(scope),
    enabled: false,
    select: (d) => d.pages.flatMap((p) => p.articles),
  })
  if (!root.data) return null
  if (!bundle) {
    if (!loaded.data || loaded.hasNextPage) return null
    return loaded.data.filter((a) => !isArticleRead(state, a)).length
  }
  if (scope.kind === 'tag') {
    const total = tags.data?.find((t) => t.name === scope.tag)?.count
    if (total === undefined || tagNeedsProjection(state.cuts, scope.tag)) return null
    return unreadCount(state, scope, total)
  }
  if (!categories.data) return null
  if (scope.kind === 'category') {
    const total = categories.data.find((c) => c.slug === scope.slug)?.count
    return total === undefined ? null : unreadCount(state, scope, total)
  }
  return unreadCount(state, scope, bundle.totalItems, categories.data)
}
