// The app's QueryClient defaults: feeds are static files, so data stays fresh for a while, and a
// list stays cached long enough for "back" to restore it with its scroll position.
import { QueryClient } from '@tanstack/react-query'
import { isRetryable } from '../entities/article/api/feed-error.ts'

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        gcTime: 30 * 60_000,
        retry: (failures, error) => failures < 1 && isRetryable(error),
        // Offline is a state the reader is told about (FeedError 'offline'), not a silent pause.
        networkMode: 'always',
        refetchOnWindowFocus: false,
      },
    },
  })
}
