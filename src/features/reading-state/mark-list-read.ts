// "Mark all read" for a whole list (all articles, a category, a tag), pages not loaded included, or
// only its articles older than a day or a week: one cut-off for the list, counted from the bundle's
// size of the list. The articles still unread after it are walked from the top of the list: for
// all articles and a category those newer than it (few for "all", at most a week's worth
// otherwise); for a tag, the whole tag, whose articles also count in their categories.
import { InfiniteQueryObserver, type QueryClient } from '@tanstack/react-query'
import { categoriesQueryOptions, tagsQueryOptions } from '../../entities/article/api/directories.ts'
import { feedRootQueryOptions } from '../../entities/article/api/fetch-feed.ts'
import { listInfiniteQueryOptions } from '../../entities/article/api/lists.ts'
import type { Article } from '../../entities/article/model/article.ts'
import type { ListScope } from '../../entities/article/model/scope.ts'
import { readStateNow } from './hooks.ts'
import { cutoffKey, cutoffsStore, type Cutoff } from './read-cutoffs.ts'
import {
  cutoffFor,
  projectionFor,
  projectionKey,
  undoCutoff,
  unreadCount,
  type Totals,
} from './read-state.ts'

/** Pages walked at most (5,000 articles). */
const MAX_PAGES = 100

/** The size of a whole list, from the bundle's root page and directories; null for a plain feed. */
export async function listTotals(
  client: QueryClient,
  scope: ListScope,
): Promise<Omit<Totals, 'total'> & { total: number | null }> {
  const root = await client.fetchQuery(feedRootQueryOptions())
  if (!root.bundle) return { total: null }
  const categories = await client.fetchQuery(categoriesQueryOptions())
  if (scope.kind === 'all') return { total: root.bundle.totalItems, categories }
  if (scope.kind === 'category')
    return { total: categories.find((c) => c.slug === scope.slug)?.count ?? null }
  const tags = await client.fetchQuery(tagsQueryOptions())
  return { total: tags.find((t) => t.name === scope.tag)?.count ?? null, categories, tags }
}

/**
 * Loads the list from the top until an article published at or before `until(loaded)` is loaded,
 * or to its end (`until` null), at most MAX_PAGES pages.
 */
async function loadList(
  client: QueryClient,
  scope: ListScope,
  until: ((articles: readonly Article[]) => number) | null,
): Promise<Article[]> {
  const observer = new InfiniteQueryObserver(client, listInfiniteQueryOptions(scope))
  let result = observer.getCurrentResult()
  if (!result.data) result = (await observer.refetch()) as typeof result
  for (let pages = 1; ; pages++) {
    if (result.isError) throw result.error
    const articles = result.data?.pages.flatMap((p) => p.articles) ?? []
    const last = articles[articles.length - 1]
    const crossed =
      until !== null && (!last || last.publishedMs === null || last.publishedMs <= until(articles))
    if (crossed || !result.hasNextPage || pages >= MAX_PAGES) return articles
    result = await observer.fetchNextPage()
  }
}

export type MarkListResult = {
  /** Articles that became read. */
  marked: number
  /** Puts the list's previous cut-off back (the undo of the toast). */
  undo: () => void
}

/**
 * Marks the list read: everything (`olderThanMs` null) or what is older than that many ms. Throws
 * what loading the list threw (the reader is told; nothing is marked).
 */
export async function markListRead(
  client: QueryClient,
  scope: ListScope,
  olderThanMs: number | null,
): Promise<MarkListResult> {
  const totals = await listTotals(client, scope)
  const now = Date.now()
  // All of it: up to its newest article, so one that arrives later, however dated, is new.
  const newest = (a: readonly Article[]) => {
    const latest = Math.max(...a.map((x) => x.publishedMs ?? -Infinity))
    return Number.isFinite(latest) ? latest : now
  }
  const until = (a: readonly Article[]) => (olderThanMs === null ? newest(a) : now - olderThanMs)
  // A tag is walked whole (its articles count in their categories too), and so is a plain feed.
  const toEnd = totals.total === null || scope.kind === 'tag'
  const articles = await loadList(client, scope, toEnd ? null : until)
  const state = readStateNow()
  const total = totals.total ?? articles.length
  const unreadBefore = unreadCount(state, scope, total, totals.categories)

  const key = cutoffKey(scope)
  const previous = state.cuts.get(key)
  const entry = cutoffFor(state, scope, { ...totals, total }, articles, until(articles))
  cutoffsStore.update((cuts) => new Map(cuts).set(key, entry))

  const unreadAfter = unreadCount(readStateNow(), scope, total, totals.categories)
  return {
    marked: Math.max(0, unreadBefore - unreadAfter),
    undo: () =>
      cutoffsStore.update((cuts) => undoCutoff({ ...readStateNow(), cuts }, scope, previous).cuts),
  }
}

/**
 * A tag's share of the latest "all articles" cut-off, for its unread count: walks the tag's list
 * down to that cut-off's time, like markListRead.
 */
export async function projectTagCutoff(
  client: QueryClient,
  tag: string,
  all: Cutoff,
): Promise<void> {
  const scope: ListScope = { kind: 'tag', tag }
  const totals = await listTotals(client, scope)
  if (totals.total === null) return
  const articles = await loadList(client, scope, () => all.before)
  const entry = projectionFor(readStateNow(), tag, totals.total, articles, all)
  cutoffsStore.update((cuts) => new Map(cuts).set(projectionKey(tag), entry))
}
