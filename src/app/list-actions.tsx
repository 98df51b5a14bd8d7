// Reading state and favourites on every list and article view. Routes combine features here, as
// features never import each other: toggles per item, the list's tools (unread only, unread count,
// mark all read), the unread filter, and marking an opened article read.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useLocation } from 'react-router'
import { categoriesQueryOptions } from '../features/categories/api/categories.ts'
import { FavouriteToggle } from '../features/favourites/components/favourite-toggle.tsx'
import { listInfiniteQueryOptions } from '../features/feed/api/list-pages.ts'
import { MarkAllReadMenu } from '../features/reading-state/components/mark-all-read-menu.tsx'
import { ReadToggle } from '../features/reading-state/components/read-toggle.tsx'
import {
  CategoryUnreadCount,
  ListUnreadCount,
} from '../features/reading-state/components/unread-count.tsx'
import { UnreadOnlySwitch } from '../features/reading-state/components/unread-only-switch.tsx'
import { useMarkReadOnOpen } from '../features/reading-state/hooks.ts'
import { readMarksStore } from '../features/reading-state/read-marks-store.ts'
import { useUnreadOnly } from '../features/reading-state/list-helpers.ts'
import type { ListScope } from '../lib/list-scope.ts'
import type { Article } from '../shared/decode-feed.ts'

/** The source as people know it (the bundle's first tag is its source's label). */
function sourceOf(article: Article): string | null {
  return article.category === null ? null : (article.tags[0] ?? article.category)
}

/** The toggles of one list item; it also marks itself read when scrolled past, if so set. */
// eslint-disable-next-line react-refresh/only-export-components -- a render prop, not a component
export function renderListActions(article: Article) {
  return (
    <>
      <ReadToggle article={article} markOnScrollPast />
      <FavouriteToggle article={article} source={sourceOf(article)} />
    </>
  )
}

export type ArticleActionsProps = { article: Article }

/** The toggles of the article view; opening it marks it read, if so set. */
export function ArticleActions({ article }: ArticleActionsProps) {
  useMarkReadOnOpen(article)
  return (
    <>
      <ReadToggle article={article} />
      <FavouriteToggle article={article} source={sourceOf(article)} />
    </>
  )
}

export type ListToolsProps = { scope: ListScope }

/** Above a list: the "unread only" switch, the unread count, and mark all (or older) read. */
export function ListTools({ scope }: ListToolsProps) {
  const { data } = useInfiniteQuery(listInfiniteQueryOptions(scope))
  const articles = useMemo(() => data?.pages.flatMap((p) => p.articles) ?? [], [data])
  const slug = scope.kind === 'category' ? scope.slug : null
  const { data: categories } = useQuery({ ...categoriesQueryOptions(), enabled: slug !== null })
  const category = slug === null ? undefined : categories?.find((c) => c.slug === slug)
  return (
    <div className="list-tools">
      <UnreadOnlySwitch />
      {category ? (
        <CategoryUnreadCount slug={category.slug} total={category.count} />
      ) : (
        <ListUnreadCount items={articles} />
      )}
      <MarkAllReadMenu items={articles} />
    </div>
  )
}

/**
 * The list filter of ?unread=1, or undefined when the switch is off. It hides what was read when
 * the list was opened (or the switch turned on); articles read while reading the list stay in
 * place until the reader leaves, so scrolling past or marking never pulls the list from under them.
 */
// eslint-disable-next-line react-refresh/only-export-components -- a hook beside its components
export function useUnreadFilter(): ((article: Article) => boolean) | undefined {
  const unreadOnly = useUnreadOnly()
  const { pathname } = useLocation()
  const view = unreadOnly ? pathname : null
  const [baseline, setBaseline] = useState(() => ({ view, marks: readMarksStore.getSnapshot() }))
  if (baseline.view !== view) setBaseline({ view, marks: readMarksStore.getSnapshot() })
  return useMemo(
    () => (view === null ? undefined : (article: Article) => !baseline.marks.isRead(article.id)),
    [view, baseline],
  )
}

/** For the category directory: unread per category from its size and the stored read marks. */
// eslint-disable-next-line react-refresh/only-export-components -- a render prop, not a component
export function renderCategoryUnread(category: { slug: string; count: number }) {
  return <CategoryUnreadCount slug={category.slug} total={category.count} />
}
