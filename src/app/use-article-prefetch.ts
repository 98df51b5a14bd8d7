// Opening an article from a list should feel instant: when the reader points at, focuses or lingers
// on an item, its body and the article page's code are fetched ahead, so the click finds both ready.
import { useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { articleQueryOptions } from '../features/articles/api/article-detail.ts'
import type { Article } from '../shared/decode-feed.ts'

export function useArticlePrefetch(): (article: Article) => void {
  const client = useQueryClient()
  return useCallback(
    (article: Article) => {
      void import('./routes/article.tsx')
      void client.prefetchQuery(articleQueryOptions(article.id))
    },
    [client],
  )
}
