// The search box of the header, on every page: a form that opens /search?q=…, keeping the filters
// of a search already on screen. `/` focuses it (features/keyboard), Esc leaves it. Tiny on
// purpose: the search itself is the lazy /search page.
import { useState, type KeyboardEvent } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { messages } from '../../../lib/messages.ts'
import { SEARCH_PATH, readSearchParams, searchHref } from '../params.ts'

export function SearchBox() {
  const location = useLocation()
  const navigate = useNavigate()
  const onSearch = location.pathname === SEARCH_PATH
  const current = onSearch ? readSearchParams(new URLSearchParams(location.search)) : null
  const [edit, setEdit] = useState<{ for: string; text: string } | null>(null)
  // What the box shows: the reader's typing, else the query of the search on screen.
  const text = edit?.for === location.search ? edit.text : (current?.q ?? '')

  const leave = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Escape') return
    e.preventDefault()
    e.currentTarget.blur()
    document.getElementById('main')?.focus()
  }
  return (
    <form
      role="search"
      aria-label={messages.searchLandmark}
      className="search-box"
      onSubmit={(e) => {
        e.preventDefault()
        if (text.trim() === '') return
        setEdit(null)
        void navigate(searchHref(text, current?.filters))
      }}
    >
      <input
        type="search"
        name="q"
        aria-label={messages.searchLabel}
        placeholder={messages.searchPlaceholder}
        value={text}
        maxLength={200}
        enterKeyHint="search"
        onChange={(e) => setEdit({ for: location.search, text: e.target.value })}
        onKeyDown={leave}
      />
      <button type="submit">{messages.searchSubmit}</button>
    </form>
  )
}
