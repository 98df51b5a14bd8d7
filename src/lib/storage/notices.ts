// What the storage layer has to tell the reader (a value kept aside, read marks pruned, storage
// unavailable or full), as a tiny external store for useSyncExternalStore.
import { useSyncExternalStore } from 'react'

export type StorageNoticeKind = 'corrupt' | 'pruned' | 'unavailable' | 'not-saved'

export type StorageNotice = {
  kind: StorageNoticeKind
  /** The backup key a bad value was copied to ('corrupt'). */
  backupKeys: string[]
  /** Read marks removed ('pruned'). */
  count: number
}

let notices: readonly StorageNotice[] = []
const listeners = new Set<() => void>()

let emitting = false
// Deferred: a store may report while React renders another component (its first read), and
// subscribers must not be poked in the middle of that render.
function emit() {
  if (emitting) return
  emitting = true
  queueMicrotask(() => {
    emitting = false
    for (const l of listeners) l()
  })
}

/** One notice per kind: a second event of the same kind adds to it rather than stacking up. */
export function reportStorageNotice(
  kind: StorageNoticeKind,
  detail: { backupKey?: string; count?: number } = {},
) {
  const prev = notices.find((n) => n.kind === kind)
  const next: StorageNotice = {
    kind,
    backupKeys: [...(prev?.backupKeys ?? []), ...(detail.backupKey ? [detail.backupKey] : [])],
    count: (prev?.count ?? 0) + (detail.count ?? 0),
  }
  notices = [...notices.filter((n) => n.kind !== kind), next]
  emit()
}

export function dismissStorageNotice(kind: StorageNoticeKind) {
  notices = notices.filter((n) => n.kind !== kind)
  emit()
}

export function getStorageNotices(): readonly StorageNotice[] {
  return notices
}

function subscribeStorageNotices(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useStorageNotices(): readonly StorageNotice[] {
  return useSyncExternalStore(subscribeStorageNotices, getStorageNotices, getStorageNotices)
}

/** Tests only. */
export function clearStorageNotices() {
  notices = []
  emit()
}
