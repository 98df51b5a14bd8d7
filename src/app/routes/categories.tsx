// `/categories`: the directory of every category with its count and unread count, filtered as you
// type.
import { useQuery } from '@tanstack/react-query'
import { categoriesQueryOptions } from '../../entities/article/api/directories.ts'
import { ErrorMessage } from '../../entities/article/ui/error-message.tsx'
import { CategoryDirectory } from '../../features/categories/components/category-directory.tsx'
import { CategoryUnreadCount } from '../../features/reading-state/components/unread-count.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { messages } from '../../lib/messages.ts'

const renderUnread = (c: { slug: string; count: number }) => (
  <CategoryUnreadCount slug={c.slug} total={c.count} />
)

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
        <CategoryDirectory categories={q.data} renderExtra={renderUnread} />
      )}
    </>
  )
}
