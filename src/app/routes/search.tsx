// `/search?q=…&category=…&tag=…&from=…&to=…`: the search page (features/search) with the app's
// own list of articles and "加载更多" (features/feed) for its results. A lazy chunk: the list
// route never downloads search code.
import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { PageTitle } from '../../components/page-title.tsx'
import { articleQueryOptions } from '../../entities/article/api/article.ts'
import type { Article } from '../../entities/article/model/article.ts'
import { ALL } from '../../entities/article/model/scope.ts'
import { ArticleList } from '../../features/feed/components/article-list.tsx'
import { LoadMore } from '../../features/feed/components/load-more.tsx'
import { SearchPage } from '../../features/search/components/search-page.tsx'
import { readSearchParams } from '../../features/search/params.ts'
import { searchMessages } from '../../features/search/messages.ts'
import { useMuted } from '../muted.ts'

export default function SearchRoute() {
  const [sp] = useSearchParams()
  const params = useMemo(() => readSearchParams(sp), [sp])
  const client = useQueryClient()
  const onIntent = useCallback(
    (article: Article) => {
      void import('./article.tsx')
      void client.prefetchQuery(articleQueryOptions(article.id))
    },
    [client],
  )
  return (
    <>
      <PageTitle
        title={
          params.q.trim()
            ? searchMessages.searchResultsTitle(params.q.trim())
            : searchMessages.searchTitle
        }
      />
      <SearchPage
        params={params}
        renderResults={({ articles, setSize, busy, renderExcerpt }) => (
          <ArticleList
            articles={articles}
            label={searchMessages.searchResultsLabel}
            busy={busy}
            setSize={setSize}
            from={ALL}
            renderExcerpt={renderExcerpt}
            onIntent={onIntent}
          />
        )}
        renderLoadMore={(props) => <LoadMore {...props} />}
        muted={useMuted()}
      />
    </>
  )
}
