// The app's QueryClient defaults: feeds are static files, so data stays fresh for a while, and a
// list stays cached long enough for "back" to restore it with its scroll position.
import { QueryClient } from '@tanstack/react-query'
import { FeedError } from '../shared/decode-feed.ts'

/** Only passing troubles are worth one automatic retry; a 404 or a broken file stays broken. */
function retryOnce(failures: number, error: unknown): boolean {
  if (failures >= 1) return false
  if (!(error instanceof FeedError)) return true
  return error.kind === 'timeout' || error.kind === 'offline' || error.kind === 'http'
}

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        gcTime: 30 * 60_000,
        retry: retryOnce,
        // Offline is a state the reader is told about (FeedError 'offline'), not a silent pause.
        networkMode: 'always',
        refetchOnWindowFocus: false,
      },
    },
  })
}
