// The boundary around each page: what does not exist shows the not-found page, a feed failure its
// message with a retry that refetches, and a page whose code did not download a reload. The
// header and navigation outside it stay usable; leaving the page (a new `resetKey`) clears it.
import { QueryErrorResetBoundary } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary'
import { FeedError, isNotFound, isOffline } from '../entities/article/api/feed-error.ts'
import { ErrorMessage } from '../entities/article/ui/error-message.tsx'
import { NotFound } from '../components/not-found.tsx'
import { PageTitle } from '../components/page-title.tsx'
import { messages } from '../lib/messages.ts'

export type RouteBoundaryProps = {
  /** The page's identity (its pathname): a new key drops the error. */
  resetKey: string
  children: ReactNode
  /** How a failure that a re-render cannot fix is retried (default: reload the page). */
  reload?: () => void
}

export function RouteBoundary({ resetKey, children, reload }: RouteBoundaryProps) {
  const fallback = ({ error, resetErrorBoundary }: FallbackProps) => {
    if (isNotFound(error)) return <NotFound />
    // A feed failure is retried in place (the page mounts again and its queries refetch); anything
    // else, such as a chunk that did not download, needs a reload.
    const retry =
      error instanceof FeedError ? resetErrorBoundary : (reload ?? (() => window.location.reload()))
    // Offline, what was never cached cannot load: the page says so rather than "出了点问题".
    const title =
      error instanceof FeedError && error.kind === 'offline' && isOffline()
        ? messages.offlineTitle
        : messages.errorTitle
    return (
      <section>
        <PageTitle title={title} />
        <h1>{title}</h1>
        <ErrorMessage error={error} onRetry={retry} />
      </section>
    )
  }
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <ErrorBoundary resetKeys={[resetKey]} onReset={reset} fallbackRender={fallback}>
          {children}
        </ErrorBoundary>
      )}
    </QueryErrorResetBoundary>
  )
}
