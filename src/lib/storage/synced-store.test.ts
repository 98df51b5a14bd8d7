import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as v from 'valibot'
import { memoryBackend } from './backend.ts'
import { clearStorageNotices, getStorageNotices } from './notices.ts'
import { backupKeyPrefix } from './storage-area.ts'
import { createSyncedStore, resetStorageForTests, type Codec } from './synced-store.ts'

// A tiny store of "id → time" entries, last writer wins per entry: the shape of both real stores.
type Entries = ReadonlyMap<string, number>
const Wire = v.record(v.string(), v.pipe(v.number(), v.integer()))
const codec: Codec<Entries> = {
  encode: (m) => JSON.stringify(Object.fromEntries([...m].sort())),
  decode: (raw) => {
    try {
      const r = v.safeParse(Wire, JSON.parse(raw))
      if (r.success) return { value: new Map(Object.entries(r.output)), complete: true }
    } catch {
      /* garbage */
    }
    return { value: new Map(), complete: false }
  },
}
const merge = (a: Entries, b: Entries): Entries => {
  let out: Map<string, number> | null = null
  for (const [k, t] of b) {
    if ((a.get(k) ?? -1) >= t) continue
    out ??= new Map(a)
    out.set(k, t)
  }
  return out ?? a
}
let pruned = 0
const store = createSyncedStore<Entries>({
  name: 'test-entries',
  version: 1,
  codec,
  empty: () => new Map(),
  merge,
})
const sheddable = createSyncedStore<Entries>({
  name: 'test-sheddable',
  version: 1,
  codec,
  empty: () => new Map(),
  merge,
  prune: (m) => {
    const keep = [...m].sort((a, b) => a[1] - b[1]).slice(Math.ceil(m.size / 4))
    pruned += m.size - keep.length
    return { value: new Map(keep), removed: m.size - keep.length }
  },
})
const add = (s: typeof store, k: string, t: number) =>
  s.update((m) => (m.get(k) === t ? m : new Map(m).set(k, t)))
const tick = () => new Promise((r) => setTimeout(r, 0))

beforeEach(() => {
  resetStorageForTests()
  clearStorageNotices()
  pruned = 0
})
afterEach(() => vi.restoreAllMocks())

describe('synced store', () => {
  it('uses a versioned key and writes after a change', async () => {
    expect(store.key).toBe('news-reader:v1:test-entries')
    add(store, 'a', 1)
    await tick()
    expect(localStorage.getItem(store.key)).toBe('{"a":1}')
    store.reload()
    expect(store.getSnapshot().get('a')).toBe(1)
  })

  it('keeps a bad stored value under a backup key, tells the reader, and goes on', async () => {
    localStorage.setItem(store.key, '{not json')
    expect(store.getSnapshot().size).toBe(0)
    await tick()
    const backups = Object.keys(localStorage).filter((k) =>
      k.startsWith(backupKeyPrefix(store.key)),
    )
    expect(backups).toHaveLength(1)
    expect(localStorage.getItem(backups[0]!)).toBe('{not json')
    expect(getStorageNotices().map((n) => n.kind)).toEqual(['corrupt'])
    add(store, 'b', 2)
    await tick()
    expect(localStorage.getItem(store.key)).toBe('{"b":2}')
    // Reading it again does not make a second copy of the same value.
    store.reload()
    localStorage.setItem(store.key, '{not json')
    store.getSnapshot()
    expect(
      Object.keys(localStorage).filter((k) => k.startsWith(backupKeyPrefix(store.key))),
    ).toHaveLength(1)
  })

  it('merges a change from another tab and re-writes when that tab missed ours', async () => {
    add(store, 'mine', 5)
    await tick()
    const seen = vi.fn()
    const unsubscribe = store.subscribe(seen)
    // The other tab wrote over a stale copy that lacks "mine".
    localStorage.setItem(store.key, '{"theirs":6}')
    window.dispatchEvent(
      new StorageEvent('storage', {
        key: store.key,
        newValue: '{"theirs":6}',
        storageArea: localStorage,
      }),
    )
    expect([...store.getSnapshot()].sort()).toEqual([
      ['mine', 5],
      ['theirs', 6],
    ])
    expect(seen).toHaveBeenCalled()
    await tick()
    expect(localStorage.getItem(store.key)).toBe('{"mine":5,"theirs":6}')
    unsubscribe()
  })

  it('folds in what another tab stored before writing its own change', async () => {
    add(store, 'a', 1)
    await tick()
    localStorage.setItem(store.key, '{"a":1,"z":9}') // event not delivered yet
    add(store, 'b', 2)
    await tick()
    expect(localStorage.getItem(store.key)).toBe('{"a":1,"b":2,"z":9}')
  })

  it('on a full quota prunes the store that may shed data, never the other one', async () => {
    const small = memoryBackend()
    const setItem = small.storage.setItem.bind(small.storage)
    small.storage.setItem = (k: string, val: string) => {
      let used = 0
      for (let i = 0; i < small.storage.length; i++) {
        const key = small.storage.key(i)!
        if (key !== k) used += key.length + small.storage.getItem(key)!.length
      }
      if (used + k.length + val.length > 1_200) throw new DOMException('full', 'QuotaExceededError')
      setItem(k, val)
    }
    resetStorageForTests({ storage: small.storage, persistent: true })
    sheddable.update(() => new Map(Array.from({ length: 100 }, (_, i) => [`mark${i}`, i])))
    await tick()
    expect(sheddable.getSnapshot().size).toBeLessThan(100) // it had to shed to fit at all
    const before = sheddable.getSnapshot().size
    for (let i = 0; i < 30; i++) add(store, `favourite-${i}`, 1_000 + i)
    await tick()
    expect(codec.decode(small.storage.getItem(store.key)!).value.size).toBe(30)
    expect(sheddable.getSnapshot().size).toBeLessThan(before)
    expect(pruned).toBeGreaterThan(0)
    expect(getStorageNotices().find((n) => n.kind === 'pruned')?.count).toBe(pruned)
  })

  it('falls back to memory with a notice when localStorage cannot be used', async () => {
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError')
    })
    resetStorageForTests()
    add(store, 'a', 1)
    await tick()
    expect(store.getSnapshot().get('a')).toBe(1)
    expect(getStorageNotices().map((n) => n.kind)).toContain('unavailable')
  })
})
