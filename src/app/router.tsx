// The routes: a layout with the app-level boundary, and one lazy module per page but the list (the
// first screen), each with its own error boundary. Loaders get the QueryClient from here (no
// singleton), so tests pass their own.
import type { QueryClient } from '@tanstack/react-query'
import type { ComponentType } from 'react'
import { createBrowserRouter, type LoaderFunction, type RouteObject } from 'react-router'
import * as home from './routes/home.tsx'
import { RootLayout, RootLoading } from './routes/root.tsx'
import { RouteError } from './route-error.tsx'

type RouteModule = {
  default: ComponentType
  /** Loader factory: routes receive the QueryClient instead of importing one. */
  loader?: (queryClient: QueryClient) => LoaderFunction
}

function routeOf(queryClient: QueryClient, m: RouteModule) {
  return { Component: m.default, loader: m.loader?.(queryClient), ErrorBoundary: RouteError }
}

function lazyRoute(queryClient: QueryClient, load: () => Promise<RouteModule>) {
  return async () => routeOf(queryClient, await load())
}

export function createRoutes(queryClient: QueryClient): RouteObject[] {
  const lazy = (load: () => Promise<RouteModule>) => lazyRoute(queryClient, load)
  return [
    {
      id: 'root',
      Component: RootLayout,
      HydrateFallback: RootLoading,
      ErrorBoundary: RouteError,
      children: [
        {
          ErrorBoundary: RouteError,
          children: [
            // The list is the first screen: in the entry chunk, not one round trip later.
            { index: true, ...routeOf(queryClient, home) },
            { path: 'category/:slug', lazy: lazy(() => import('./routes/category.tsx')) },
            { path: 'categories', lazy: lazy(() => import('./routes/categories.tsx')) },
            { path: 'tag/:tag', lazy: lazy(() => import('./routes/tag.tsx')) },
            { path: 'article/:id', lazy: lazy(() => import('./routes/article.tsx')) },
            { path: 'favourites', lazy: lazy(() => import('./routes/favourites.tsx')) },
            // The old site's permalinks: /:categories/:year/:month/:day/:slug.html
            {
              path: ':category/:yyyy/:mm/:dd/:file',
              lazy: lazy(() => import('./routes/permalink.tsx')),
            },
            { path: '*', lazy: lazy(() => import('./routes/not-found.tsx')) },
          ],
        },
      ],
    },
  ]
}

export function createRouter(queryClient: QueryClient) {
  return createBrowserRouter(createRoutes(queryClient), {
    basename: import.meta.env.BASE_URL.replace(/\/$/, '') || '/',
  })
}
