// Whether a new version of the app waits for the reader's reload (a tiny external store in the
// first list's chunk), and the start of offline reading: everything else of it loads after the
// first paint (start.ts).
import { onlineManager, type QueryClient } from '@tanstack/react-query'
import { useSyncExternalStore } from 'react'

/** A new version that is installed and waits; `apply` activates it and reloads. */
export type WaitingUpdate = { apply: () => void }

let update: WaitingUpdate | null = null
const listeners = new Set<() => void>()

export function offerUpdate(next: WaitingUpdate | null) {
  update = next
  for (const l of listeners) l()
}

function subscribeUpdate(onChange: () => void) {
  listeners.add(onChange)
  return () => listeners.delete(onChange)
}

export function useWaitingUpdate(): WaitingUpdate | null {
  return useSyncExternalStore(
    subscribeUpdate,
    () => update,
    () => null,
  )
}

/**
 * Starts offline reading once the page has loaded and the browser is idle: the service worker's
 * registration and the page's cache keeping (start.ts) are a lazy chunk, off the first list's path.
 */
export function startOfflineWhenIdle(client: QueryClient) {
  // TanStack Query assumes online until an event says otherwise: tell it when it starts offline,
  // so coming back online refetches.
  if (!navigator.onLine) onlineManager.setOnline(false)
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  const start = () => {
    import('./start.ts').then((m) => m.startOffline(client)).catch(() => {})
  }
  const whenIdle = () => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 5_000 })
    else setTimeout(start, 1_000)
  }
  if (document.readyState === 'complete') whenIdle()
  else window.addEventListener('load', whenIdle, { once: true })
}
