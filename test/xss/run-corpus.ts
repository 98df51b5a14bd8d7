// Runs the XSS corpus in Chromium: through the app's real route (/article/:id, client-side
// navigation between articles, one page load), and, as the self-test, through a bare innerHTML in a
// page with no defences at all.
import type { Browser, Page } from 'playwright-core'
import { LIMITS } from '../../src/entities/article/api/decode.ts'
import { cut, plainText } from '../../src/entities/article/api/text.ts'
import { collectPageErrors } from '../support/browser.ts'
import { activate, recordXss, type Hit, type Violation } from './browser-hooks.ts'
import { articleId } from './fixture.ts'
import { dangerousIn, type XssVector } from './vectors.ts'

export type CorpusRun = {
  /** Articles whose title and body were seen rendered. */
  opened: number
  executed: Hit[]
  /** `#id finding` for everything dangerous left in a rendered article body or the app's DOM. */
  dangerous: string[]
  violations: Violation[]
  /** Vectors during whose article at least one violation was reported. */
  vectorsWithViolations: number
  notRendered: number[]
  pageErrors: string[]
  seconds: number
}

// Names a payload may clobber (document.querySelector, document.body…) are read from prototypes.
const Q = `((sel) => Document.prototype.querySelector.call(document, sel))`
const BODY = `${Q}('article.article .body')`

async function call(page: Page, fn: (...a: never[]) => unknown, ...args: string[]) {
  return page.evaluate(`(${fn.toString()})(${args.join(', ')})`)
}

/** Opens every vector's article in the app served at `origin` (which serves the XSS bundle). */
export async function runAppCorpus(
  browser: Browser,
  origin: string,
  vectors: XssVector[],
): Promise<CorpusRun> {
  const started = performance.now()
  const context = await browser.newContext()
  // Hermetic: nothing leaves the test server (article images point at source.example).
  await context.route(
    (url) => url.origin !== origin,
    (route) => route.abort(),
  )
  const page = await context.newPage()
  const errors = collectPageErrors(page)
  const rec = await recordXss(page)
  const run: CorpusRun = {
    opened: 0,
    executed: rec.hits,
    dangerous: [],
    violations: rec.violations,
    vectorsWithViolations: 0,
    notRendered: [],
    pageErrors: [],
    seconds: 0,
  }
  const home = async () => {
    await page.goto(`${origin}/`)
    await page.locator('[role=feed] article').first().waitFor({ timeout: 15_000 })
  }
  await home()
  const listLeft = (await call(page, dangerousIn, `${Q}('#root')`, 'false')) as string[]
  run.dangerous.push(...listLeft.map((d) => `list ${d}`))

  for (const v of vectors) {
    const before = rec.violations.length
    const path = `/article/${articleId(v)}`
    // A client-side navigation through the router: the real route, without a page load each time.
    await page.evaluate((p) => {
      history.pushState(null, '', p)
      dispatchEvent(new PopStateEvent('popstate'))
    }, path)
    const title = cut(plainText(v.html), LIMITS.title)
    try {
      // Function form: string predicates are eval'd in the page, which the CSP (rightly) refuses.
      await page.waitForFunction(
        (t) => {
          const q = (sel: string) => Document.prototype.querySelector.call(document, sel)
          return q('article.article h1')?.textContent === t && q('article.article .body') !== null
        },
        title,
        { timeout: 5_000 },
      )
    } catch (e) {
      // A payload that broke the app (in the run without sanitizer): note it, start again.
      if (run.notRendered.length === 0) console.warn(`#${v.id} did not render:`, e)
      run.notRendered.push(v.id)
      await home()
      continue
    }
    run.opened++
    // Let images fail (their onerror is the commonest payload) before looking.
    await page
      .waitForFunction(
        () => {
          const body = Document.prototype.querySelector.call(document, 'article.article .body')
          return Array.from(body?.querySelectorAll('img') ?? []).every((i) => i.complete)
        },
        null,
        { timeout: 1_000 },
      )
      .catch(() => {})
    const left = [
      ...((await call(page, dangerousIn, BODY, 'true')) as string[]),
      ...((await call(page, dangerousIn, `${Q}('#root')`, 'false')) as string[]),
    ]
    run.dangerous.push(...[...new Set(left)].map((d) => `#${v.id} ${d}`))
    await call(page, activate, BODY, 'true')
    if (rec.violations.length > before) run.vectorsWithViolations++
  }
  // Late events (timers, media errors) still report to the hooks.
  await page.waitForTimeout(1_000)
  run.pageErrors = errors.map((e) => e.message)
  run.seconds = Math.round((performance.now() - started) / 100) / 10
  await context.close()
  return run
}

/**
 * The self-test: each vector through a bare innerHTML (the sink SafeHtml uses) in a page with no CSP
 * and no sanitizer, with the same hooks. Returns the ids that fired: proof the hooks and the corpus
 * are live.
 */
export async function runBareCorpus(
  browser: Browser,
  blankUrl: string,
  vectors: XssVector[],
): Promise<Set<number>> {
  const context = await browser.newContext()
  await context.route(
    (url) => url.origin !== new URL(blankUrl).origin,
    (route) => route.abort(),
  )
  const page = await context.newPage()
  const rec = await recordXss(page)
  await page.goto(blankUrl)
  for (const v of vectors) {
    await page.evaluate(
      `(() => {
        const host = document.createElement('div')
        Node.prototype.appendChild.call(Document.prototype.querySelector.call(document, 'main'), host)
        host.innerHTML = ${JSON.stringify(v.html)}
        ;(${activate.toString()})(host, false)
        window.__last = host
      })()`,
    )
    await page.waitForTimeout(30)
    await page.evaluate(`window.__last.remove()`)
  }
  await page.waitForTimeout(1_000)
  await context.close()
  return new Set(rec.hits.map((h) => Number(h.arg)).filter(Number.isFinite))
}
