// Holding the reader's place in a list while the page settles under it. A list's place is the
// article at the top of the window, not a pixel offset: items are measured as they render, and a
// windowed list may move the window as it mounts, so the offset that keeps an article in place is
// found again each frame.

/** Frames a place must hold before it counts as settled (items measured late move the list). */
const SETTLE_FRAMES = 10
/** Any of these from the reader ends a hold at once: the window is theirs again. */
const INPUTS = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const

const listItems = () => document.querySelectorAll<HTMLElement>('[role="feed"] > article[data-id]')

/** The first list item in view, with the top of its box in the window, if a list shows one. */
export function itemInView(): [id: string, top: number] | undefined {
  for (const el of listItems()) {
    const { top, bottom } = el.getBoundingClientRect()
    if (bottom > 0 && el.dataset.id !== undefined) return [el.dataset.id, top]
  }
  return undefined
}

/** The window offset that puts item `id` at `top` in the window, while that item is rendered. */
export function offsetOf(id: string, top: number): number | undefined {
  for (const el of listItems())
    if (el.dataset.id === id) return window.scrollY + el.getBoundingClientRect().top - top
  return undefined
}

/**
 * Scrolls to `target()` now and each frame after, until the window has stayed there for a few
 * frames, `ms` have passed, or the reader gives any input. Returns a function that stops it;
 * `onStop` runs once, however it stops.
 */
export function holdPlace(target: () => number, ms: number, onStop?: () => void): () => void {
  let frame = 0
  let held = 0
  let stopped = false
  const deadline = performance.now() + ms
  const stop = () => {
    if (stopped) return
    stopped = true
    cancelAnimationFrame(frame)
    for (const type of INPUTS) window.removeEventListener(type, stop)
    onStop?.()
  }
  const attempt = () => {
    const y = target()
    window.scrollTo(0, y)
    held = Math.abs(window.scrollY - y) < 1 ? held + 1 : 0
    if (held >= SETTLE_FRAMES || performance.now() > deadline) stop()
    else frame = requestAnimationFrame(attempt)
  }
  for (const type of INPUTS) window.addEventListener(type, stop, { passive: true })
  attempt()
  return stop
}
