// At the end of a list, when articles become read as they scroll past: the last ones never scroll
// off the top, so the reader marks the rest read here.
import { messages } from '../../../lib/messages.ts'
import { setRead, useReadState } from '../hooks.ts'
import type { Markable } from '../read-marks-store.ts'
import { useMarkReadMode } from '../read-settings.ts'
import { isArticleRead } from '../read-state.ts'

export type MarkRestReadProps = { items: readonly Markable[] }

export function MarkRestRead({ items }: MarkRestReadProps) {
  const mode = useMarkReadMode()
  const state = useReadState()
  const unread = items.filter((a) => !isArticleRead(state, a))
  if (mode !== 'scroll' || unread.length === 0) return null
  return (
    <p className="mark-rest">
      <button type="button" onClick={() => setRead(unread, true)}>
        {messages.markRestRead}
      </button>
    </p>
  )
}
