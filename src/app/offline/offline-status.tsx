// The offline banner and the "新版本可用" offer, above every page.
import { messages } from '../../lib/messages.ts'
import { useOnline } from '../../lib/use-online.ts'
import { useWaitingUpdate } from './status.ts'

export function OfflineStatus() {
  const online = useOnline()
  const update = useWaitingUpdate()
  return (
    <>
      {!online && (
        <p role="status" className="notice offline-banner">
          {messages.offlineBanner}
        </p>
      )}
      {update && (
        <div role="status" className="notice update-banner">
          <span>{messages.updateAvailable}</span>{' '}
          <button type="button" onClick={update.apply}>
            {messages.updateReload}
          </button>
        </div>
      )}
    </>
  )
}
