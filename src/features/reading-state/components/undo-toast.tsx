// A short-lived message after a bulk change, with an undo: announced politely, kept on screen for a
// few seconds (and while its button has focus), closed by Esc.
import { useEffect, useRef, useState } from 'react'
import { messages } from '../../../lib/messages.ts'

/** How long the toast stays, unless the reader is on it. */
const SHOW_MS = 8_000

export type UndoToastProps = { text: string; onUndo: () => void; onClose: () => void }

export function UndoToast({ text, onUndo, onClose }: UndoToastProps) {
  const [held, setHeld] = useState(false)
  const latest = useRef(onClose)
  useEffect(() => {
    latest.current = onClose
  })
  useEffect(() => {
    if (held) return
    const timer = setTimeout(() => latest.current(), SHOW_MS)
    return () => clearTimeout(timer)
  }, [held])
  return (
    <div className="toast" role="status">
      <span>{text}</span>
      <button
        type="button"
        onClick={onUndo}
        onFocus={() => setHeld(true)}
        onBlur={() => setHeld(false)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') latest.current()
        }}
      >
        {messages.undo}
      </button>
    </div>
  )
}
