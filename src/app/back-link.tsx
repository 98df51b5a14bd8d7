// 返回列表 on the article page.
import { Link, useLocation, useNavigate } from 'react-router'
import { listPath } from '../entities/article/model/paths.ts'
import type { ListScope } from '../entities/article/model/scope.ts'
import { messages } from '../lib/messages.ts'
import { backIsList } from './focus-on-navigation.ts'

/**
 * Back to the list the article was opened from. Where that list is the previous page, this is the
 * browser's Back (the list comes back where the reader left it); after a reload or a shared link,
 * a link to the list.
 */
export function BackLink({ from }: { from: ListScope }) {
  const navigate = useNavigate()
  const { key } = useLocation()
  return (
    <Link
      className="back-link"
      to={listPath(from)}
      onClick={(e) => {
        if (!backIsList(key) || e.metaKey || e.ctrlKey || e.shiftKey) return
        e.preventDefault()
        void navigate(-1)
      }}
    >
      {messages.backToList}
    </Link>
  )
}
