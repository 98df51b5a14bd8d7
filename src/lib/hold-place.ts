// Holding the reader's place in a list while the page settles under it. A list's place is the
// article at the top of the window, not a pixel offset: items are measured as they render, and a
// windowed list may move the window as it mounts, so the offset that keeps an article in place is
// found again each frame.

/** Where the window was: its offset, and the first list item in view with that item's top. */
export type Place = [y: number, id?: string, top?: number]

/** Frames a place must hold before it counts as settled (items measured late move the list). */
const SETTLE_FRAMES = 10
/** Any of these from the reader ends a hold at once: the window is theirs again. */
const INPUTS = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const

const listItems = () => document.querySelectorAll<HTMLElement>('[role="feed"] > article[data-id]')

/** The place now. At the very top the page stays at its top: new posts above are to be seen. */
export function placeNow(): Place {
  if (scrollY > 0)
    for (const el of listItems()) {
      const { top, bottom } = el.getBoundingClientRect()
      if (bottom > 0) return [scrollY, el.dataset.id, top]
    }
  return [scrollY]
}

/** The offset that puts a place's item back where it was, or its `y` while it is not rendered. */
export function offsetOf([y, id, top = 0]: Place): number {
  for (const el of listItems())
    if (el.dataset.id === id) return scrollY + el.getBoundingClientRect().top - top
  return y
}

/** Whether a hold is running (a restore after a reload knows the reader's place better). */
export let holding = false

/**
 * Scrolls to `place` now and each frame after, until the offset that holds it has not moved for a
 * few frames, `ms` have passed, or the reader gives any input. Returns a function that stops it;
 * `onStop` runs whenever it stops (it may run again: stopping twice is harmless).
 */
export function holdPlace(place: Place, ms: number, onStop?: () => void): () => void {
  let frame = 0
  let held = 0
  let last = 0
  const deadline = performance.now() + ms
  const stop = () => {
    holding = false
    cancelAnimationFrame(frame)
    for (const type of INPUTS) removeEventListener(type, stop)
    onStop?.()
  }
  // A frame's time is on performance.now()'s clock.
  const attempt = (now: number) => {
    const y = offsetOf(place)
    scrollTo(0, y)
    // Settled: the window is where the last frame wanted it, so the place has stopped moving and
    // the page is tall enough for it.
    held = Math.abs(scrollY - last) < 1 ? held + 1 : 0
    last = y
    if (held >= SETTLE_FRAMES || now > deadline) stop()
    else frame = requestAnimationFrame(attempt)
  }
  holding = true
  // Passive without saying so: browsers make wheel and touch listeners on the window passive.
  for (const type of INPUTS) addEventListener(type, stop)
  attempt(0)
  return stop
}
