// The XSS corpus in real Chromium, through the real path: a feed bundle whose every article has a
// vector as its body, title and tag, each article opened at /article/:id in the production build.
// Then the same corpus against a test build without the sanitizer: CSP and Trusted Types alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { browserAvailable, launchBrowser } from './support/browser.ts'
import { startStaticServer, type StaticServer } from './support/static-server.ts'
import { writeXssBundle } from './xss/fixture.ts'
import { runAppCorpus, runBareCorpus, type CorpusRun } from './xss/run-corpus.ts'
import { xssVectors } from './xss/vectors.ts'

const DIST = process.env.E2E_DIST ?? 'dist'
/** A build made with VITE_UNSAFE_NO_SANITIZER=1; built into a temp folder when not given. */
const UNSAFE_DIST = process.env.E2E_UNSAFE_DIST
const BLANK = '<!doctype html><title>blank</title><main></main>'

// XSS_LIMIT=n runs the first n vectors only (while working on the test itself).
const vectors = xssVectors().slice(0, Number(process.env.XSS_LIMIT ?? Infinity))
const hasBrowser = browserAvailable()

describe.skipIf(!hasBrowser)('the XSS corpus in Chromium', () => {
  let browser: Browser
  let feedDir: string
  let unsafeDir: string
  const servers: StaticServer[] = []

  beforeAll(async () => {
    feedDir = await mkdtemp(path.join(tmpdir(), 'xss-feed-'))
    await writeXssBundle(feedDir, vectors)
    unsafeDir = UNSAFE_DIST ?? (await mkdtemp(path.join(tmpdir(), 'xss-unsafe-dist-')))
    if (!UNSAFE_DIST) {
      execFileSync(
        'npx',
        ['vite', 'build', '--outDir', unsafeDir, '--emptyOutDir', '--logLevel', 'warn'],
        { env: { ...process.env, VITE_UNSAFE_NO_SANITIZER: '1' }, stdio: 'inherit' },
      )
    }
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await Promise.all(servers.map((s) => s.close()))
    await rm(feedDir, { recursive: true, force: true })
    if (!UNSAFE_DIST) await rm(unsafeDir, { recursive: true, force: true })
  })

  /** "directive count, …" of a run's violations. */
  const byDirective = (run: CorpusRun) => {
    const counts = new Map<string, number>()
    for (const v of run.violations) counts.set(v.directive, (counts.get(v.directive) ?? 0) + 1)
    return [...counts].map(([d, n]) => `${d} ${n}`).join(', ') || 'none'
  }

  const serve = async (root: string) => {
    const s = await startStaticServer({
      root,
      feedDir,
      intercept: (_req, res, pathname) => {
        if (pathname !== '/blank') return false
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(BLANK)
        return true
      },
    })
    servers.push(s)
    return s
  }

  it(`has ${vectors.length} vectors, and the hooks fire on them with no defences (self-test)`, async () => {
    if (!process.env.XSS_LIMIT) expect(vectors.length).toBeGreaterThanOrEqual(300)
    const server = await serve(DIST)
    const fired = await runBareCorpus(browser, `${server.url}/blank`, vectors)
    console.log(
      `self-test: ${fired.size} of ${vectors.length} vectors fire through a bare innerHTML with no CSP`,
    )
    // The commonest payload must fire, and a good share of the corpus with it.
    expect(fired.has(vectors.find((v) => v.html.startsWith('<img src=x onerror='))?.id ?? -1)).toBe(
      true,
    )
    expect(fired.size).toBeGreaterThan(vectors.length / 4)
  }, 120_000)

  it('sanitized production build: nothing runs, nothing dangerous is left', async () => {
    expect(existsSync(path.join(DIST, 'index.html')), `no build in ${DIST}`).toBe(true)
    const server = await serve(DIST)
    const run = await runAppCorpus(browser, server.url, vectors)
    console.log(
      `sanitized build (${DIST}): opened ${run.opened}/${vectors.length} articles in ${run.seconds} s, ` +
        `executed ${run.executed.length}, dangerous DOM left ${run.dangerous.length}, ` +
        `CSP reports ${run.violations.length} (${byDirective(run)}) from ${run.vectorsWithViolations} vectors`,
    )
    expect(run.executed).toEqual([])
    // Reports come only from DOMPurify's inert parse: Chromium refuses (and reports) on*/style
    // attributes, <style> and <base> the moment any parser creates them, before the sanitizer drops
    // them. None of what only a live page can trigger (frames, plugins, scripts, forms, URLs).
    const inertParse = ['script-src-attr', 'style-src-attr', 'style-src-elem', 'base-uri']
    expect(run.violations.filter((v) => !inertParse.includes(v.directive))).toEqual([])
    expect(run.dangerous).toEqual([])
    expect(run.notRendered).toEqual([])
    expect(run.opened).toBe(vectors.length)
    expect(run.pageErrors).toEqual([])
  }, 240_000)

  it('build without sanitizer: the CSP and Trusted Types alone stop every payload', async () => {
    const server = await serve(unsafeDir)
    const run = await runAppCorpus(browser, server.url, vectors)
    console.log(
      `no-sanitizer build: opened ${run.opened}/${vectors.length} articles in ${run.seconds} s, ` +
        `executed ${run.executed.length}, CSP violations ${run.violations.length} ` +
        `(${byDirective(run)}) from ${run.vectorsWithViolations} vectors, ` +
        `dangerous DOM left ${run.dangerous.length}, articles the payload broke ${run.notRendered.length}`,
    )
    expect(run.executed).toEqual([])
    // The policy really was off: handlers reached the DOM and were refused by the CSP.
    expect(run.dangerous.length).toBeGreaterThan(0)
    expect(run.violations.length).toBeGreaterThan(0)
  }, 240_000)
})
