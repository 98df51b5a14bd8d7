// The article page's code, loadable ahead of React: a static article page (docs/decisions/050)
// waits for it before the first render, so that render shows the article at once instead of
// the lazy route's fallback over the page that was already there.
type ArticleModule = typeof import('./article.tsx')

let loaded: ArticleModule | undefined

export const loadArticlePage = (): Promise<ArticleModule> =>
  import('./article.tsx').then((m) => (loaded = m))

/** The module once loaded, else undefined (the route renders it lazily then). */
export const loadedArticlePage = () => loaded
