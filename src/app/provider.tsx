// Everything the routes need around them: the query client and the last line of defence, which
// shows a plain message and a reload button instead of a blank page for anything that escapes the
// pages' own boundaries.
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { ErrorBoundary } from 'react-error-boundary'
import { useLanguageVersion } from '../lib/i18n.ts'
import { messages } from '../lib/messages.ts'

function AppFailed() {
  return (
    <div role="alert" className="notice notice-error">
      <h1>{messages.errorTitle}</h1>
      <p>{messages.errorText}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {messages.reload}
      </button>
    </div>
  )
}

export type AppProviderProps = { queryClient: QueryClient; children: ReactNode }

/**
 * A new interface language draws the whole tree again (the catalogs are plain objects read while
 * drawing); the query cache outside keeps the data, the address keeps the page.
 */
export function AppProvider({ queryClient, children }: AppProviderProps) {
  const language = useLanguageVersion()
  return (
    <ErrorBoundary key={language} fallback={<AppFailed />}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </ErrorBoundary>
  )
}
