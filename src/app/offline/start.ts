// Offline reading, started after the first paint (status.ts): the service worker's registration
// and its update offer, catching up when the network returns, favourites stored for offline
// reading, and the article cache trimmed to the reader's limit (docs/decisions/040-offline.md).
import { onlineManager, type QueryClient } from '@tanstack/react-query'
import { decodeBundleContent } from '../../entities/article/api/decode.ts'
import { feedRootQueryOptions, templateUrl } from '../../entities/article/api/fetch-feed.ts'
import { articleKeys } from '../../entities/article/api/keys.ts'
import { favouritesStore } from '../../features/favourites/favourites-store.ts'
import { settingsStore } from '../../features/settings/settings-store.ts'
import {
  forgetFavourite,
  storedFavourites,
  storeFavourite,
  trimArticles,
} from '../../lib/offline-cache.ts'
import { offerUpdate } from './status.ts'
import { workerScriptUrl } from './worker-url.ts'

/** How often an open page asks whether a new version was deployed (the browser also checks on navigation). */
const UPDATE_CHECK_MS = 60 * 60_000
/** A second look for new items after the network returns. */
const CATCH_UP_AGAIN_MS = 3_000
/** Trimming waits for the service worker to have stored the article just opened. */
const TRIM_DELAY_MS = 2_000

export function startOffline(client: QueryClient) {
  catchUpWhenOnline(client)
  keepFavouritesOffline(client)
  trimArticlesToLimit(client)
  return registerWorker()
}

/** Back online: the polled heads look for new items, and what failed offline is tried again. */
function catchUpWhenOnline(client: QueryClient) {
  const catchUp = () => {
    void client.invalidateQueries({ queryKey: articleKeys.heads() })
    void client.invalidateQueries({ predicate: (q) => q.state.status === 'error' })
  }
  onlineManager.subscribe((online) => {
    if (!online) return
    catchUp()
    // The event often comes before the connection carries requests (the service worker's fetch
    // then answers from its cache): look once more a moment later.
    setTimeout(catchUp, CATCH_UP_AGAIN_MS)
  })
}

async function registerWorker() {
  const base = import.meta.env.BASE_URL
  const sw = navigator.serviceWorker
  const reg = await sw.register(workerScriptUrl(base), { scope: base, updateViaCache: 'none' })
  let applying = false
  // Only the reader's click swaps the version, and the page reloads into it at once.
  sw.addEventListener('controllerchange', () => {
    if (applying) window.location.reload()
  })
  const offer = (worker: ServiceWorker) =>
    offerUpdate({
      apply: () => {
        applying = true
        worker.postMessage({ type: 'SKIP_WAITING' })
      },
    })
  // A worker installed while an older one controls this page is a new version of the app.
  const watch = (worker: ServiceWorker | null) => {
    if (!worker) return
    const check = () => {
      if (worker.state === 'installed' && sw.controller) offer(worker)
    }
    check()
    worker.addEventListener('statechange', check)
  }
  if (reg.waiting && sw.controller) offer(reg.waiting)
  watch(reg.installing)
  reg.addEventListener('updatefound', () => watch(reg.installing))
  const check = () => {
    if (navigator.onLine) reg.update().catch(() => {})
  }
  window.addEventListener('online', check)
  setInterval(() => {
    if (document.visibilityState === 'visible') check()
  }, UPDATE_CHECK_MS)
  return reg
}

/** Whether a content file holds the article asked for (what is stored must be what is shown). */
function isContentOf(json: unknown, url: string, id: string): boolean {
  try {
    return decodeBundleContent(json, url).id === id
  } catch {
    return false
  }
}

/**
 * Every favourite's content file is kept in its own cache (opened or not), and forgotten when it
 * is no longer a favourite. Runs at start, on every change of favourites (this tab, another tab,
 * an import) and when the network returns; a file that could not be fetched is tried then.
 */
function keepFavouritesOffline(client: QueryClient) {
  let running = false
  let again = false
  const syncOnce = async () => {
    const root = await client.fetchQuery(feedRootQueryOptions())
    const template = root.bundle?.contentTemplate
    // A plain JSON Feed has its bodies in its pages, kept as lists are.
    if (!template) return
    const wanted = new Map<string, string>()
    for (const e of favouritesStore.getSnapshot().values())
      if (e.fav) wanted.set(templateUrl(root, template, e.id), e.id)
    const stored = new Set(await storedFavourites())
    for (const url of stored) if (!wanted.has(url)) await forgetFavourite(url)
    for (const [url, id] of wanted) {
      if (stored.has(url) || !navigator.onLine) continue
      await storeFavourite(url, (json) => isContentOf(json, url, id)).catch(() => false)
    }
  }
  const sync = async () => {
    if (running) {
      again = true
      return
    }
    running = true
    try {
      do {
        again = false
        await syncOnce().catch(() => {})
      } while (again)
    } finally {
      running = false
    }
  }
  favouritesStore.subscribe(() => void sync())
  window.addEventListener('online', () => void sync())
  void sync()
}

/** After an article opens and when the limit changes, the oldest opened articles beyond it go. */
function trimArticlesToLimit(client: QueryClient) {
  let timer: ReturnType<typeof setTimeout> | undefined
  let limit = settingsStore.getSnapshot().value.cacheLimit
  const schedule = () => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      trimArticles(settingsStore.getSnapshot().value.cacheLimit).catch(() => {})
    }, TRIM_DELAY_MS)
  }
  client.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success') return
    const key = event.query.queryKey as readonly unknown[]
    if (key[1] === articleKeys.detail('', '')[1]) schedule()
  })
  settingsStore.subscribe(() => {
    const next = settingsStore.getSnapshot().value.cacheLimit
    if (next !== limit) {
      limit = next
      schedule()
    }
  })
  schedule()
}
