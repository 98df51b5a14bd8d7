// The web app manifest and the service worker (vite-plugin-pwa's generateSW, Workbox inside): the
// app shell and every route's chunk precached, feed files network first with the last copy kept
// for offline, and a new version that waits until the reader reloads (docs/decisions/040-offline.md).
import type { Plugin } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { MAX_CACHED_PAGES, OFFLINE_CACHES } from '../src/shared/offline-caches.ts'

/** The app's colours (src/app/app.css): the page background in light and dark. */
export const THEME = { light: '#fdfcfa', dark: '#121212' } as const

// The service worker's global, for the plugin function below (serialized into sw.js).
declare const caches: {
  match: (request: Request, options?: { ignoreSearch?: boolean }) => Promise<Response | undefined>
}

/** Seconds a feed request may take before the last cached copy is shown instead. */
const NETWORK_TIMEOUT_S = 10

export function offlinePwa(): Plugin[] {
  return VitePWA({
    strategies: 'generateSW',
    // The page registers the worker itself, after the first list (src/app/offline/), and offers
    // "新版本可用" when a new one waits: no injected script, no silent swap.
    injectRegister: false,
    registerType: 'prompt',
    filename: 'sw.js',
    manifestFilename: 'manifest.webmanifest',
    includeAssets: [],
    // The glob below already finds the icons; the plugin adds the manifest itself.
    includeManifestIcons: false,
    manifest: {
      id: './',
      name: '新闻阅读',
      short_name: '新闻阅读',
      description: '静态新闻档案与 JSON Feed 阅读器',
      lang: 'zh-CN',
      dir: 'ltr',
      // Relative to the manifest, which sits at the app's base: both follow BASE_PATH.
      start_url: './',
      scope: './',
      display: 'standalone',
      theme_color: THEME.light,
      background_color: THEME.light,
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        {
          src: 'icons/icon-maskable-512.png',
          sizes: '512x512',
          type: 'image/png',
          purpose: 'maskable',
        },
      ],
    },
    workbox: {
      // The shell: every chunk of every route, styles, the page, icons and the manifest. The demo
      // feed and the build manifest are not part of the app.
      globPatterns: ['**/*.{js,css,html,svg,png}'],
      globIgnores: ['feed/**', '404.html', '.vite/**'],
      // Deep links offline: any navigation is answered with the precached page, except feed files.
      navigateFallback: 'index.html',
      navigateFallbackDenylist: [/\/feed\//, /\.json$/],
      cleanupOutdatedCaches: true,
      // A new worker waits for the reader's "重新加载" (message SKIP_WAITING); the first one takes
      // the page it installs from, so what the reader browses next is kept.
      skipWaiting: false,
      clientsClaim: true,
      sourcemap: false,
      runtimeCaching: [
        {
          // Article bodies (the bundle's content/<key>.json). Offline, a favourite's copy stored
          // by the page is found too.
          urlPattern: ({ url, sameOrigin }) =>
            sameOrigin && /\/content\/[^/]+\.json$/.test(url.pathname),
          handler: 'NetworkFirst',
          options: {
            cacheName: OFFLINE_CACHES.articles,
            networkTimeoutSeconds: NETWORK_TIMEOUT_S,
            plugins: [
              {
                handlerDidError: async ({ request }) =>
                  (await caches.match(request, { ignoreSearch: true })) ?? undefined,
              },
            ],
          },
        },
        {
          // feed.json, list pages, directories: the network's answer (revalidated, no-cache),
          // else the last copy.
          urlPattern: ({ url, sameOrigin }) =>
            sameOrigin && url.pathname.endsWith('.json') && !/\/\.vite\//.test(url.pathname),
          handler: 'NetworkFirst',
          options: {
            cacheName: OFFLINE_CACHES.feed,
            networkTimeoutSeconds: NETWORK_TIMEOUT_S,
            expiration: { maxEntries: MAX_CACHED_PAGES },
          },
        },
      ],
    },
  })
}
