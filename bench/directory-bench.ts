// The /categories directory page of a large bundle in real Chromium: time to the first painted
// category link, on localhost and on Faster 3G with 4× CPU slowdown, and the directory files'
// sizes. Every run opens a fresh browser context (cold cache).
//   npx tsx bench/directory-bench.ts [--feed .bench-data/build-1000000/bundle] [--runs 5] [--no-build]
// Without --feed, the cached million-post archive of `npm run bench:build` is built into
// .bench-data/build-1000000/bundle (once).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import type { Browser } from 'playwright-core'
import { launchBrowser } from '../test/support/browser.ts'
import { CPU_SLOWDOWN, FASTER_3G, VIEWPORT, type Profile } from './app-bench.ts'
import { markdownTable } from './lib/report.ts'
import { startBenchServer } from './lib/serve.ts'
import { median } from './lib/stats.ts'

const { values: args } = parseArgs({
  options: {
    feed: { type: 'string' },
    runs: { type: 'string', default: '5' },
    'no-build': { type: 'boolean', default: false },
    out: { type: 'string', default: 'dist-bench' },
  },
})
const runs = Number(args.runs)
const log = (l: string) => console.error(l)
const sh = (cmd: string, a: string[]) => {
  if (spawnSync(cmd, a, { stdio: 'inherit' }).status !== 0) throw new Error(`${cmd} failed`)
}

let feed = args.feed
if (!feed) {
  feed = '.bench-data/build-1000000/bundle'
  const site = '.bench-data/build-1000000/site'
  if (!fs.existsSync(path.join(feed, 'feed.json'))) {
    if (!fs.existsSync(site)) throw new Error(`no ${site}: run npm run bench:build first`)
    log(`building ${feed}…`)
    sh('node', ['scripts/feed.mjs', 'build', site, '--out', feed, '-q'])
  }
}
if (!args['no-build'] || !fs.existsSync(path.join(args.out, 'index.html'))) {
  log(`building the app into ${args.out}…`)
  sh('npx', ['vite', 'build', '--outDir', args.out, '--emptyOutDir', '--logLevel', 'warn'])
}

/** Records when the first category link of the directory is committed and painted. */
const RECORDER = String.raw`(() => {
  const b = (window.__dir = { first: -1, painted: -1 })
  const check = () => {
    if (b.first >= 0) return
    const a = document.querySelector('ul.directory li a')
    if (!a || !(a.textContent || '').trim()) return
    b.first = performance.now()
    requestAnimationFrame(() => {
      const ch = new MessageChannel()
      ch.port1.onmessage = () => { b.painted = performance.now() }
      ch.port2.postMessage(0)
    })
  }
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true })
})()`

type Run = { painted: number; directoryRequests: number; directoryBytes: number }

async function once(browser: Browser, url: string, profile: Profile): Promise<Run> {
  const context = await browser.newContext({ viewport: VIEWPORT })
  await context.addInitScript(RECORDER)
  const page = await context.newPage()
  let directoryRequests = 0
  let directoryBytes = 0
  page.on('response', (r) => {
    if (!/\/feed\/categories(-\d+)?\.json$/.test(new URL(r.url()).pathname)) return
    directoryRequests++
    void r
      .body()
      .then((b) => (directoryBytes += b.length))
      .catch(() => {})
  })
  const cdp = await context.newCDPSession(page)
  if (profile === 'faster3g') {
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', FASTER_3G)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
  }
  await page.goto(url, { waitUntil: 'commit', timeout: 60_000 })
  const end = Date.now() + 60_000
  let painted = -1
  while (painted < 0 && Date.now() < end) {
    painted = await page.evaluate<number>('window.__dir.painted')
    if (painted < 0) await page.waitForTimeout(50)
  }
  if (painted < 0) throw new Error('timed out waiting for the first category link')
  await page.waitForTimeout(300)
  await context.close()
  return { painted, directoryRequests, directoryBytes }
}

const server = await startBenchServer({ root: args.out, feedDir: feed })
const browser = await launchBrowser()
const results: Record<Profile, Run[]> = { localhost: [], faster3g: [] }
const loadBefore = os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(' ')
try {
  for (let i = 0; i < runs; i++)
    for (const profile of ['localhost', 'faster3g'] as const) {
      log(`/categories, ${profile}, run ${i + 1}/${runs}…`)
      results[profile].push(await once(browser, `${server.url}/categories`, profile))
    }
} finally {
  await browser.close()
  await server.close()
}

const head = fs.readFileSync(path.join(feed, 'categories.json'))
const pages = fs.readdirSync(feed).filter((f) => /^categories(-\d+)?\.json$/.test(f))
const tagPages = fs.readdirSync(feed).filter((f) => /^tags(-\d+)?\.json$/.test(f))
const total = (JSON.parse(head.toString()) as { total_items: number }).total_items
const at = (p: Profile, k: keyof Run) => median(results[p].map((r) => r[k]))
console.log(
  markdownTable(
    ['/categories of the bundle in ' + feed, 'localhost', 'Faster 3G + 4× CPU'],
    [
      [
        'first category link painted (median)',
        `${at('localhost', 'painted').toFixed(0)} ms`,
        `${at('faster3g', 'painted').toFixed(0)} ms`,
      ],
      [
        'directory requests (pages fetched)',
        String(at('localhost', 'directoryRequests')),
        String(at('faster3g', 'directoryRequests')),
      ],
    ],
  ),
)
console.log(
  `\ncategories: ${total} in ${pages.length} page(s); head ${(head.length / 1000).toFixed(1)} KB (${(gzipSync(head).length / 1000).toFixed(1)} KB gzip); tags: ${tagPages.length} page(s). ${runs} runs per profile, load average before ${loadBefore}, after ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}.`,
)
