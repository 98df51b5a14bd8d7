// `/article/:id`: one article. Opened from a list, its title and meta show at once from the list's
// cache while the body loads; a cold deep link loads the content file (or searches a plain feed).
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useDeferredValue } from 'react'
import { useParams, useSearchParams, type LoaderFunctionArgs } from 'react-router'
import { articleQueryOptions } from '../../features/articles/api/article-detail.ts'
import { ArticleNav } from '../../features/articles/components/article-nav.tsx'
import { ArticleView } from '../../features/articles/components/article-view.tsx'
import { useAdjacentArticles } from '../../features/feed/api/adjacent.ts'
import { ErrorMessage } from '../../components/ui/error-message.tsx'
import { NotFound } from '../../components/not-found.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { isNotFound } from '../../lib/error-text.ts'
import { findCachedArticle } from '../../lib/list-cache.ts'
import { parseFrom } from '../../lib/list-scope.ts'
import { messages } from '../../lib/messages.ts'
import { throwNotFound } from '../not-found-response.ts'
import { ArticleActions } from '../list-actions.tsx'

const validId = (s: string | undefined): s is string =>
  s !== undefined && s.trim() !== '' && s.length <= 2_000

// eslint-disable-next-line react-refresh/only-export-components -- a route module exports its loader
export const loader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    if (!validId(params.id)) throwNotFound()
    const options = articleQueryOptions(params.id)
    // Known from a list: render now, the body follows.
    if (findCachedArticle(queryClient, params.id)) {
      void queryClient.prefetchQuery(options)
      return null
    }
    try {
      await queryClient.ensureQueryData(options)
    } catch (e) {
      if (isNotFound(e)) throwNotFound()
      throw e
    }
    return null
  }

export default function ArticleRoute() {
  const id = useParams().id ?? ''
  const [search] = useSearchParams()
  const from = parseFrom(search.get('from'))
  const client = useQueryClient()
  const q = useQuery({
    ...articleQueryOptions(id),
    placeholderData: () => findCachedArticle(client, id) ?? undefined,
  })
  const { prev, next } = useAdjacentArticles(from, id)
  // Title and meta paint at once; the body (sanitized, perhaps long) follows in the next render.
  const data = q.data
  const shown = useDeferredValue(data, data && { ...data, contentHtml: null, contentText: null })

  if (q.isError && isNotFound(q.error)) return <NotFound />
  if (!q.data) {
    return q.isError ? (
      <ErrorMessage error={q.error} onRetry={() => void q.refetch()} />
    ) : (
      <p className="notice" role="status">
        {messages.loading}
      </p>
    )
  }
  return (
    <>
      <PageTitle title={q.data.title} />
      <ArticleView
        article={shown ?? q.data}
        bodyPending={q.isPlaceholderData || shown !== q.data}
        bodyError={q.isError ? q.error : undefined}
        onRetry={() => void q.refetch()}
        navigation={<ArticleNav prev={prev} next={next} from={from} />}
        actions={<ArticleActions article={q.data} />}
      />
    </>
  )
}
