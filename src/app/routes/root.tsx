// The layout every page shares: skip link, header with navigation, main, footer, and scroll
// restoration (back from an article returns to the same place in the list). Each page renders
// inside its own error boundary, and a lazy page shows the loading notice while its chunk arrives.
import { lazy, Suspense, useState, type ReactNode } from 'react'
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router'
import { messages } from '../../lib/messages.ts'
import { StorageNotice } from '../../components/ui/storage-notice.tsx'
import { useShortcuts } from '../../features/keyboard/use-shortcuts.ts'
import { SearchBox } from '../../features/search/components/search-box.tsx'
import { useSettings } from '../../features/settings/settings-store.ts'
import { useFocusOnNavigation } from '../focus-on-navigation.ts'
import { OfflineStatus } from '../offline/offline-status.tsx'
import { useOnline } from '../../lib/use-online.ts'
import { RouteBoundary } from '../route-boundary.tsx'
import { useScrollRestoration } from '../scroll-restoration.ts'

function Shell({ children }: { children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        {messages.skipToContent}
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          {messages.appName}
        </Link>
        <nav aria-label={messages.mainNav}>
          <ul>
            <li>
              <NavLink to="/" end>
                {messages.navLatest}
              </NavLink>
            </li>
            <li>
              <NavLink to="/categories">{messages.navCategories}</NavLink>
            </li>
            <li>
              <NavLink to="/favourites">{messages.navFavourites}</NavLink>
            </li>
            <li>
              <NavLink to="/settings">{messages.navSettings}</NavLink>
            </li>
          </ul>
        </nav>
        <SearchBox />
      </header>
      <main
        id="main"
        tabIndex={-1}
        className={useSettings().density === 'compact' ? 'density-compact' : undefined}
      >
        <OfflineStatus />
        <StorageNotice />
        {children}
      </main>
      <footer className="site-footer">
        <p>{messages.footerNote}</p>
      </footer>
    </>
  )
}

const ShortcutsHelp = lazy(() => import('../../features/keyboard/components/shortcuts-help.tsx'))

// 返回列表 is the article page's, but it rides in the first list's chunk (through this module),
// which has room: the article page's chunk has none to spare.
export { BackLink } from '../back-link.tsx'

export function RootLayout() {
  useFocusOnNavigation()
  useScrollRestoration()
  const { pathname } = useLocation()
  const navigate = useNavigate()
  const [help, setHelp] = useState(false)
  const online = useOnline()
  useShortcuts({
    enabled: useSettings().shortcuts,
    navigate: (to) => void navigate(to),
    openHelp: () => setHelp(true),
  })
  return (
    <Shell>
      {help && (
        <Suspense>
          <ShortcutsHelp onClose={() => setHelp(false)} />
        </Suspense>
      )}
      {/* Back online, a page that failed offline mounts again and loads. */}
      <RouteBoundary resetKey={`${pathname} ${online ? 'online' : 'offline'}`}>
        {/* Navigations are transitions: a page already on screen stays there until the next
            one's chunk has arrived; the notice shows only when nothing was on screen yet. */}
        <Suspense fallback={<RootLoading />}>
          <Outlet />
        </Suspense>
      </RouteBoundary>
    </Shell>
  )
}

/** Shown while the first page's module loads. */
function RootLoading() {
  return (
    <p className="notice" role="status">
      {messages.loading}
    </p>
  )
}
