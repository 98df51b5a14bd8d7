// The production build under its own CSP and Trusted Types: a reader's ordinary visit (list, an
// article with the archive's formatting, categories, favourites, a missing page) causes no
// violation of its own, the policy really is enforced, and no other Trusted Types policy can be made.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { browserAvailable, collectPageErrors, launchBrowser } from './support/browser.ts'
import { startStaticServer, type StaticServer } from './support/static-server.ts'
import { recordXss } from './xss/browser-hooks.ts'
import { TRUSTED_TYPES_POLICY_NAME } from '../src/lib/sanitize/trusted-html.ts'
import { SW_POLICY_NAME } from '../src/app/offline/worker-url.ts'

const DIST = process.env.E2E_DIST ?? 'dist'

// Formatting as the archive writes it (text written for this test).
const BODY =
  '<blockquote><p>摘要：测试用的摘要段落。</p></blockquote>' +
  '<p><strong>要点</strong>：正文第一段，涨幅 <1%。</p>' +
  '<center><img src="https://img.example/chart.png" alt="走势图"></center>' +
  '<p style="display:none">隐藏的模板文字</p>' +
  '<table><thead><tr><th>指标</th><th>数值</th></tr></thead><tbody><tr><td>A</td><td>1</td></tr></tbody></table>' +
  '<ul><li>第一条</li><li>第二条</li></ul><ol><li>甲</li></ol>' +
  '<p><a href="/related.html">相关阅读</a></p>'

describe.skipIf(!browserAvailable())('the production build under CSP and Trusted Types', () => {
  let browser: Browser
  let server: StaticServer
  let feedDir: string

  beforeAll(async () => {
    feedDir = await mkdtemp(path.join(tmpdir(), 'csp-feed-'))
    const item = {
      id: 'a1',
      title: '格式测试文章',
      external_url: 'https://source.example/news/a1.html',
      content_html: BODY,
      date_published: '2026-01-01T08:00:00+08:00',
      tags: ['测试'],
    }
    await writeFile(
      path.join(feedDir, 'feed.json'),
      JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 't', items: [item] }),
    )
    server = await startStaticServer({ root: DIST, feedDir })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await rm(feedDir, { recursive: true, force: true })
  })

  it('ships the CSP meta with Trusted Types and a no-referrer policy', async () => {
    const html = await readFile(path.join(DIST, 'index.html'), 'utf8')
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? ''
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      "require-trusted-types-for 'script'",
      `trusted-types ${TRUSTED_TYPES_POLICY_NAME} ${SW_POLICY_NAME}`,
    ]) {
      expect(csp).toContain(directive)
    }
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).not.toContain('unsafe-eval')
    expect(html).toContain('<meta name="referrer" content="no-referrer" />')
  })

  it('a reader’s visit causes no violation of the app’s own, and the formatting renders', async () => {
    const context = await browser.newContext()
    await context.route(
      (url) => url.origin !== server.url,
      (route) => route.abort(),
    )
    const page = await context.newPage()
    const errors = collectPageErrors(page)
    const rec = await recordXss(page)
    await page.goto(`${server.url}/`)
    await page.getByRole('link', { name: '格式测试文章' }).click()
    await page.getByRole('heading', { level: 1, name: '格式测试文章' }).waitFor()
    const body = page.locator('article .body')
    await body.locator('table').waitFor()
    for (const sel of ['blockquote p', 'p strong', 'center img', 'table th', 'ul li', 'ol li'])
      expect(await body.locator(sel).count(), sel).toBeGreaterThan(0)
    expect(await body.getByText('隐藏的模板文字').count()).toBe(0)
    expect(await body.getByRole('img', { name: '走势图' }).getAttribute('referrerpolicy')).toBe(
      'no-referrer',
    )
    expect(await body.getByRole('link', { name: '相关阅读' }).getAttribute('href')).toBe(
      'https://source.example/related.html',
    )
    for (const to of ['/categories', '/favourites', '/no/such/page']) {
      await page.goto(`${server.url}${to}`)
      await page.locator('main').waitFor()
    }
    await page.waitForTimeout(500)
    // The app itself causes none. The one report is DOMPurify parsing the article's hidden
    // paragraph: Chromium reports (and refuses) a style attribute the moment any parser creates
    // it, even in an inert document, and the sanitizer then drops it.
    expect(rec.violations.map((v) => `${v.directive} ${v.blocked}`)).toEqual([
      'style-src-attr inline',
    ])
    expect(rec.consoleCsp).toHaveLength(1)
    expect(errors.map((e) => e.message)).toEqual([])

    // Trusted Types are enforced: a raw string cannot reach an HTML sink, no second policy exists.
    const sinks = await page.evaluate(() => {
      const tries: Array<[string, () => unknown]> = [
        ['innerHTML', () => (document.createElement('div').innerHTML = '<b>x</b>')],
        [
          'policy',
          () =>
            (
              window as unknown as { trustedTypes: { createPolicy: (n: string) => unknown } }
            ).trustedTypes.createPolicy('another'),
        ],
      ]
      return tries.map(([name, f]) => {
        try {
          f()
          return `${name}: allowed`
        } catch {
          return `${name}: refused`
        }
      })
    })
    expect(sinks).toEqual(['innerHTML: refused', 'policy: refused'])
    await context.close()
  })

  it('registers the service worker through its own policy, which no other code can make or use', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const errors = collectPageErrors(page)
    const rec = await recordXss(page)
    await page.goto(`${server.url}/`)
    // Controlled on a first visit: this page registered the worker, so the policy exists.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
    expect(rec.violations).toEqual([])
    const tries = await page.evaluate(async (name) => {
      type Factory = { createPolicy: (n: string, rules: object) => unknown }
      const tt = (window as unknown as { trustedTypes: Factory }).trustedTypes
      const attempts: Array<[string, () => unknown]> = [
        // Named in the CSP, but made already by the app: no second copy with other rules.
        ['policy', () => tt.createPolicy(name, { createScriptURL: (s: string) => s })],
        // The app's own script, as a plain string: not a script URL under Trusted Types.
        ['register', () => navigator.serviceWorker.register('/sw.js')],
      ]
      const out: string[] = []
      for (const [what, f] of attempts) {
        try {
          await f()
          out.push(`${what}: allowed`)
        } catch {
          out.push(`${what}: refused`)
        }
      }
      return out
    }, SW_POLICY_NAME)
    expect(tries).toEqual(['policy: refused', 'register: refused'])
    expect(errors.map((e) => e.message)).toEqual([])
    await context.close()
  })
})
