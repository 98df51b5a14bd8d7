// Shares the article's link: the system share sheet where there is one, else a copy to the
// clipboard with a visible confirmation.
import { useState } from 'react'
import { messages } from '../../../lib/messages.ts'

export type ShareButtonProps = {
  title: string
  url: string
}

export function ShareButton({ title, url }: ShareButtonProps) {
  const [status, setStatus] = useState('')
  const share = async () => {
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title, url })
        return
      } catch (e) {
        // The reader closed the share sheet: nothing to report.
        if (e instanceof DOMException && e.name === 'AbortError') return
      }
    }
    try {
      await navigator.clipboard.writeText(url)
      setStatus(messages.copied)
    } catch {
      setStatus(messages.copyFailed)
    }
  }
  return (
    <span className="share">
      <button type="button" onClick={() => void share()}>
        {messages.share}
      </button>
      <span role="status" className="share-status">
        {status}
      </span>
    </span>
  )
}
