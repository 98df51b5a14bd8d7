// Where values live: window.localStorage when the browser lets us use it, else a Map for this page
// only (storage disabled, some private modes, sandboxed frames), which the reader is told about.
export type Backend = {
  storage: Storage
  /** False when changes only live in memory for this page. */
  persistent: boolean
}

class MemoryStorage implements Storage {
  private map = new Map<string, string>()
  get length() {
    return this.map.size
  }
  clear() {
    this.map.clear()
  }
  getItem(key: string) {
    return this.map.get(key) ?? null
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null
  }
  removeItem(key: string) {
    this.map.delete(key)
  }
  setItem(key: string, value: string) {
    this.map.set(key, String(value))
  }
}

export function memoryBackend(): Backend {
  return { storage: new MemoryStorage(), persistent: false }
}

/** A quota error from any browser (names and codes differ between engines and versions). */
export function isQuotaError(e: unknown): boolean {
  if (!(e instanceof DOMException)) return false
  return (
    e.name === 'QuotaExceededError' ||
    e.name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    e.code === 22 ||
    e.code === 1014
  )
}

/**
 * Probes localStorage by reading only: a full quota must not look like "unavailable", so the probe
 * never writes. Access itself throws where storage is disabled.
 */
export function detectBackend(): Backend {
  try {
    const storage = globalThis.localStorage
    if (!storage) return memoryBackend()
    storage.getItem('news-reader:probe')
    void storage.length
    return { storage, persistent: true }
  } catch {
    return memoryBackend()
  }
}
