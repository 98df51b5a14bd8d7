// The list of shortcuts (?): a modal dialog, closed by Esc or its button, that gives focus back
// to where the reader was.
import './shortcuts-help.css'
import { useEffect, useId, useRef } from 'react'
import { messages } from '../../../lib/messages.ts'
import { keyboardMessages } from '../messages.ts'

export type ShortcutsHelpProps = { onClose: () => void }

export default function ShortcutsHelp({ onClose }: ShortcutsHelpProps) {
  const dialog = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  useEffect(() => {
    const d = dialog.current
    d?.showModal()
    return () => d?.close()
  }, [])
  return (
    <dialog ref={dialog} className="shortcuts-help" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>{keyboardMessages.shortcutsTitle}</h2>
      <dl>
        {keyboardMessages.shortcuts.map(([keys, what]) => (
          <div key={keys}>
            <dt>
              {keys.split(' ').map((k, i) => (
                <kbd key={i}>{k}</kbd>
              ))}
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <p className="count">{keyboardMessages.shortcutsOff}</p>
      <button type="button" onClick={onClose}>
        {messages.close}
      </button>
    </dialog>
  )
}
