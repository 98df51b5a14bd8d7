// A feed failure in the reader's words, announced at once, with a retry where a retry can help.
import { messages } from '../../../lib/messages.ts'
import { useOnline } from '../../../lib/use-online.ts'
import { errorText } from '../api/feed-error.ts'

export type ErrorMessageProps = {
  error: unknown
  onRetry?: () => void
}

export function ErrorMessage({ error, onRetry }: ErrorMessageProps) {
  // Offline, a request that failed was for something not cached: the text says so.
  const offline = !useOnline()
  return (
    <div role="alert" className="notice notice-error">
      <p>{errorText(error, offline)}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {messages.retry}
        </button>
      )}
    </div>
  )
}
