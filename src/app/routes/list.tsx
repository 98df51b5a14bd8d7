// `/`, `/category/:slug` and `/tag/:tag`: one list page, the scope its parameter. Title, the
// reading tools and the list of the scope; an article the reader points at is fetched ahead.
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { Navigate, useSearchParams } from 'react-router'
import { articleQueryOptions } from '../../entities/article/api/article.ts'
import { categoriesQueryOptions } from '../../entities/article/api/directories.ts'
import { listInfiniteQueryOptions } from '../../entities/article/api/lists.ts'
import { sourceName, type Article } from '../../entities/article/model/article.ts'
import { categoryPath } from '../../entities/article/model/paths.ts'
import { ALL, formatFrom, type ListScope } from '../../entities/article/model/scope.ts'
import { ArticleFeed } from '../../features/feed/components/article-feed.tsx'
import { DensityToggle } from '../../features/settings/components/density-toggle.tsx'
import { messages } from '../../lib/messages.ts'
import { UNREAD_PARAM, useUnreadOnly } from '../../features/reading-state/list-helpers.ts'
import {
  ItemActions,
  ItemMarker,
  ListEnd,
  ListTitle,
  ListTools,
  UnreadFeed,
} from '../reading-tools-lazy.tsx'
import { useMuted } from '../muted.ts'
import { useNameParam } from '../route-params.ts'
import { useInWideLayout } from '../wide-layout.ts'

/** Opening an article from a list should feel instant: its page code and body are fetched ahead. */
function useArticlePrefetch(): (article: Article) => void {
  const client = useQueryClient()
  return useCallback(
    (article: Article) => {
      void import('./article.tsx')
      void client.prefetchQuery(articleQueryOptions(article.id))
    },
    [client],
  )
}

/** A category's name from the directory; its posts' source name meanwhile (or if absent). */
function useTitle(scope: ListScope): string {
  const slug = scope.kind === 'category' ? scope.slug : null
  const { data: name } = useQuery({
    ...categoriesQueryOptions(),
    enabled: slug !== null,
    select: (categories) => categories.find((c) => c.slug === slug)?.name,
  })
  const { data: source } = useInfiniteQuery({
    ...listInfiniteQueryOptions(scope),
    enabled: false,
    select: (d) => {
      const first = d.pages[0]?.articles[0]
      return first ? sourceName(first) : null
    },
  })
  if (scope.kind === 'tag') return messages.tagTitle(scope.tag)
  if (scope.kind === 'category') return messages.categoryTitle(name ?? source ?? scope.slug)
  return messages.latestTitle
}

const renderItemActions = (article: Article) => <ItemActions article={article} />
const renderItemMarker = (article: Article) => <ItemMarker article={article} />

/** With "unread only" on and nothing unread: say so, and offer the whole list. */
function NoUnread() {
  const [, setParams] = useSearchParams()
  return (
    <div className="notice" role="status">
      <p>{messages.noUnread}</p>
      <button
        type="button"
        onClick={() =>
          setParams(
            (prev) => {
              const next = new URLSearchParams(prev)
              next.delete(UNREAD_PARAM)
              return next
            },
            { replace: true },
          )
        }
      >
        {messages.showAll}
      </button>
    </div>
  )
}

/**
 * One list. `beside` is set when it shares the page with an open article (wide screens): the
 * article's title is then the page's h1, and the list's heading one level down.
 */
export function ListPage({ scope, beside = false }: { scope: ListScope; beside?: boolean }) {
  const Heading = beside ? 'h2' : 'h1'
  const title = useTitle(scope)
  const prefetch = useArticlePrefetch()
  const feed = {
    scope,
    label: messages.listLabel(title),
    onIntent: prefetch,
    muted: useMuted(),
    renderActions: renderItemActions,
    renderMarker: renderItemMarker,
    footer: <ListEnd scope={scope} />,
  }
  return (
    <>
      {!beside && (
        <ListTitle scope={scope} title={scope.kind === 'all' ? messages.appName : title} />
      )}
      <div className="list-head">
        <Heading className="list-title">{title}</Heading>
        <DensityToggle />
      </div>
      <ListTools scope={scope} />
      {useUnreadOnly() ? (
        <UnreadFeed {...feed} view={formatFrom(scope)} filteredEmpty={<NoUnread />} />
      ) : (
        <ArticleFeed {...feed} />
      )}
    </>
  )
}

export function HomeRoute() {
  return useInWideLayout() ? null : <ListPage scope={ALL} />
}

export function CategoryRoute() {
  const slug = useNameParam()
  const wide = useInWideLayout()
  // The old site's category pages were /category/<slug>.html.
  if (slug.endsWith('.html')) return <Navigate replace to={categoryPath(slug.slice(0, -5))} />
  const scope: ListScope = { kind: 'category', slug }
  return wide ? null : <ListPage key={formatFrom(scope)} scope={scope} />
}

export function TagRoute() {
  const tag = useNameParam()
  const scope: ListScope = { kind: 'tag', tag }
  return useInWideLayout() ? null : <ListPage key={formatFrom(scope)} scope={scope} />
}
