// Tells the reader what the storage layer had to do: a saved value was bad and is kept aside,
// old read marks were pruned for room, or storage is unavailable and changes stay on this page.
import { formatNumber } from '../../lib/format.ts'
import { messages } from '../../lib/messages.ts'
import {
  dismissStorageNotice,
  useStorageNotices,
  type StorageNotice as Notice,
} from '../../lib/storage/notices.ts'

function text(n: Notice): string {
  switch (n.kind) {
    case 'corrupt':
      return messages.storageCorrupt
    case 'pruned':
      return messages.storagePruned(formatNumber(n.count))
    case 'unavailable':
      return messages.storageUnavailable
    case 'not-saved':
      return messages.storageNotSaved
  }
}

export function StorageNotice() {
  const notices = useStorageNotices()
  if (notices.length === 0) return null
  return (
    <div className="storage-notices">
      {notices.map((n) => (
        <div
          key={n.kind}
          className={`notice notice-${n.kind}`}
          role={n.kind === 'corrupt' ? 'status' : 'alert'}
        >
          <p>
            {text(n)}
            {n.kind === 'corrupt' && n.backupKeys.length > 0 && (
              <>
                {' '}
                {messages.storageCorruptBackup}
                {n.backupKeys.map((k) => (
                  <code key={k}>{k}</code>
                ))}
              </>
            )}
          </p>
          <button type="button" onClick={() => dismissStorageNotice(n.kind)}>
            {messages.storageDismiss}
          </button>
        </div>
      ))}
    </div>
  )
}
