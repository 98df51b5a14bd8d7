// The small typed store behind reading state and favourites: one versioned localStorage key per
// store, every value validated when read, changes merged across tabs per entry, and nothing a
// reader saved ever silently lost (bad values are kept aside, a full quota prunes read marks first).
import { reportStorageNotice } from './notices.ts'
import {
  KEY_PREFIX,
  getBackend,
  listenAcrossTabs,
  quarantine,
  registerStore,
  writeWithRoom,
  type StoreHandle,
} from './storage-area.ts'

export { resetStorageForTests } from './storage-area.ts'

/** What a codec made of a stored string: `complete` is false when any part had to be left out. */
export type Decoded<T> = { value: T; complete: boolean }

export type Codec<T> = {
  encode: (value: T) => string
  /** Never throws: garbage gives the usable part (maybe empty) and complete = false. */
  decode: (raw: string) => Decoded<T>
}

export type SyncedStoreOptions<T> = {
  /** Short name, part of the key: news-reader:v<version>:<name>. */
  name: string
  version: number
  codec: Codec<T>
  empty: () => T
  /**
   * Joins two states entry by entry (last writer wins per entry). Must be commutative and
   * idempotent so tabs converge; returns `local` itself when nothing changes.
   */
  merge: (local: T, incoming: T) => T
  /** Frees space by dropping the oldest entries, or null when this store never gives up data. */
  prune?: (value: T) => { value: T; removed: number } | null
  /**
   * Coalesces writes of a busy store (0: written on the next microtask). Leaving or hiding the
   * page writes at once, so a reload never loses a change.
   */
  writeDelayMs?: number
}

export type SyncedStore<T> = {
  readonly key: string
  getSnapshot: () => T
  subscribe: (listener: () => void) => () => void
  update: (fn: (prev: T) => T) => void
  /** Writes pending changes now (also done soon after every update). */
  flush: () => void
  /** Forgets memory and reads storage again (tests, and after another tab cleared storage). */
  reload: () => void
  /** The stored form of what the store holds (for a backup file). */
  exportText: () => string
  /**
   * Merges a backup's stored form into what the store holds, as a change from another tab would
   * be. False when the text is not this store's (nothing changes then); a damaged text gives its
   * usable part.
   */
  importText: (text: string) => boolean
}

export function createSyncedStore<T>(opts: SyncedStoreOptions<T>): SyncedStore<T> {
  const key = `${KEY_PREFIX}v${opts.version}:${opts.name}`
  const listeners = new Set<() => void>()
  let state: T | null = null
  /** The stored string our state is known to include; lets a write skip re-reading. */
  let lastRaw: string | null = null
  /** Set when a bad value could not be backed up: then the key is never written. */
  let blocked = false
  let dirty = false
  let scheduled = false

  const notify = () => {
    for (const l of listeners) l()
  }

  /** Reads the stored value; a bad one is backed up first (and its good part kept). */
  function readStored(): T {
    const raw = getBackend().storage.getItem(key)
    if (raw === null) return opts.empty()
    const decoded = opts.codec.decode(raw)
    if (decoded.complete) {
      lastRaw = raw
      return decoded.value
    }
    if (quarantine(key, raw)) {
      dirty = true // rewrite the good part so the next load is clean
    } else {
      blocked = true
      reportStorageNotice('not-saved')
    }
    return decoded.value
  }

  function init(): T {
    if (state === null) {
      listenAcrossTabs()
      state = readStored()
      if (dirty) schedule()
    }
    return state
  }

  function setState(next: T) {
    if (next === state) return
    state = next
    notify()
  }

  /** Folds in whatever is stored now (another tab may have written since we last looked). */
  function absorbStored(): string | null {
    const raw = getBackend().storage.getItem(key)
    if (raw === null || raw === lastRaw) return raw
    const decoded = opts.codec.decode(raw)
    if (!decoded.complete && !quarantine(key, raw)) {
      blocked = true
      reportStorageNotice('not-saved')
    }
    setState(opts.merge(init(), decoded.value))
    return raw
  }

  function persist() {
    scheduled = false
    if (!dirty || blocked) return
    dirty = false
    const current = absorbStored()
    if (blocked) return
    let text: string | null = opts.codec.encode(init())
    if (text === current) {
      lastRaw = text
      return
    }
    // The first try writes what was just encoded; after a prune the state changed, so re-encode.
    const encoded = () => {
      const t = text ?? opts.codec.encode(init())
      text = null
      return t
    }
    if (writeWithRoom(key, encoded)) {
      lastRaw = getBackend().storage.getItem(key)
    } else {
      reportStorageNotice('not-saved')
    }
  }

  function schedule() {
    dirty = true
    if (scheduled) return
    scheduled = true
    if (opts.writeDelayMs) setTimeout(persist, opts.writeDelayMs)
    else queueMicrotask(persist)
  }

  const internal: StoreHandle = {
    key,
    prune: opts.prune
      ? () => {
          if (blocked) return 0
          const result = opts.prune?.(init())
          if (!result || result.removed === 0) return 0
          setState(result.value)
          try {
            const text = opts.codec.encode(result.value)
            getBackend().storage.setItem(key, text)
            lastRaw = text
          } catch {
            dirty = true // smaller now in memory; the pending write will try again
          }
          reportStorageNotice('pruned', { count: result.removed })
          return result.removed
        }
      : null,
    onStorageEvent(newValue) {
      if (state === null || blocked) return
      if (newValue === null) {
        // Another tab removed the key (or cleared storage): keep what this tab holds.
        lastRaw = null
        schedule()
        return
      }
      if (newValue === lastRaw) return
      const decoded = opts.codec.decode(newValue)
      if (!decoded.complete && !quarantine(key, newValue)) {
        blocked = true
        reportStorageNotice('not-saved')
        return
      }
      const merged = opts.merge(state, decoded.value)
      setState(merged)
      // Our change is missing from what the other tab wrote over a stale copy: write the join.
      if (opts.codec.encode(merged) !== newValue) {
        lastRaw = null
        schedule()
      } else {
        lastRaw = newValue
      }
    },
    reload() {
      state = null
      lastRaw = null
      blocked = false
      dirty = false
      notify()
    },
  }
  registerStore(internal)

  if (typeof window !== 'undefined') {
    const flushNow = () => {
      if (dirty) persist()
    }
    window.addEventListener('pagehide', flushNow)
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') flushNow()
    })
  }

  return {
    key,
    getSnapshot: init,
    subscribe: (listener) => {
      init()
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    update: (fn) => {
      const prev = init()
      const next = fn(prev)
      if (next === prev) return
      setState(next)
      schedule()
    },
    flush: () => {
      if (dirty) persist()
    },
    reload: internal.reload,
    exportText: () => opts.codec.encode(init()),
    importText: (text) => {
      const decoded = opts.codec.decode(text)
      if (!decoded.complete && opts.codec.encode(decoded.value) === opts.codec.encode(opts.empty()))
        return false
      const prev = init()
      const next = opts.merge(prev, decoded.value)
      if (next !== prev) {
        setState(next)
        schedule()
      }
      return true
    },
  }
}
