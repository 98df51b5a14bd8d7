// A whole list of one scope: loading, error (with retry), empty and loaded states, paging by
// button and by scrolling, the live "new items" banner, quiet counts of muted and skipped items. A
// scope the feed does not have is thrown to the route's boundary as not found.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useMemo, type ReactNode } from 'react'
import { isNotFound } from '../../../entities/article/api/feed-error.ts'
import { feedRootQueryOptions } from '../../../entities/article/api/fetch-feed.ts'
import { feedRootUrl } from '../../../entities/article/api/fetch-feed.ts'
import { listInfiniteQueryOptions } from '../../../entities/article/api/lists.ts'
import type { Article } from '../../../entities/article/model/article.ts'
import type { ListScope } from '../../../entities/article/model/scope.ts'
import { ErrorMessage } from '../../../entities/article/ui/error-message.tsx'
import { useHidden } from '../../../components/hidden-note.tsx'
import { messages } from '../../../lib/messages.ts'
import { ArticleList } from './article-list.tsx'
import { LoadMore } from './load-more.tsx'
import { NewItemsButton } from './new-items-button.tsx'

export type ArticleFeedProps = {
  scope: ListScope
  /** Accessible name of the list. */
  label: string
  /** Per-article extra controls, e.g. read/favourite toggles. */
  renderActions?: (article: Article) => ReactNode
  /** Per-article marker before the title, e.g. the unread dot. */
  renderMarker?: (article: Article) => ReactNode
  /** Shows only the articles it accepts (e.g. unread only); the others stay loaded. */
  visible?: (article: Article) => boolean
  /** Muted articles (the settings' words and sources): hidden, with a note that can show them. */
  muted?: (article: Article) => boolean
  /** Shown instead of the list when `visible` hides every loaded article. */
  filteredEmpty?: ReactNode
  /** Below the list, e.g. "mark the rest read". */
  footer?: ReactNode
  /** The reader may open this article soon: the route prefetches it. */
  onIntent?: (article: Article) => void
  /** The feed's root URL (default: the app's feed). */
  feed?: string
}

export function ArticleFeed({
  scope,
  label,
  renderActions,
  renderMarker,
  visible,
  muted,
  filteredEmpty,
  footer,
  onIntent,
  feed = feedRootUrl(),
}: ArticleFeedProps) {
  const q = useInfiniteQuery({
    ...listInfiniteQueryOptions(scope, feed),
    throwOnError: (error) => isNotFound(error) && scope.kind !== 'all',
  })
  const { data: total } = useQuery({
    ...feedRootQueryOptions(feed),
    enabled: scope.kind === 'all',
    select: (root) => root.bundle?.totalItems ?? null,
  })
  const pages = q.data?.pages
  const articles = useMemo(() => pages?.flatMap((p) => p.articles) ?? [], [pages])
  const unread = useMemo(() => (visible ? articles.filter(visible) : articles), [articles, visible])
  const { kept: shown, hidden, count, note } = useHidden(unread, muted)
  const skipped = pages?.reduce((n, p) => n + p.skipped, 0) ?? 0
  const repaired = pages?.reduce((n, p) => n + p.repaired, 0) ?? 0
  const firstPage = pages?.[0]
  const setSize = !q.hasNextPage ? shown.length : visible || count ? -1 : (total ?? -1)

  if (q.isError && !firstPage)
    return <ErrorMessage error={q.error} onRetry={() => void q.refetch()} />

  return (
    <>
      {firstPage && (
        <NewItemsButton
          scope={scope}
          feed={feed}
          firstPage={firstPage}
          loadedAt={q.dataUpdatedAt}
        />
      )}
      {q.isRefetchError && <ErrorMessage error={q.error} onRetry={() => void q.refetch()} />}
      {q.isPending && (
        <p className="notice" role="status">
          {messages.loadingList}
        </p>
      )}
      {note}
      <ArticleList
        articles={shown}
        label={label}
        busy={q.isFetching}
        setSize={setSize}
        from={scope}
        unreadOnly={visible !== undefined}
        renderActions={renderActions}
        renderMarker={
          hidden
            ? (a) => (
                <>
                  {hidden.has(a) && <span className="muted-mark">{messages.muted}</span>}
                  {renderMarker?.(a)}
                </>
              )
            : renderMarker
        }
        onIntent={onIntent}
      />
      {visible && articles.length > 0 && unread.length === 0 && filteredEmpty}
      {q.isSuccess && articles.length === 0 && !q.hasNextPage && (
        <p className="notice" role="status">
          {scope.kind === 'all' ? messages.emptyFeed : messages.emptyList}
        </p>
      )}
      {q.isPending ? null : q.isFetchNextPageError ? (
        <ErrorMessage error={q.error} onRetry={() => void q.fetchNextPage()} />
      ) : q.hasNextPage ? (
        <LoadMore
          loading={q.isFetchingNextPage}
          onLoadMore={() => void q.fetchNextPage()}
          shown={shown.length}
        />
      ) : (
        articles.length > 0 && <p className="end">{messages.endOfList}</p>
      )}
      {articles.length > 0 && footer}
      {(skipped > 0 || repaired > 0) && (
        <p className="note">{messages.skippedItems(skipped, repaired)}</p>
      )}
    </>
  )
}
