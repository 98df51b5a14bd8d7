// A list with muted items (the settings' muted words and sources): they are left out, and a quiet
// "N 条已隐藏" says so with a button that shows them in this list until the reader leaves it.
import { useMemo, useState } from 'react'
import { messages } from '../lib/messages.ts'

/**
 * The items to show of `items` when `muted` hides some, how many it hides (revealed or not), and
 * the note to put above the list (null when nothing is hidden).
 */
export function useHidden<T>(items: readonly T[], muted?: (item: T) => boolean) {
  const [revealed, setRevealed] = useState(false)
  const hidden = useMemo(() => new Set(muted ? items.filter(muted) : []), [items, muted])
  const n = hidden.size
  const kept = useMemo(
    () => (n && !revealed ? items.filter((i) => !hidden.has(i)) : items),
    [items, hidden, n, revealed],
  )
  const note = n ? (
    <p className="note" role="status">
      {messages.hiddenItems(n, revealed)}{' '}
      <button type="button" onClick={() => setRevealed(!revealed)}>
        {revealed ? messages.hide : messages.reveal}
      </button>
    </p>
  ) : null
  return { kept, hidden: revealed ? hidden : undefined, count: n, note }
}
