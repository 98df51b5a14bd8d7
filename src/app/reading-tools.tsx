// Reading state and favourites where articles are shown: beside each list item, above and below
// each list, on the article view, and the list filtered to what is unread. Features never import
// each other; this is where the two meet. A lazy chunk: see reading-tools-lazy.tsx.
import { useInfiniteQuery } from '@tanstack/react-query'
import { listInfiniteQueryOptions } from '../entities/article/api/lists.ts'
import { sourceName, type Article } from '../entities/article/model/article.ts'
import { ALL, type ListScope } from '../entities/article/model/scope.ts'
import { FavouriteToggle } from '../features/favourites/components/favourite-toggle.tsx'
import { MarkAllReadMenu } from '../features/reading-state/components/mark-all-read-menu.tsx'
import { MarkRestRead } from '../features/reading-state/components/mark-rest-read.tsx'
import { ReadMarker } from '../features/reading-state/components/read-marker.tsx'
import { ReadToggle } from '../features/reading-state/components/read-toggle.tsx'
import { ListUnreadCount } from '../features/reading-state/components/unread-count.tsx'
import { UnreadOnlySwitch } from '../features/reading-state/components/unread-only-switch.tsx'
import {
  useMarkReadOnOpen,
  useReadState,
  useUnreadFilter,
} from '../features/reading-state/hooks.ts'
import { isArticleRead, unreadCount } from '../features/reading-state/read-state.ts'
import { SourceList, type SourceListProps } from '../features/categories/components/source-list.tsx'
import { useCallback, useMemo } from 'react'
import { useUnreadCount } from '../features/reading-state/list-totals.ts'
import { useSettings } from '../features/settings/settings-store.ts'
import { PageTitle } from '../components/page-title.tsx'
import { ArticleFeed, type ArticleFeedProps } from '../features/feed/components/article-feed.tsx'
import { useMuted } from './muted.ts'

const loadedArticles = (d: { pages: readonly { articles: readonly Article[] }[] }) =>
  d.pages.flatMap((p) => p.articles)

/**
 * The loaded articles of a list that are unread and muted: the unread counts leave them out. Only
 * what is loaded can be known (a bundle gives a list's size, not its titles), so a muted article
 * further down counts until its page is loaded.
 */
function useHiddenUnread(scope: ListScope): readonly Article[] {
  const muted = useMuted()
  const state = useReadState()
  const { data } = useInfiniteQuery({
    ...listInfiniteQueryOptions(scope),
    enabled: false,
    select: loadedArticles,
  })
  return useMemo(
    () => (muted && data ? data.filter((a) => muted(a) && !isArticleRead(state, a)) : []),
    [muted, data, state],
  )
}

export type ActionsProps = { article: Article }

/** The toggles of one list item; it also marks itself read when scrolled past, if so set. */
export function ItemActions({ article }: ActionsProps) {
  return (
    <>
      <ReadToggle article={article} markOnScrollPast />
      <FavouriteToggle article={article} source={sourceName(article)} />
    </>
  )
}

/** The unread dot of one list item. */
export function ItemMarker({ article }: ActionsProps) {
  return <ReadMarker article={article} />
}

/** The toggles of the article view; opening it marks it read, if so set. */
export function ArticleActions({ article }: ActionsProps) {
  useMarkReadOnOpen(article)
  return (
    <>
      <ReadToggle article={article} />
      <FavouriteToggle article={article} source={sourceName(article)} />
    </>
  )
}

export type ListToolsProps = { scope: ListScope }

/**
 * Above a list: "unread only", the unread count, and mark all (or older) read. While the list is
 * loading, has failed, or is empty, they say nothing of what is read.
 */
export function ListTools({ scope }: ListToolsProps) {
  // Reads what the list on screen has loaded; the list's own observer does the fetching.
  const { data: loaded, isSuccess } = useInfiniteQuery({
    ...listInfiniteQueryOptions(scope),
    enabled: false,
    select: (d) => d.pages.some((p) => p.articles.length > 0),
  })
  const ready = isSuccess && loaded
  const hidden = useHiddenUnread(scope).length
  return (
    <div className="list-tools">
      <UnreadOnlySwitch />
      {ready && <ListUnreadCount scope={scope} hidden={hidden} />}
      {ready && <MarkAllReadMenu scope={scope} />}
    </div>
  )
}

/** Below a list: "mark the rest read", when articles become read as they scroll past. */
export function ListEnd({ scope }: ListToolsProps) {
  const { data } = useInfiniteQuery({
    ...listInfiniteQueryOptions(scope),
    enabled: false,
    select: loadedArticles,
  })
  return data ? <MarkRestRead items={data} /> : null
}

/**
 * The list with "unread only" on: it hides what was read when the list was opened (or the switch
 * turned on), and what the reader marks while reading stays in place until they leave.
 */
export function UnreadFeed(props: ArticleFeedProps & { view: string }) {
  const { view, ...feed } = props
  return <ArticleFeed {...feed} visible={useUnreadFilter(view)} />
}

export type ListTitleProps = { scope: ListScope; title: string }

/** The list's document title, with its unread count first when the reader asks for it. */
export function ListTitle({ scope, title }: ListTitleProps) {
  const hidden = useHiddenUnread(scope).length
  const all = useUnreadCount(scope)
  const count = all === null ? null : all - hidden
  const show = useSettings().titleCount && count !== null && count > 0
  return <PageTitle title={title} count={show ? count : undefined} />
}

export type SourcesProps = Omit<SourceListProps, 'unreadOf' | 'unreadAll'> & { total: number }

/** The sidebar's sources with their unread counts. */
export function Sources({ categories, current, total }: SourcesProps) {
  const state = useReadState()
  // Muted unread articles of the latest list, as loaded: each source's count leaves its own out.
  const hidden = useHiddenUnread(ALL)
  const unreadOf = useCallback(
    (slug: string, count: number) =>
      unreadCount(state, { kind: 'category', slug }, count) -
      hidden.filter((a) => a.category === slug).length,
    [state, hidden],
  )
  const all = unreadCount(state, { kind: 'all' }, total, categories) - hidden.length
  return (
    <SourceList categories={categories} current={current} unreadOf={unreadOf} unreadAll={all} />
  )
}
