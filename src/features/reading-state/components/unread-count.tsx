// The unread count of a whole list ("12 篇未读", or "全部已读"), and of a category in the directory.
// Nothing at all while the list's size is unknown: a count is never a guess.
import type { ListScope } from '../../../entities/article/model/scope.ts'
import { formatNumber } from '../../../lib/format.ts'
import { messages } from '../../../lib/messages.ts'
import { useReadState } from '../hooks.ts'
import { useUnreadCount } from '../list-totals.ts'
import { unreadCount } from '../read-state.ts'

function UnreadText({ count }: { count: number }) {
  return (
    <span className="unread-count">
      {count === 0 ? messages.allRead : messages.unreadCount(formatNumber(count))}
    </span>
  )
}

export type ListUnreadCountProps = {
  scope: ListScope
  /** Unread articles of the list it leaves out (muted ones). */
  hidden?: number
}

export function ListUnreadCount({ scope, hidden = 0 }: ListUnreadCountProps) {
  const count = useUnreadCount(scope)
  return count === null ? null : <UnreadText count={Math.max(0, count - hidden)} />
}

export type CategoryUnreadCountProps = { slug: string; total: number }

/** Unread in a whole category, from its size in categories.json and what is read of it. */
export function CategoryUnreadCount({ slug, total }: CategoryUnreadCountProps) {
  const state = useReadState()
  return <UnreadText count={unreadCount(state, { kind: 'category', slug }, total)} />
}
