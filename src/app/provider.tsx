// Everything the routes need around them: the query client and the app-level error boundary.
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { AppErrorBoundary } from '../components/app-error-boundary.tsx'

export type AppProviderProps = { queryClient: QueryClient; children: ReactNode }

export function AppProvider({ queryClient, children }: AppProviderProps) {
  return (
    <AppErrorBoundary>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </AppErrorBoundary>
  )
}
