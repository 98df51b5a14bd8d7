// Test helpers for component and route tests: renderApp() mounts a UI or the whole app in a memory
// router with a fresh QueryClient (no retries) and reports where the router is, and mockFeed() answers fetch from the fixture feeds
// in test/fixtures/feeds/<name>/ as if they were deployed under /feed/.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { QueryClient } from '@tanstack/react-query'
import { configure, render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactNode } from 'react'
import {
  MemoryRouter,
  useLocation,
  useNavigationType,
  type Location,
  type NavigationType,
} from 'react-router'
import { vi } from 'vitest'
import { AppProvider } from '../../src/app/provider.tsx'
import { onCaughtError } from '../../src/app/caught-errors.ts'
import { AppRoutes } from '../../src/app/router.tsx'

// The machine is shared: give findBy* time before calling a slow render a failure.
configure({ asyncUtilTimeout: 5_000 })

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/feeds')

export function testQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, networkMode: 'always', gcTime: Infinity } },
  })
}

export type RenderAppOptions = { path?: string; queryClient?: QueryClient }

/** Where the memory router is: its location and how it got there (PUSH, REPLACE or POP). */
export type RouterState = { location: Location; action: NavigationType }

function RouterProbe({ state }: { state: Partial<RouterState> }) {
  state.location = useLocation()
  state.action = useNavigationType()
  return null
}

/** Renders `ui` at `path` (or, with `ui` null, the app's own routes). */
export function renderApp(
  ui: ReactNode | null,
  { path = '/', queryClient }: RenderAppOptions = {},
) {
  const client = queryClient ?? testQueryClient()
  // jsdom has no scrolling; scroll restoration and the new-items button call it.
  window.scrollTo = () => {}
  const state: Partial<RouterState> = {}
  const user = userEvent.setup()
  const view = render(
    <AppProvider queryClient={client}>
      <MemoryRouter initialEntries={[path]}>
        {ui === null ? <AppRoutes /> : ui}
        <RouterProbe state={state} />
      </MemoryRouter>
    </AppProvider>,
    { onCaughtError },
  )
  return { ...view, router: state as RouterState, queryClient: client, user }
}

export type MockFeedOptions = {
  /** Return an HTTP status to fail a request for that path (relative to /feed/). */
  fail?: (rel: string) => number | null
  /** Changes a fixture file's JSON before it is served (a variant of the fixture for one test). */
  edit?: Record<string, (json: unknown) => unknown>
  /** Answers a path only after this many ms (a file that arrives after the rest). */
  delay?: Record<string, number>
  /** Serves another fixture file at a path (a file the fixture does not have). */
  alias?: Record<string, string>
}

/** Answers fetch from test/fixtures/feeds/<name>/; returns the mock to inspect requests. */
export function mockFeed(name: string, opts: MockFeedOptions = {}) {
  const mock = vi.fn((input: RequestInfo | URL): Promise<Response> => {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    const rel = decodeURIComponent(new URL(href).pathname).replace(/^\/feed\//, '')
    const status = opts.fail?.(rel)
    if (status) return Promise.resolve(new Response('failure', { status }))
    try {
      let body = readFileSync(path.join(FIXTURES, name, opts.alias?.[rel] ?? rel), 'utf8')
      const edit = opts.edit?.[rel]
      if (edit) body = JSON.stringify(edit(JSON.parse(body)))
      const response = new Response(body, {
        status: 200,
        headers: { 'content-type': 'application/json' },
      })
      const wait = opts.delay?.[rel]
      return wait
        ? new Promise((r) => setTimeout(() => r(response), wait))
        : Promise.resolve(response)
    } catch {
      return Promise.resolve(new Response('not found', { status: 404 }))
    }
  })
  vi.stubGlobal('fetch', mock)
  return mock
}

/** The paths (relative to /feed/) fetched so far. */
export function fetchedPaths(mock: ReturnType<typeof mockFeed>): string[] {
  return mock.mock.calls.map(([input]) => {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    return decodeURIComponent(new URL(href).pathname).replace(/^\/feed\//, '')
  })
}
