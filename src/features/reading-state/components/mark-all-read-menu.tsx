// "Mark all as read" for the list on screen, or only its items older than a day or a week.
import { messages } from '../../../lib/messages.ts'
import { DAY_MS, olderThan, type DatedMarkable } from '../list-helpers.ts'
import { setRead } from '../read-marks-store.ts'

export type MarkAllReadMenuProps = {
  /** The list on screen (what is loaded of it). */
  items: readonly DatedMarkable[]
}

export function MarkAllReadMenu({ items }: MarkAllReadMenuProps) {
  return (
    <details className="mark-all-read">
      <summary>{messages.markAllReadMenu}</summary>
      <div role="group" aria-label={messages.markAllReadMenu}>
        <button type="button" onClick={() => setRead(items, true)}>
          {messages.markAllRead}
        </button>
        <button type="button" onClick={() => setRead(olderThan(items, DAY_MS), true)}>
          {messages.markOlderThanDay}
        </button>
        <button type="button" onClick={() => setRead(olderThan(items, 7 * DAY_MS), true)}>
          {messages.markOlderThanWeek}
        </button>
      </div>
    </details>
  )
}
