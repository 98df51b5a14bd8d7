// The routes, in react-router's declarative mode: TanStack Query already loads and caches the data,
// so the data router's loaders, actions and revalidation would be ~17 KB gzip of unused start-up
// code. The list (the first screen) is in the entry chunk; every other page is a lazy chunk whose
// data starts downloading alongside it (below), as a loader's would.
import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { lazy, type ComponentType } from 'react'
import { Route, Routes, useParams, type Params } from 'react-router'
import { articleQueryOptions } from '../features/articles/api/article-detail.ts'
import { listInfiniteQueryOptions } from '../features/feed/api/list-pages.ts'
import { NotFound } from '../components/not-found.tsx'
import type { ListScope } from '../lib/list-scope.ts'
import HomeRoute from './routes/home.tsx'
import { RootLayout } from './routes/root.tsx'
import { validId, validName } from './route-params.ts'

type Start = (client: QueryClient, params: Readonly<Params>) => void

/**
 * A lazy page. `start` begins its data while the chunk downloads (it runs at each render, so it only
 * asks for what the cache does not hold yet).
 */
function lazyPage(load: () => Promise<{ default: ComponentType }>, start?: Start) {
  const Page = lazy(load)
  function LazyPage() {
    const client = useQueryClient()
    const params = useParams()
    start?.(client, params)
    return <Page />
  }
  return <LazyPage />
}

const startList =
  (scopeOf: (params: Readonly<Params>) => ListScope | null): Start =>
  (client, params) => {
    const scope = scopeOf(params)
    if (!scope) return
    const options = listInfiniteQueryOptions(scope)
    if (!client.getQueryState(options.queryKey)) void client.prefetchInfiniteQuery(options)
  }

const startArticle: Start = (client, { id }) => {
  if (!validId(id)) return
  const options = articleQueryOptions(id)
  if (!client.getQueryState(options.queryKey)) void client.prefetchQuery(options)
}

const pages = {
  category: lazyPage(
    () => import('./routes/category.tsx'),
    startList(({ slug }) => (validName(slug) ? { kind: 'category', slug } : null)),
  ),
  tag: lazyPage(
    () => import('./routes/tag.tsx'),
    startList(({ tag }) => (validName(tag) ? { kind: 'tag', tag } : null)),
  ),
  article: lazyPage(() => import('./routes/article.tsx'), startArticle),
  categories: lazyPage(() => import('./routes/categories.tsx')),
  favourites: lazyPage(() => import('./routes/favourites.tsx')),
  permalink: lazyPage(() => import('./routes/permalink.tsx')),
}

/** Every page of the app, inside the shared layout; BrowserRouter (or a test's MemoryRouter) outside. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<RootLayout />}>
        <Route index element={<HomeRoute />} />
        <Route path="category/:slug" element={pages.category} />
        <Route path="categories" element={pages.categories} />
        <Route path="tag/:tag" element={pages.tag} />
        <Route path="article/:id" element={pages.article} />
        <Route path="favourites" element={pages.favourites} />
        {/* The old site's permalinks: /:categories/:year/:month/:day/:slug.html */}
        <Route path=":category/:yyyy/:mm/:dd/:file" element={pages.permalink} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  )
}
