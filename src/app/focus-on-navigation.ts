// Where keyboard focus goes after a navigation: to the new page's content, except back to a list
// from an article, where it returns to that article's item (as a reader of a long list expects).
import { useEffect, useRef } from 'react'
import { NavigationType, useLocation, useNavigationType } from 'react-router'
import { keepsList } from './wide-layout.ts'

let lastOpened: string | null = null
/** The article last opened from a list (the entry before it): "back to the list" returns there. */
let listEntry: string | null = null

/** The article view tells which article the reader opened last. */
export function rememberOpened(id: string) {
  lastOpened = id
}

/** How long to look for the item while the list and its scroll position come back. */
const FIND_MS = 1_500

export function useFocusOnNavigation() {
  const { pathname, search, key } = useLocation()
  const action = useNavigationType()
  const first = useRef(true)
  const last = useRef({ pathname, search })
  useEffect(() => {
    const from = last.current
    last.current = { pathname, search }
    if (action === NavigationType.Push && pathname.startsWith('/article/'))
      listEntry = from.pathname.startsWith('/article/') ? null : key

    if (first.current) {
      first.current = false
      return
    }
    // Beside the list (wide screens), an opened article takes focus in its pane, at its top.
    const pane = document.querySelector<HTMLElement>('.reading-pane')
    if (pane && pathname.startsWith('/article/') && keepsList(from, { pathname, search })) {
      pane.scrollTop = 0
      pane.focus({ preventScroll: true })
      return
    }
    const main = document.getElementById('main')
    const id = lastOpened
    if (action !== NavigationType.Pop || id === null) {
      main?.focus({ preventScroll: true })
      return
    }
    const deadline = performance.now() + FIND_MS
    let frame = 0
    const find = () => {
      const item = document.querySelector<HTMLElement>(
        `[role="feed"] > article[data-id="${CSS.escape(id)}"]`,
      )
      if (item) item.focus({ preventScroll: true })
      else if (performance.now() < deadline) frame = requestAnimationFrame(find)
      else main?.focus({ preventScroll: true })
    }
    find()
    return () => cancelAnimationFrame(frame)
    // The search is read, not followed: a switch that changes only it keeps focus where it is.
  }, [pathname, action])
}

/** Whether the entry before this one is the list the article was opened from (Back returns). */
export function backIsList(entryKey: string): boolean {
  return listEntry === entryKey
}
