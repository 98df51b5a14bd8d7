// The browser storage all stores share: which backend holds it (localStorage, or memory when that
// is unavailable), writes that make room by pruning a store that may shed data, bad values kept
// aside under backup keys, and other tabs' writes handed to the store whose key they touched.
import { detectBackend, isQuotaError, memoryBackend, type Backend } from './backend.ts'
import { reportStorageNotice } from './notices.ts'

export const KEY_PREFIX = 'news-reader:'

/** What the area needs of each store: its key, and how to prune, follow other tabs and reload. */
export type StoreHandle = {
  key: string
  prune: (() => number) | null
  onStorageEvent: (newValue: string | null) => void
  reload: () => void
}

let backend: Backend | null = null
const stores = new Map<string, StoreHandle>()
let listening = false

export function getBackend(): Backend {
  if (!backend) {
    backend = detectBackend()
    if (!backend.persistent) reportStorageNotice('unavailable')
  }
  return backend
}

function fallBackToMemory() {
  if (backend && !backend.persistent) return
  backend = memoryBackend()
  reportStorageNotice('unavailable')
}

export function listenAcrossTabs() {
  if (listening || typeof window === 'undefined') return
  listening = true
  window.addEventListener('storage', (e) => {
    if (!backend?.persistent || e.storageArea !== backend.storage) return
    if (e.key === null) {
      for (const s of stores.values()) s.onStorageEvent(null)
      return
    }
    stores.get(e.key)?.onStorageEvent(e.newValue)
  })
}

export function backupKeyPrefix(key: string): string {
  return `${KEY_PREFIX}backup:${key.slice(KEY_PREFIX.length)}:`
}

/**
 * Writes a key; on a full quota asks the stores that may shed data (read marks) to prune, then
 * retries. `value` is re-evaluated each try because pruning may have changed it.
 */
export function writeWithRoom(key: string, value: () => string, except?: string): boolean {
  for (let attempt = 0; attempt < 12; attempt++) {
    try {
      getBackend().storage.setItem(key, value())
      return true
    } catch (e) {
      if (!isQuotaError(e)) {
        fallBackToMemory()
        getBackend().storage.setItem(key, value())
        return true
      }
      let freed = false
      for (const s of stores.values()) {
        if (s.key === except || !s.prune) continue
        if (s.prune() > 0) {
          freed = true
          break
        }
      }
      if (!freed) return false
    }
  }
  return false
}

/** Copies a value that failed validation to a fresh backup key, unless a backup already holds it. */
export function quarantine(key: string, raw: string): boolean {
  const { storage } = getBackend()
  const prefix = backupKeyPrefix(key)
  let n = 1
  const taken = new Set<string>()
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i)
    if (k?.startsWith(prefix)) taken.add(k)
  }
  for (const k of taken) if (storage.getItem(k) === raw) return true
  while (taken.has(prefix + n)) n++
  const backupKey = prefix + n
  if (!writeWithRoom(backupKey, () => raw, key)) return false
  reportStorageNotice('corrupt', { backupKey })
  return true
}

export function registerStore(store: StoreHandle) {
  stores.set(store.key, store)
}

/** Tests only: start over with a given backend (or detect again) and forget every store's memory. */
export function resetStorageForTests(next?: Backend) {
  backend = next ?? null
  for (const s of stores.values()) s.reload()
}
