// The routes, in react-router's declarative mode with TanStack Query's own tools (the choice and its
// measurements: docs/decisions/001-router-mode.md). The list is in the entry chunk; every other page
// is a lazy chunk, and the page's data starts downloading with it (usePrefetchQuery).
import { usePrefetchQuery } from '@tanstack/react-query'
import { lazy } from 'react'
import { Navigate, Route, Routes } from 'react-router'
import { articleQueryOptions } from '../entities/article/api/article.ts'
import { categoriesQueryOptions } from '../entities/article/api/directories.ts'
import { CategoryRoute, HomeRoute, TagRoute } from './routes/list.tsx'
import { ReadingLayout } from './routes/reading-layout.tsx'
import { RootLayout } from './routes/root.tsx'
import { useIdParam } from './route-params.ts'
import { loadArticlePage, loadedArticlePage } from './routes/article-loader.ts'
import { NotFound } from '../components/not-found.tsx'

const LazyArticlePage = lazy(loadArticlePage)
const CategoriesPage = lazy(() => import('./routes/categories.tsx'))
const FavouritesPage = lazy(() => import('./routes/favourites.tsx'))
const SettingsPage = lazy(() => import('./routes/settings.tsx'))
const SearchPage = lazy(() => import('./routes/search.tsx'))
const PermalinkRedirect = lazy(() =>
  import('./routes/old-paths.tsx').then((m) => ({ default: m.PermalinkRedirect })),
)

// A lazy page suspends up to the layout's <Suspense>; its query, started here, runs meanwhile.
// Loaded ahead (a static article page), the article renders without suspending.
function ArticleRoute() {
  usePrefetchQuery(articleQueryOptions(useIdParam()))
  const Loaded = loadedArticlePage()?.default
  return Loaded ? <Loaded /> : <LazyArticlePage />
}

function CategoriesRoute() {
  usePrefetchQuery(categoriesQueryOptions())
  return <CategoriesPage />
}

/** Every page of the app, inside the shared layout; BrowserRouter (or a test's MemoryRouter) outside. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<RootLayout />}>
        <Route element={<ReadingLayout />}>
          <Route index element={<HomeRoute />} />
          <Route path="category/:slug" element={<CategoryRoute />} />
          <Route path="tag/:tag" element={<TagRoute />} />
          <Route path="article/:id" element={<ArticleRoute />} />
        </Route>
        <Route path="index.html" element={<Navigate replace to="/" />} />
        <Route path="categories" element={<CategoriesRoute />} />
        <Route path="favourites" element={<FavouritesPage />} />
        <Route path="settings" element={<SettingsPage />} />
        <Route path="search" element={<SearchPage />} />
        <Route path=":category/:yyyy/:mm/:dd/:file" element={<PermalinkRedirect />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  )
}
