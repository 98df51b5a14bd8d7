// Entry point: one QueryClient, the routes in a BrowserRouter under the app's base path, the
// app's styles, and offline reading once the page is idle. A reader who chose English waits for
// its catalog (one small chunk) before the first render.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { BrowserRouter } from 'react-router'
import { onCaughtError } from './app/caught-errors.ts'
import { AppProvider } from './app/provider.tsx'
import { prefetchFirstScreen, staticPageReady } from './app/first-screen.ts'
import { AppRoutes } from './app/router.tsx'
import { makeQueryClient } from './app/query-client.ts'
import { ensureEntryKey } from './app/scroll-restoration.ts'
import { applyPageSettings } from './features/settings/settings-store.ts'
import { setDisplayZone } from './lib/format.ts'
import { languageLoading } from './lib/i18n.ts'
import { startOfflineWhenIdle } from './app/offline/status.ts'
import './app/app.css'

const queryClient = makeQueryClient()
// The app may be deployed under a path (vite's `base`, e.g. a GitHub Pages project site).
const basename = import.meta.env.BASE_URL.replace(/\/$/, '') || '/'
ensureEntryKey()
applyPageSettings(setDisplayZone)
const language = languageLoading()
const path = window.location.pathname
const appPath = basename === '/' ? path : path.slice(basename.length)
prefetchFirstScreen(queryClient, appPath)
const root = document.getElementById('root')
const render = (el: HTMLElement) =>
  createRoot(el, { onCaughtError }).render(
    <StrictMode>
      <AppProvider queryClient={queryClient}>
        <BrowserRouter basename={basename}>
          <AppRoutes />
        </BrowserRouter>
      </AppProvider>
    </StrictMode>,
  )
// A static page (build --app) of this address is already on screen: React's first render replaces
// it once it can show the same content (createRoot empties the element on that render). A page
// of another address (a host's fallback) is cleared at once.
const staticPath = document.querySelector<HTMLMetaElement>('meta[name="news-reader-page"]')?.content
if (root?.firstElementChild && staticPath === appPath)
  void Promise.all([staticPageReady(queryClient, appPath), language]).finally(() => render(root))
else if (root) {
  root.replaceChildren()
  if (language) void language.then(() => render(root))
  else render(root)
}
// The service worker and offline caching: after the first list, in a lazy chunk.
startOfflineWhenIdle(queryClient)
