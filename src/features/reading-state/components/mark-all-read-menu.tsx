// "标为已读" for a whole list, pages not loaded included: all of it, or what is older than a day or a
// week. While it works the menu says so; then a toast says how many became read, with an undo for a
// few seconds.
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { errorText } from '../../../entities/article/api/feed-error.ts'
import type { ListScope } from '../../../entities/article/model/scope.ts'
import { formatNumber } from '../../../lib/format.ts'
import { messages } from '../../../lib/messages.ts'
import { DAY_MS } from '../list-helpers.ts'
import type { MarkListResult } from '../mark-list-read.ts'
import { UndoToast } from './undo-toast.tsx'

export type MarkAllReadMenuProps = { scope: ListScope }

export function MarkAllReadMenu({ scope }: MarkAllReadMenuProps) {
  const client = useQueryClient()
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<{ result: MarkListResult; n: number } | null>(null)
  const [failure, setFailure] = useState<unknown>(null)
  const [open, setOpen] = useState(false)

  const mark = async (olderThan: number | null) => {
    setBusy(true)
    setFailure(null)
    try {
      // The walk and the cut-off's bookkeeping load when first asked for.
      const { markListRead } = await import('../mark-list-read.ts')
      const result = await markListRead(client, scope, olderThan)
      setDone((d) => ({ result, n: (d?.n ?? 0) + 1 }))
      setOpen(false)
    } catch (e) {
      setFailure(e)
    } finally {
      setBusy(false)
    }
  }
  const choices = [
    [messages.markAllRead, null],
    [messages.markOlderThanDay, DAY_MS],
    [messages.markOlderThanWeek, 7 * DAY_MS],
  ] as const
  return (
    <>
      <details
        className="mark-all-read"
        open={open}
        onToggle={(e) => setOpen(e.currentTarget.open)}
      >
        <summary>{messages.markAllReadMenu}</summary>
        <div role="group" aria-label={messages.markAllReadMenu} aria-busy={busy}>
          {choices.map(([label, age]) => (
            <button key={label} type="button" disabled={busy} onClick={() => void mark(age)}>
              {label}
            </button>
          ))}
          {busy && (
            <span role="status" className="count">
              {messages.marking}
            </span>
          )}
          {failure !== null && (
            <p role="alert" className="notice-error">
              {errorText(failure)}
            </p>
          )}
        </div>
      </details>
      {done && (
        <UndoToast
          key={done.n}
          text={messages.markedRead(formatNumber(done.result.marked))}
          onUndo={() => {
            done.result.undo()
            setDone(null)
          }}
          onClose={() => setDone(null)}
        />
      )}
    </>
  )
}
