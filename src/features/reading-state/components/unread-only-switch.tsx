// "Only unread" for any list, kept in the URL (?unread=1) so it survives reloads and shared links.
import { useSearchParams } from 'react-router'
import { messages } from '../../../lib/messages.ts'
import { UNREAD_PARAM } from '../list-helpers.ts'

export function UnreadOnlySwitch() {
  const [params, setParams] = useSearchParams()
  const on = params.get(UNREAD_PARAM) === '1'
  return (
    <label className="unread-only">
      <input
        type="checkbox"
        role="switch"
        checked={on}
        onChange={(e) => {
          const checked = e.currentTarget.checked
          setParams(
            (prev) => {
              const next = new URLSearchParams(prev)
              if (checked) next.set(UNREAD_PARAM, '1')
              else next.delete(UNREAD_PARAM)
              return next
            },
            { replace: true },
          )
        }}
      />
      {messages.unreadOnly}
    </label>
  )
}
