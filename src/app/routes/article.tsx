// `/article/:id`: one article. Opened from a list, its title and meta show at once from the list's
// cache while the body loads; a cold deep link loads the content file (or searches a plain feed).
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Suspense, useDeferredValue } from 'react'
import { useParams, useSearchParams } from 'react-router'
import { articleQueryOptions } from '../../features/articles/api/article-detail.ts'
import { ArticleView } from '../../features/articles/components/article-view.tsx'
import { ErrorMessage } from '../../components/ui/error-message.tsx'
import { NotFound } from '../../components/not-found.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { isNotFound } from '../../lib/error-text.ts'
import { findCachedArticle } from '../../lib/list-cache.ts'
import { parseFrom } from '../../lib/list-scope.ts'
import { messages } from '../../lib/messages.ts'
import { ArticleActions } from '../list-actions.tsx'
import { validId } from '../route-params.ts'
import { ArticleNavigation } from '../use-article-prefetch.ts'

export default function ArticleRoute() {
  const { id } = useParams()
  return validId(id) ? <ArticlePage id={id} /> : <NotFound />
}

/** Known from a list, the title and meta render at once and the body follows; else it loads. */
function ArticlePage({ id }: { id: string }) {
  const [search] = useSearchParams()
  const from = parseFrom(search.get('from'))
  const client = useQueryClient()
  const q = useQuery({
    ...articleQueryOptions(id),
    placeholderData: () => findCachedArticle(client, id) ?? undefined,
  })
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
        navigation={
          <Suspense>
            <ArticleNavigation from={from} id={id} />
          </Suspense>
        }
        actions={<ArticleActions article={q.data} />}
      />
    </>
  )
}
