// Where keyboard focus goes after a navigation: to the new page's content, except back to a list
// from an article, where it returns to that article's item (as a reader of a long list expects).
import { useEffect, useRef } from 'react'
import { NavigationType, useLocation, useNavigationType } from 'react-router'

let lastOpened: string | null = null

/** The article view tells which article the reader opened last. */
export function rememberOpened(id: string) {
  lastOpened = id
}

/** How long to look for the item while the list and its scroll position come back. */
const FIND_MS = 1_500

export function useFocusOnNavigation() {
  const { pathname } = useLocation()
  const action = useNavigationType()
  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false
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
  }, [pathname, action])
}
