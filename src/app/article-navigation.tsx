// Previous/next of the article view, within the list it was opened from: below the article, so a
// lazy chunk of its own that follows the article chunk rather than weighing on it.
import { useAdjacentArticles } from '../features/feed/api/adjacent.ts'
import { ArticleNav } from '../features/articles/components/article-nav.tsx'
import type { ListScope } from '../lib/list-scope.ts'

export type ArticleNavigationProps = { from: ListScope; id: string }

export default function ArticleNavigation({ from, id }: ArticleNavigationProps) {
  const { prev, next } = useAdjacentArticles(from, id)
  return <ArticleNav prev={prev} next={next} from={from} />
}
