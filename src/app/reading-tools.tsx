// The reading state and favourites controls with their stores and codecs: a lazy chunk that
// list-actions.tsx fetches as the first list renders, so none of it delays the first screen.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { categoriesQueryOptions } from '../features/categories/api/categories.ts'
import { FavouriteToggle } from '../features/favourites/components/favourite-toggle.tsx'
import { listInfiniteQueryOptions } from '../features/feed/api/list-pages.ts'
import { MarkAllReadMenu } from '../features/reading-state/components/mark-all-read-menu.tsx'
import { ReadToggle } from '../features/reading-state/components/read-toggle.tsx'
import {
  CategoryUnreadCount,
  ListUnreadCount,
} from '../features/reading-state/components/unread-count.tsx'
import { useMarkReadOnOpen } from '../features/reading-state/hooks.ts'
import type { ListScope } from '../lib/list-scope.ts'
import type { Article } from '../shared/decode-feed.ts'

// eslint-disable-next-line react-refresh/only-export-components -- the unread filter's snapshot
export { readMarksStore } from '../features/reading-state/read-marks-store.ts'

/** The source as people know it (the bundle's first tag is its source's label). */
function sourceOf(article: Article): string | null {
  return article.category === null ? null : (article.tags[0] ?? article.category)
}

export type ActionsProps = { article: Article }

/** The toggles of one list item; it also marks itself read when scrolled past, if so set. */
export function ItemActions({ article }: ActionsProps) {
  return (
    <>
      <ReadToggle article={article} markOnScrollPast />
      <FavouriteToggle article={article} source={sourceOf(article)} />
    </>
  )
}

/** The toggles of the article view; opening it marks it read, if so set. */
export function ArticleActions({ article }: ActionsProps) {
  useMarkReadOnOpen(article)
  return (
    <>
      <ReadToggle article={article} />
      <FavouriteToggle article={article} source={sourceOf(article)} />
    </>
  )
}

export type ListCountsProps = { scope: ListScope }

/** The list's unread count and "mark all (or older) read". */
export function ListCounts({ scope }: ListCountsProps) {
  // Reads what the list on screen has loaded, never fetches: mounting after the list (this chunk
  // arrives later), an observer of its own would refetch a list that failed and hide its error.
  const { data } = useInfiniteQuery({ ...listInfiniteQueryOptions(scope), enabled: false })
  const articles = useMemo(() => data?.pages.flatMap((p) => p.articles) ?? [], [data])
  const slug = scope.kind === 'category' ? scope.slug : null
  const { data: categories } = useQuery({ ...categoriesQueryOptions(), enabled: slug !== null })
  const category = slug === null ? undefined : categories?.find((c) => c.slug === slug)
  return (
    <>
      {category ? (
        <CategoryUnreadCount slug={category.slug} total={category.count} />
      ) : (
        <ListUnreadCount items={articles} />
      )}
      <MarkAllReadMenu items={articles} />
    </>
  )
}

export { CategoryUnreadCount }
export { StorageNotice } from '../components/ui/storage-notice.tsx'
