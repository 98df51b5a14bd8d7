// What the benchmark runs inside the page. Plain JavaScript source, not functions: tsx compiles the
// bench with names kept, and a compiled function handed to page.evaluate would call a `__name`
// helper the page does not have. Times are performance.now(), i.e. milliseconds since navigation
// start, taken in the MutationObserver callback that sees the change (the commit, before paint).

/** The state the recorder keeps on `window.__bench`. */
export type PageRecord = {
  firstArticle: number
  /** After the frame that first showed it: laid out and painted. */
  firstArticlePainted: number
  clickAt: number
  wantedTitle: string
  titleAt: number
  /** After the frame that first showed that heading. */
  titlePainted: number
  bodyAt: number
  /** When React committed a list (`role="feed"` with an article link) of its own: the app's. */
  appListAt: number
  longTasks: { start: number; duration: number }[]
}

/**
 * Installed before any page script (context.addInitScript). A list counts as shown when an
 * `<article>` of `role="feed"` has text and is not `aria-busy`; an article as open when an `<h1>`
 * carries the wanted title, and its body as shown when the app's `.body` element beside that
 * heading (in the same `<article>`, else `<main>`) holds text. The app's own list (`appListAt`) is
 * one React made: its elements carry React's fiber, a static page's markup does not.
 */
export const RECORDER = String.raw`(() => {
  if (window.__bench) return
  const b = (window.__bench = {
    firstArticle: -1, firstArticlePainted: -1, clickAt: -1, wantedTitle: '', titleAt: -1, titlePainted: -1, bodyAt: -1, appListAt: -1, longTasks: [],
  })
  const norm = (s) => (s || '').replace(/\s+/g, ' ').trim()
  // Runs the callback in the task after the next frame's rendering: laid out and painted by then.
  const afterPaint = (f) => requestAnimationFrame(() => {
    const ch = new MessageChannel()
    ch.port1.onmessage = f
    ch.port2.postMessage(0)
  })
  const busy = (el) => !!el.closest('[aria-busy="true"]')
  // React marks the elements it made with its fiber (a static page's markup has none).
  const reacts = (el) => Object.keys(el).some((k) => k.startsWith('__reactFiber'))
  const check = () => {
    if (b.appListAt < 0) {
      const feed = document.querySelector('[role="feed"]')
      if (feed && reacts(feed) && feed.querySelector('article a[href]')) b.appListAt = performance.now()
    }
    if (b.firstArticle < 0) {
      const a = document.querySelector('[role="feed"] article')
      if (a && !busy(a) && norm(a.textContent)) {
        b.firstArticle = performance.now()
        afterPaint(() => { b.firstArticlePainted = performance.now() })
      }
    }
    if (b.wantedTitle && (b.titleAt < 0 || b.bodyAt < 0)) {
      for (const h of document.querySelectorAll('h1')) {
        if (norm(h.textContent) !== b.wantedTitle) continue
        if (b.titleAt < 0) {
          b.titleAt = performance.now()
          afterPaint(() => { b.titlePainted = performance.now() })
        }
        const art = h.closest('article') || h.closest('main')
        const body = art && art.querySelector('.body')
        if (b.bodyAt < 0 && body && !busy(body) && norm(body.textContent)) b.bodyAt = performance.now()
      }
    }
  }
  new MutationObserver(check).observe(document, {
    childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['aria-busy'],
  })
  document.addEventListener('click', (e) => { b.clickAt = e.timeStamp }, true)
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) b.longTasks.push({ start: e.startTime, duration: e.duration })
    }).observe({ type: 'longtask', buffered: true })
  } catch {}
  // The element that scrolls the feed: its nearest scrollable ancestor, else the page.
  b.scroller = () => {
    let el = document.querySelector('[role="feed"]')
    for (; el && el !== document.body; el = el.parentElement) {
      const s = getComputedStyle(el).overflowY
      if ((s === 'auto' || s === 'scroll') && el.scrollHeight > el.clientHeight) return el
    }
    return document.scrollingElement
  }
  // How many items the feed has loaded: the highest aria-posinset rendered (virtualized lists
  // render the end of the list when scrolled to the bottom), else the number of articles.
  b.loaded = () => {
    let max = 0
    const items = document.querySelectorAll('[role="feed"] article')
    for (const a of items) max = Math.max(max, Number(a.getAttribute('aria-posinset')) || 0)
    return Math.max(max, items.length)
  }
})()`

/** Scrolls the feed to its end and returns the items loaded so far. */
export const SCROLL_TO_END = String.raw`(() => {
  const s = window.__bench.scroller()
  s.scrollTop = s.scrollHeight
  return window.__bench.loaded()
})()`

/**
 * A scripted smooth scroll driven by requestAnimationFrame: `px` per frame up for half of `ms`,
 * then down, recording every frame-to-frame delta. Resolves to the deltas.
 */
export function smoothScroll(ms: number, px: number): string {
  return String.raw`new Promise((resolve) => {
    const s = window.__bench.scroller()
    const deltas = []
    let last = -1
    let start = -1
    const frame = (t) => {
      if (start < 0) start = t
      if (last >= 0) deltas.push(t - last)
      last = t
      s.scrollTop += (t - start < ${ms / 2} ? -1 : 1) * ${px}
      if (t - start < ${ms}) requestAnimationFrame(frame)
      else resolve(deltas)
    }
    requestAnimationFrame(frame)
  })`
}
