// `/`: the latest articles of all sources.
import type { QueryClient } from '@tanstack/react-query'
import { listInfiniteQueryOptions } from '../../features/feed/api/list-pages.ts'
import { ArticleFeed } from '../../features/feed/components/article-feed.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { ALL } from '../../lib/list-scope.ts'
import { messages } from '../../lib/messages.ts'
import { ListTools, renderListActions, useUnreadFilter } from '../list-actions.tsx'
import { useArticlePrefetch } from '../use-article-prefetch.ts'

// eslint-disable-next-line react-refresh/only-export-components -- a route module exports its loader
export const loader = (queryClient: QueryClient) => () => {
  // Start loading with the route's module; the list shows its own loading and error states.
  void queryClient.prefetchInfiniteQuery(listInfiniteQueryOptions(ALL))
  return null
}

export default function HomeRoute() {
  const prefetch = useArticlePrefetch()
  const visible = useUnreadFilter()
  return (
    <>
      <PageTitle title={messages.appName} />
      <h1>{messages.latestTitle}</h1>
      <ListTools scope={ALL} />
      <ArticleFeed
        scope={ALL}
        label={messages.listLabel(messages.latestTitle)}
        onIntent={prefetch}
        renderActions={renderListActions}
        visible={visible}
      />
    </>
  )
}
