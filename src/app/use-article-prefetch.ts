// Opening an article from a list should feel instant: when the reader points at, focuses or lingers
// on an item, its body and the article page's code are fetched ahead, so the click finds both ready.
import { useQueryClient } from '@tanstack/react-query'
import { lazy, useCallback, type ComponentType } from 'react'
import { articleQueryOptions } from '../features/articles/api/article-detail.ts'
import type { Article } from '../shared/decode-feed.ts'
import type { ArticleNavigationProps } from './article-navigation.tsx'

const loadNavigation = () => import('./article-navigation.tsx')

/**
 * The article view's previous/next, below the article: its own small chunk, fetched ahead with the
 * article page. Should it fail to download, the article simply has no previous/next links.
 */
export const ArticleNavigation = lazy<ComponentType<ArticleNavigationProps>>(() =>
  loadNavigation().catch(() => ({ default: () => null })),
)

export function useArticlePrefetch(): (article: Article) => void {
  const client = useQueryClient()
  return useCallback(
    (article: Article) => {
      void import('./routes/article.tsx')
      void loadNavigation()
      void client.prefetchQuery(articleQueryOptions(article.id))
    },
    [client],
  )
}
