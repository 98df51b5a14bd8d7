// A cold start's first data: the list of the page being opened, asked for before React renders.
import type { QueryClient } from '@tanstack/react-query'
import {
  articleFromFileQueryOptions,
  articleQueryOptions,
} from '../entities/article/api/article.ts'
import { listInfiniteQueryOptions } from '../entities/article/api/lists.ts'
import { ALL, type ListScope } from '../entities/article/model/scope.ts'
import { loadArticlePage } from './routes/article-loader.ts'

/** How long a static page waits for the app's first screen before React renders anyway. */
const STATIC_PAGE_WAIT_MS = 5_000

/**
 * Starts the first screen's list before React renders (a list page opened cold): its data and
 * React's first render then overlap instead of following each other.
 */
export function prefetchFirstScreen(client: QueryClient, pathname: string) {
  const [, first = '', second = ''] = pathname.split('/')
  let scope: ListScope | null = null
  try {
    if (first === '') scope = ALL
    else if (first === 'category' && second)
      scope = { kind: 'category', slug: decodeURIComponent(second) }
    else if (first === 'tag' && second) scope = { kind: 'tag', tag: decodeURIComponent(second) }
  } catch {
    // A malformed address: the page itself says not found.
  }
  if (scope) void client.prefetchInfiniteQuery(listInfiniteQueryOptions(scope))
}

/** The content file of article `id` that its static page preloads (same origin), if any. */
function contentFileOf(id: string): string | null {
  const link = document.querySelector<HTMLLinkElement>('link[rel="preload"][data-article]')
  if (!link || link.dataset.article !== id) return null
  const url = new URL(link.href, window.location.href)
  return url.origin === window.location.origin ? url.href : null
}

/** The article whose static page the app is taking over, until that page has rendered. */
let staticArticle: string | null = null

/**
 * Whether article `id` is the static page being taken over: its title is already on screen, so
 * its first render shows the body too instead of deferring it a render (ArticlePage).
 */
export const takingOverArticle = (id: string) => staticArticle === id
export const articleTakenOver = () => {
  staticArticle = null
}

/**
 * A page whose first screen arrived as HTML (written by `build --app`): what React's first render
 * needs to show the same thing (the article's code and data, or the list's first page), so that
 * render replaces the static markup with the same content instead of a loading notice. The static
 * page stays on screen meanwhile; after STATIC_PAGE_WAIT_MS React renders whatever it has.
 */
export function staticPageReady(client: QueryClient, pathname: string): Promise<unknown> {
  const [, first = '', second = ''] = pathname.split('/')
  const waits: Promise<unknown>[] = []
  try {
    if (first === 'article' && second) {
      const id = decodeURIComponent(second)
      staticArticle = id
      const file = contentFileOf(id)
      waits.push(
        loadArticlePage(),
        client.prefetchQuery(
          file ? articleFromFileQueryOptions(id, file) : articleQueryOptions(id),
        ),
      )
    } else {
      const scope =
        first === ''
          ? ALL
          : first === 'category' && second
            ? ({ kind: 'category', slug: decodeURIComponent(second) } as const)
            : first === 'tag' && second
              ? ({ kind: 'tag', tag: decodeURIComponent(second) } as const)
              : null
      if (scope) waits.push(client.prefetchInfiniteQuery(listInfiniteQueryOptions(scope)))
    }
  } catch {
    // A malformed address: nothing to wait for.
  }
  return Promise.race([
    Promise.all(waits),
    new Promise((resolve) => setTimeout(resolve, STATIC_PAGE_WAIT_MS)),
  ])
}
