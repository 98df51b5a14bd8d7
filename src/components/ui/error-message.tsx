// A failure in the reader's words, announced at once, with a retry where a retry can help.
import { errorText } from '../../lib/error-text.ts'
import { messages } from '../../lib/messages.ts'

export type ErrorMessageProps = {
  error: unknown
  onRetry?: () => void
}

export function ErrorMessage({ error, onRetry }: ErrorMessageProps) {
  return (
    <div role="alert" className="notice notice-error">
      <p>{errorText(error)}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {messages.retry}
        </button>
      )}
    </div>
  )
}
