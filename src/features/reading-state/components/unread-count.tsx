// Unread counts as the reader sees them: "12 篇未读", or "全部已读" when nothing is left.
import { messages, LOCALE } from '../../../lib/messages.ts'
import { unreadInCategory, useReadMarks, useUnreadCount } from '../hooks.ts'
import type { Markable } from '../read-marks-store.ts'

const number = new Intl.NumberFormat(LOCALE)

type UnreadCountProps = { count: number }

function UnreadCount({ count }: UnreadCountProps) {
  return (
    <span className="unread-count">
      {count === 0 ? messages.allRead : messages.unreadCount(number.format(count))}
    </span>
  )
}

export type ListUnreadCountProps = { items: readonly Markable[] }

/** Unread among a loaded list. */
export function ListUnreadCount({ items }: ListUnreadCountProps) {
  return <UnreadCount count={useUnreadCount(items)} />
}

export type CategoryUnreadCountProps = { slug: string; total: number }

/** Unread in a whole category, from its size in categories.json and the stored read marks. */
export function CategoryUnreadCount({ slug, total }: CategoryUnreadCountProps) {
  const marks = useReadMarks()
  return <UnreadCount count={unreadInCategory(marks, slug, total)} />
}
