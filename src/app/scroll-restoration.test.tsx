// Scroll restoration as the reader meets it: a new page starts at the top, back and reload return to
// where they were (once the page has grown tall enough), their own scrolling wins, and a bad record
// in sessionStorage is ignored. jsdom has no layout: the window's scrolling is simulated here, with
// a page height the test controls.
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { Link, MemoryRouter, Route, Routes, useNavigate } from 'react-router'
import { ensureEntryKey, SCROLL_STORAGE_KEY, useScrollRestoration } from './scroll-restoration.ts'

const scrollTo = vi.fn((_x: number, y: number) => scrollWindow(y))

/** The furthest the simulated page can scroll (its height minus the viewport). */
let maxScroll = 5_000

function scrollWindow(y: number) {
  Object.defineProperty(window, 'scrollY', {
    value: Math.max(0, Math.min(y, maxScroll)),
    configurable: true,
  })
}

/** The reader scrolls: the position changes and the browser fires `scroll`. */
function readerScrolls(y: number) {
  scrollWindow(y)
  window.dispatchEvent(new Event('scroll'))
}

beforeEach(() => {
  items = []
  maxScroll = 5_000
  scrollWindow(0)
  sessionStorage.clear()
  scrollTo.mockClear()
  window.scrollTo = scrollTo as unknown as typeof window.scrollTo
  // Kept after the test: a restore still holding its place cancels its frame when unmounted.
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) =>
    setTimeout(() => cb(performance.now()), 16),
  )
  vi.stubGlobal('cancelAnimationFrame', (id: number) => clearTimeout(id))
})

/** The list's items (id, top in the document, height); jsdom has no layout, so they say where. */
let items: [string, number, number][] = []

function Item({ id, top, height }: { id: string; top: number; height: number }) {
  const ref = (el: HTMLElement | null) => {
    if (el)
      el.getBoundingClientRect = () =>
        DOMRect.fromRect({ x: 0, y: top - window.scrollY, width: 390, height })
  }
  return (
    <article ref={ref} data-id={id} aria-label={id}>
      {id}
    </article>
  )
}

function Home() {
  return (
    <>
      <h1>最新文章</h1>
      <div role="feed">
        {items.map(([id, top, height]) => (
          <Item key={id} id={id} top={top} height={height} />
        ))}
      </div>
    </>
  )
}

function App() {
  useScrollRestoration()
  const navigate = useNavigate()
  return (
    <>
      <Routes>
        <Route path="/" element={<Home />} />
        <Route path="/article/a" element={<h1>一篇文章</h1>} />
      </Routes>
      <Link to="/article/a">打开文章</Link>
      <Link to="/?unread=1" replace>
        只看未读
      </Link>
      <button type="button" onClick={() => void navigate(-1)}>
        返回
      </button>
    </>
  )
}

/** The app at `path`, on a history entry with `key` (a reload keeps its entry's key). */
const renderAt = (path = '/', key = 'entry-1') =>
  render(
    <MemoryRouter initialEntries={[{ pathname: path, key }]}>
      <App />
    </MemoryRouter>,
  )

describe('scroll restoration', () => {
  it('starts a new page at the top and goes back to the same place in the list', async () => {
    const user = userEvent.setup()
    renderAt()
    readerScrolls(1_200)
    await user.click(screen.getByRole('link', { name: '打开文章' }))
    await screen.findByRole('heading', { name: '一篇文章' })
    expect(window.scrollY).toBe(0)
    readerScrolls(300)
    await user.click(screen.getByRole('button', { name: '返回' }))
    await screen.findByRole('heading', { name: '最新文章' })
    expect(window.scrollY).toBe(1_200)
  })

  it('keeps the place when only the list’s search changes in place', async () => {
    const user = userEvent.setup()
    renderAt()
    readerScrolls(800)
    await user.click(screen.getByRole('link', { name: '只看未读' }))
    expect(window.scrollY).toBe(800)
    expect(scrollTo).not.toHaveBeenCalled()
  })

  it('returns to the same place after a reload, once the list is tall enough', async () => {
    const view = renderAt()
    readerScrolls(900)
    window.dispatchEvent(new Event('pagehide'))
    view.unmount()
    expect(JSON.parse(sessionStorage.getItem(SCROLL_STORAGE_KEY) ?? '{}')).toEqual({
      'entry-1': [900],
    })

    // The reloaded page is empty until its list arrives.
    maxScroll = 0
    scrollWindow(0)
    renderAt()
    expect(window.scrollY).toBe(0)
    maxScroll = 3_000
    await vi.waitFor(() => expect(window.scrollY).toBe(900))
  })

  it('keeps the article at the top where it was after a reload, whatever came above it', async () => {
    items = [
      ['a', 700, 150],
      ['b', 850, 150],
      ['c', 1_000, 150],
    ]
    const view = renderAt()
    readerScrolls(900)
    window.dispatchEvent(new Event('pagehide'))
    view.unmount()
    // 'a' is above the window: 'b' is the first article in view, 50 px of it scrolled past.
    expect(JSON.parse(sessionStorage.getItem(SCROLL_STORAGE_KEY) ?? '{}')).toEqual({
      'entry-1': [900, 'b', -50],
    })

    // Two new articles came in above (or the items above measure taller after the reload).
    items = [
      ['new-1', 700, 100],
      ['new-2', 800, 100],
      ['a', 900, 150],
      ['b', 1_050, 150],
    ]
    scrollWindow(0)
    renderAt()
    await vi.waitFor(() => expect(window.scrollY).toBe(1_100))
    expect(screen.getByRole('article', { name: 'b' }).getBoundingClientRect().top).toBe(-50)
  })

  it('keeps the top at the top after a reload, to show what came in above', async () => {
    items = [['a', 200, 150]]
    const view = renderAt()
    window.dispatchEvent(new Event('pagehide'))
    view.unmount()
    items = [
      ['new', 200, 150],
      ['a', 350, 150],
    ]
    renderAt()
    await new Promise((r) => setTimeout(r, 100))
    expect(window.scrollY).toBe(0)
    expect(screen.getByRole('article', { name: 'new' }).getBoundingClientRect().top).toBe(200)
  })

  it('goes back to the offset when the article at the top is gone from the list', async () => {
    sessionStorage.setItem(SCROLL_STORAGE_KEY, JSON.stringify({ 'entry-1': [900, 'gone', -50] }))
    items = [['a', 700, 900]]
    renderAt()
    await vi.waitFor(() => expect(window.scrollY).toBe(900))
  })

  it('saves where the page is when it goes, even before its scroll event came', () => {
    const view = renderAt()
    readerScrolls(400)
    // Scrolled further, and the page is left before the browser fired `scroll` (next frame).
    scrollWindow(1_300)
    window.dispatchEvent(new Event('pagehide'))
    view.unmount()
    expect(JSON.parse(sessionStorage.getItem(SCROLL_STORAGE_KEY) ?? '{}')).toEqual({
      'entry-1': [1_300],
    })
  })

  it('lets the reader’s own scrolling end a restore that is still waiting', async () => {
    sessionStorage.setItem(SCROLL_STORAGE_KEY, JSON.stringify({ 'entry-1': [900] }))
    maxScroll = 0
    renderAt()
    window.dispatchEvent(new Event('wheel'))
    maxScroll = 3_000
    await new Promise((r) => setTimeout(r, 100))
    expect(window.scrollY).toBe(0)
  })

  it('ignores a corrupted record', () => {
    sessionStorage.setItem(SCROLL_STORAGE_KEY, '{"entry-1":"far away"')
    renderAt()
    screen.getByRole('heading', { name: '最新文章' })
    expect(window.scrollY).toBe(0)
    sessionStorage.setItem(
      SCROLL_STORAGE_KEY,
      JSON.stringify({ 'entry-1': [-5], other: 'x', third: 400 }),
    )
    renderAt('/').unmount()
    expect(window.scrollY).toBe(0)
    sessionStorage.setItem(SCROLL_STORAGE_KEY, JSON.stringify({ 'entry-1': [-1, 'a', 0] }))
    renderAt('/').unmount()
    expect(window.scrollY).toBe(0)
    // An anchor that does not make sense is dropped, the offset kept.
    sessionStorage.setItem(SCROLL_STORAGE_KEY, JSON.stringify({ 'entry-1': [300, 7, 'x'] }))
    renderAt('/')
    expect(window.scrollY).toBe(300)
  })
})

describe('history entries of fresh page loads', () => {
  it('each get a key of their own, which a reload keeps', () => {
    window.history.replaceState(null, '')
    ensureEntryKey()
    const first = (window.history.state as { key?: string }).key
    expect(first).toMatch(/^[a-z0-9]{8}$/)
    ensureEntryKey()
    expect((window.history.state as { key?: string }).key).toBe(first)
    // The same tab opening another address starts a new entry with no state.
    window.history.pushState(null, '', '/category/x')
    ensureEntryKey()
    expect((window.history.state as { key?: string }).key).not.toBe(first)
  })
})
