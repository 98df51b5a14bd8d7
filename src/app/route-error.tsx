// Each route's error boundary: a 404 Response becomes the not-found page, any other failure a
// message in plain words with a retry.
import { isRouteErrorResponse, useRevalidator, useRouteError } from 'react-router'
import { ErrorMessage } from '../components/ui/error-message.tsx'
import { NotFound } from '../components/not-found.tsx'
import { FeedError } from '../shared/decode-feed.ts'
import { messages } from '../lib/messages.ts'

export function RouteError() {
  const error = useRouteError()
  const { revalidate } = useRevalidator()
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />
  // A feed failure can be retried in place; anything else (a chunk that failed to load) reloads.
  const retry =
    error instanceof FeedError ? () => void revalidate() : () => window.location.reload()
  return (
    <section>
      <h1>{messages.errorTitle}</h1>
      <ErrorMessage error={error} onRetry={retry} />
    </section>
  )
}
