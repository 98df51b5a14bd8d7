// The storage notices themselves (./storage-notice.tsx loads them once there is one).
import { formatNumber } from '../../lib/format.ts'
import { messages } from '../../lib/messages.ts'
import { dismissStorageNotice, type StorageNotice as Notice } from '../../lib/storage/notices.ts'

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

export default function StorageNotices({ notices }: { notices: readonly Notice[] }) {
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
