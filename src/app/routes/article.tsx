// `/article/:id`: one article. Opened from a list, its title and meta show at once from the list's
// cache while the body loads; a cold deep link loads the content file (or searches a plain feed).
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { lazy, Suspense, useDeferredValue, useEffect, useState } from 'react'
import { useSearchParams } from 'react-router'
import { articleQueryOptions, findCachedArticle } from '../../entities/article/api/article.ts'
import { isNotFound } from '../../entities/article/api/feed-error.ts'
import { UNREAD_PARAM } from '../../entities/article/model/paths.ts'
import { parseFrom } from '../../entities/article/model/scope.ts'
import { ErrorMessage } from '../../entities/article/ui/error-message.tsx'
import { ArticleView } from '../../features/articles/components/article-view.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { messages } from '../../lib/messages.ts'
import { ArticleActions } from '../reading-tools-lazy.tsx'
import { articleTakenOver, takingOverArticle } from '../first-screen.ts'
import { rememberOpened } from '../focus-on-navigation.ts'
import { BackLink } from './root.tsx'
import { useIdParam } from '../route-params.ts'

// Below the body, and only where the list is known: it may come a moment after the article (or
// not at all, if its chunk fails to load).
const ArticleNav = lazy(() =>
  import('../../features/articles/components/article-nav.tsx').then(
    (m) => ({ default: m.ArticleNav }),
    () => ({ default: () => null }),
  ),
)

export default function ArticleRoute() {
  const id = useIdParam()
  return <ArticlePage key={id} id={id} />
}

function ArticlePage({ id }: { id: string }) {
  useEffect(() => rememberOpened(id), [id])
  const [search] = useSearchParams()
  const from = parseFrom(search.get('from'))
  const client = useQueryClient()
  const q = useQuery({
    ...articleQueryOptions(id),
    placeholderData: () => findCachedArticle(client, id) ?? undefined,
    throwOnError: isNotFound,
  })
  // Title and meta paint at once; the body (sanitized, perhaps long) follows in the next render.
  // Taking over the article's static page, whose title already shows, the body comes at once.
  const [takingOver] = useState(() => takingOverArticle(id))
  useEffect(() => articleTakenOver(), [])
  const data = q.data
  const shown = useDeferredValue(
    data,
    takingOver ? data : data && { ...data, contentHtml: null, contentText: null },
  )

  if (!q.data) {
    return (
      <>
        <PageTitle title={messages.articleTitle} />
        <BackLink from={from} />
        <h1>{messages.articleTitle}</h1>
        {q.isError ? (
          <ErrorMessage error={q.error} onRetry={() => void q.refetch()} />
        ) : (
          <p className="notice" role="status">
            {messages.loading}
          </p>
        )}
      </>
    )
  }
  return (
    <>
      <PageTitle title={q.data.title} />
      <BackLink from={from} />
      <ArticleView
        article={shown ?? q.data}
        bodyPending={q.isPlaceholderData || shown !== q.data}
        bodyError={q.isError ? q.error : undefined}
        onRetry={() => void q.refetch()}
        navigation={
          <Suspense>
            <ArticleNav from={from} id={id} unread={search.get(UNREAD_PARAM) === '1'} />
          </Suspense>
        }
        actions={<ArticleActions article={q.data} />}
      />
    </>
  )
}
