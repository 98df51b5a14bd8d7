// Holding a place while a list settles: items measured late keep moving the reader's article for
// a while, and the hold follows it until it stays put.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { holdPlace } from './hold-place.ts'

/** The list's article `a2` starts this far down the page; late measurements push it further. */
let articleY = 1_000
let frames: FrameRequestCallback[] = []
const runFrame = () => {
  const due = frames
  frames = []
  for (const f of due) f(performance.now())
}

beforeEach(() => {
  document.body.innerHTML = `<div role="feed">${['a1', 'a2', 'a3']
    .map((id) => `<article data-id="${id}"></article>`)
    .join('')}</div>`
  for (const [k, el] of document.querySelectorAll('article').entries())
    el.getBoundingClientRect = () =>
      ({ top: articleY + (k - 1) * 100 - window.scrollY, bottom: 0 }) as DOMRect
  let y = 0
  vi.spyOn(window, 'scrollY', 'get').mockImplementation(() => y)
  vi.stubGlobal('scrollTo', (_x: number, to: number) => (y = Math.max(0, to)))
  vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f))
  vi.stubGlobal('cancelAnimationFrame', () => (frames = []))
})

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  articleY = 1_000
  frames = []
})

describe('holdPlace', () => {
  it('follows the article while late measurements move it, and stops once it stays', () => {
    const stopped = vi.fn()
    // The reader had a2 40 px below the top of the window.
    holdPlace([900, 'a2', 40], 60_000, stopped)
    for (let k = 0; k < 15; k++) {
      articleY += 37
      runFrame()
    }
    expect(stopped).not.toHaveBeenCalled()
    for (let k = 0; k < 12; k++) runFrame()
    expect(stopped).toHaveBeenCalled()
    const top = document.querySelector<HTMLElement>('[data-id="a2"]')!.getBoundingClientRect().top
    expect(top).toBe(40)
  })

  it('lets the reader take over at once', () => {
    const stopped = vi.fn()
    holdPlace([900, 'a2', 40], 60_000, stopped)
    window.dispatchEvent(new Event('wheel'))
    expect(stopped).toHaveBeenCalled()
    expect(frames).toEqual([])
  })
})
