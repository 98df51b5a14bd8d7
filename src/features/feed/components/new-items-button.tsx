// Polls the head of a list every minute and offers "N 条新消息"; the list itself is left alone until
// the reader asks for the new items.
import { useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query'
import { useMemo } from 'react'
import type { LoadedPage } from '../../../entities/article/api/fetch-feed.ts'
import { articleKeys } from '../../../entities/article/api/keys.ts'
import { listHeadQueryOptions } from '../../../entities/article/api/lists.ts'
import type { ListScope } from '../../../entities/article/model/scope.ts'
import { formatNumber } from '../../../lib/format.ts'
import { messages } from '../../../lib/messages.ts'

export type NewItemsButtonProps = {
  scope: ListScope
  feed: string
  /** The first page the reader currently sees, and when it was loaded. */
  firstPage: LoadedPage
  loadedAt: number
}

export function NewItemsButton({ scope, feed, firstPage, loadedAt }: NewItemsButtonProps) {
  const client = useQueryClient()
  const head = useQuery({
    ...listHeadQueryOptions(scope, feed),
    initialData: firstPage,
    initialDataUpdatedAt: loadedAt,
  })
  const known = useMemo(() => new Set(firstPage.articles.map((a) => a.id)), [firstPage])
  const fresh = head.data.articles.filter((a) => !known.has(a.id)).length

  const bringIn = async () => {
    const key = articleKeys.list(feed, scope)
    // Keep only the first page and refetch it: the list never flashes empty.
    client.setQueryData<InfiniteData<LoadedPage, string | null>>(key, (d) =>
      d ? { pages: d.pages.slice(0, 1), pageParams: d.pageParams.slice(0, 1) } : d,
    )
    await client.refetchQueries({ queryKey: key, exact: true })
    window.scrollTo({ top: 0 })
  }

  return (
    <div className="live" aria-live="polite">
      {fresh > 0 && (
        <button type="button" className="new-items" onClick={() => void bringIn()}>
          {messages.newItems(formatNumber(fresh))}
        </button>
      )}
    </div>
  )
}
