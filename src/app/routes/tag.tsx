// `/tag/:tag`: the articles of one tag (any Unicode text; the path carries it percent-encoded).
import type { QueryClient } from '@tanstack/react-query'
import { useParams, type LoaderFunctionArgs } from 'react-router'
import { listInfiniteQueryOptions } from '../../features/feed/api/list-pages.ts'
import { ArticleFeed } from '../../features/feed/components/article-feed.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { messages } from '../../lib/messages.ts'
import { ListTools, renderListActions, useUnreadFilter } from '../list-actions.tsx'
import { useArticlePrefetch } from '../use-article-prefetch.ts'
import { throwNotFound } from '../not-found-response.ts'

const validTag = (s: string | undefined): s is string =>
  s !== undefined && s.trim() !== '' && s.length <= 200

// eslint-disable-next-line react-refresh/only-export-components -- a route module exports its loader
export const loader =
  (queryClient: QueryClient) =>
  ({ params }: LoaderFunctionArgs) => {
    if (!validTag(params.tag)) throwNotFound()
    void queryClient.prefetchInfiniteQuery(
      listInfiniteQueryOptions({ kind: 'tag', tag: params.tag }),
    )
    return null
  }

export default function TagRoute() {
  const tag = useParams().tag ?? ''
  const title = messages.tagTitle(tag)
  const prefetch = useArticlePrefetch()
  const visible = useUnreadFilter()
  return (
    <>
      <PageTitle title={title} />
      <h1>{title}</h1>
      <ListTools key={`tools-${tag}`} scope={{ kind: 'tag', tag }} />
      <ArticleFeed
        key={tag}
        scope={{ kind: 'tag', tag }}
        label={messages.listLabel(title)}
        onIntent={prefetch}
        renderActions={renderListActions}
        visible={visible}
      />
    </>
  )
}
