// Browser-side instruments for the XSS tests: alert/confirm/prompt/print report to Node instead of
// blocking, and every CSP or Trusted Types violation is recorded, in every frame of the page.
import type { Page } from 'playwright-core'
import { HOOKED } from './vectors.ts'

export type Hit = { fn: string; arg: string; url: string }
export type Violation = { directive: string; blocked: string; sample: string; url: string }

export type Recorder = {
  hits: Hit[]
  violations: Violation[]
  /** Console errors Chromium writes for CSP and Trusted Types refusals. */
  consoleCsp: string[]
}

/** Call before the first navigation of `page`. */
export async function recordXss(page: Page): Promise<Recorder> {
  const rec: Recorder = { hits: [], violations: [], consoleCsp: [] }
  await page.exposeFunction('__xssHit', (fn: string, arg: string, url: string) => {
    rec.hits.push({ fn, arg, url })
  })
  await page.exposeFunction(
    '__cspHit',
    (directive: string, blocked: string, sample: string, url: string) => {
      rec.violations.push({ directive, blocked, sample, url })
    },
  )
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Trusted ?Type/i.test(m.text()))
      rec.consoleCsp.push(m.text())
  })
  // A string, not a function: TypeScript runners may wrap functions in helpers the page lacks.
  await page.addInitScript(`(() => {
    for (const name of ${JSON.stringify(HOOKED)}) {
      // Non-writable, so a payload cannot restore the original to get a real dialog.
      Object.defineProperty(window, name, {
        configurable: false,
        writable: false,
        value: (...args) => { window.__xssHit(name, String(args[0]), location.href) },
      })
    }
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspHit(e.violatedDirective, e.blockedURI, e.sample, location.href)
    }, true)
  })()`)
  return rec
}

/**
 * Does what a reader might to set payloads off: fires every inline handler's event, clicks
 * `javascript:` links and submits forms. Self-contained, for `page.evaluate`.
 */
export function activate(root: Element | null, submitForms: boolean): number {
  // A payload may have navigated away or the article re-rendered since the last look: nothing to fire.
  if (!root) return 0
  let n = 0
  for (const el of Array.from(root.querySelectorAll('*'))) {
    for (const a of Array.from(el.attributes)) {
      if (!/^on/i.test(a.name)) continue
      el.dispatchEvent(new Event(a.name.slice(2).toLowerCase(), { bubbles: true }))
      n++
    }
    const href = el.getAttribute('href') ?? el.getAttribute('xlink:href') ?? ''
    // eslint-disable-next-line no-control-regex -- browsers skip leading controls in a URL
    if (/^[\s\u0000-\u001f]*j/i.test(href) && el instanceof HTMLElement) {
      el.click()
      n++
    }
    if (submitForms && el instanceof HTMLFormElement) {
      try {
        el.requestSubmit()
        n++
      } catch {
        /* a form without a submitter */
      }
    }
  }
  return n
}
