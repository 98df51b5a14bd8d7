// Tells the reader what the storage layer had to do: a saved value was bad and is kept aside,
// old read marks were pruned for room, or storage is unavailable and changes stay on this page.
// Rare, so the notices' code comes only when there is one.
import { lazy, Suspense, type ComponentType } from 'react'
import { useStorageNotices, type StorageNotice as Notice } from '../../lib/storage/notices.ts'

// A chunk that fails to load (a deploy since the page opened) shows nothing rather than an error.
const StorageNotices = lazy<ComponentType<{ notices: readonly Notice[] }>>(() =>
  import('./storage-notice-view.tsx').catch(() => ({ default: () => null })),
)

export function StorageNotice() {
  const notices = useStorageNotices()
  return notices.length === 0 ? null : (
    <Suspense>
      <StorageNotices notices={notices} />
    </Suspense>
  )
}
