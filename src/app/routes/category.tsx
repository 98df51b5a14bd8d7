// `/category/:slug`: the articles of one source.
import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useInfiniteQuery } from '@tanstack/react-query'
import { useParams, type LoaderFunctionArgs } from 'react-router'
import { categoriesQueryOptions } from '../../features/categories/api/categories.ts'
import { listInfiniteQueryOptions } from '../../features/feed/api/list-pages.ts'
import { ArticleFeed } from '../../features/feed/components/article-feed.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { messages } from '../../lib/messages.ts'
import { ListTools, renderListActions, useUnreadFilter } from '../list-actions.tsx'
import { useArticlePrefetch } from '../use-article-prefetch.ts'
import { throwNotFound } from '../not-found-response.ts'

const validSlug = (s: string | undefined): s is string =>
  s !== undefined && s.trim() !== '' && s.length <= 200

// eslint-disable-next-line react-refresh/only-export-components -- a route module exports its loader
export const loader =
  (queryClient: QueryClient) =>
  ({ params }: LoaderFunctionArgs) => {
    if (!validSlug(params.slug)) throwNotFound()
    void queryClient.prefetchInfiniteQuery(
      listInfiniteQueryOptions({ kind: 'category', slug: params.slug }),
    )
    return null
  }

/** The source's name: from the directory when it is loaded, else its posts' first tag. */
function useCategoryName(slug: string): string {
  const client = useQueryClient()
  const fromDirectory = client
    .getQueryData(categoriesQueryOptions().queryKey)
    ?.find((c) => c.slug === slug)?.name
  const { data: fromItems } = useInfiniteQuery({
    ...listInfiniteQueryOptions({ kind: 'category', slug }),
    select: (d) => d.pages[0]?.articles[0]?.tags[0],
  })
  return fromDirectory ?? fromItems ?? slug
}

export default function CategoryRoute() {
  const slug = useParams().slug ?? ''
  const name = useCategoryName(slug)
  const title = messages.categoryTitle(name)
  const prefetch = useArticlePrefetch()
  const visible = useUnreadFilter()
  return (
    <>
      <PageTitle title={title} />
      <h1>{title}</h1>
      <ListTools key={`tools-${slug}`} scope={{ kind: 'category', slug }} />
      <ArticleFeed
        key={slug}
        scope={{ kind: 'category', slug }}
        label={messages.listLabel(title)}
        onIntent={prefetch}
        renderActions={renderListActions}
        visible={visible}
      />
    </>
  )
}
