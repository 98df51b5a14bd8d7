// `/category/:slug`: the articles of one source.
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query'
import { useParams } from 'react-router'
import { categoriesQueryOptions } from '../../features/categories/api/categories.ts'
import { listInfiniteQueryOptions } from '../../features/feed/api/list-pages.ts'
import { ArticleFeed } from '../../features/feed/components/article-feed.tsx'
import { NotFound } from '../../components/not-found.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { messages } from '../../lib/messages.ts'
import { ListTools, renderListActions, useUnreadFilter } from '../list-actions.tsx'
import { useArticlePrefetch } from '../use-article-prefetch.ts'
import { validName } from '../route-params.ts'

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
  const { slug } = useParams()
  return validName(slug) ? <CategoryPage slug={slug} /> : <NotFound />
}

function CategoryPage({ slug }: { slug: string }) {
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
