// `/categories`: the directory of every category with its count, filtered as you type.
import { useQuery } from '@tanstack/react-query'
import { categoriesQueryOptions } from '../../features/categories/api/categories.ts'
import { CategoryDirectory } from '../../features/categories/components/category-directory.tsx'
import { ErrorMessage } from '../../components/ui/error-message.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { messages } from '../../lib/messages.ts'
import { renderCategoryUnread } from '../list-actions.tsx'

export default function CategoriesRoute() {
  const q = useQuery(categoriesQueryOptions())
  return (
    <>
      <PageTitle title={messages.categoriesTitle} />
      <h1>{messages.categoriesTitle}</h1>
      {q.isPending ? (
        <p className="notice" role="status">
          {messages.loading}
        </p>
      ) : q.isError ? (
        <ErrorMessage error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <CategoryDirectory categories={q.data} renderExtra={renderCategoryUnread} />
      )}
    </>
  )
}
