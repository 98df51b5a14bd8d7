// The unread dot before an article's title in a list: a shape and a word for screen readers, so
// state is never told by colour alone. A read article has none, and the list dims it.
import { messages } from '../../../lib/messages.ts'
import { useIsRead } from '../hooks.ts'
import type { Markable } from '../read-marks-store.ts'

export type ReadMarkerProps = { article: Markable }

export function ReadMarker({ article }: ReadMarkerProps) {
  const read = useIsRead(article)
  return (
    <span className={read ? 'read-marker is-read' : 'read-marker'}>
      {!read && <span className="visually-hidden">{messages.unread}</span>}
    </span>
  )
}
