// `npm run bench:pages-paint`: first paint with static pages (build --app) beside the app alone
// (the SPA), on the Faster 3G + 4× CPU profile of bench/app-bench.ts, medians of --runs cold runs:
// the first list <article> of the home page, a deep-linked article's title and body. Needs dist/.
//   npm run bench:pages-paint -- [--size 1000] [--runs 5]
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { Page } from 'playwright-core'
import { launchBrowser } from '../test/support/browser.ts'
import { deepLink, loadList } from './app-bench.ts'
import { markdownTable } from './lib/report.ts'
import { startBenchServer } from './lib/serve.ts'
import { median } from './lib/stats.ts'

/**
 * When the app has taken over the home page (it committed a list of its own: the static one, made
 * by no React, is gone; or it was the app's from the start), in ms from navigation start, as the
 * page's recorder saw the commit; then how long a click on the first item takes to show that
 * article's <h1> by client navigation (the page must stay).
 */
async function takeOver(page: Page): Promise<{ interactive: number; click: number }> {
  const FEED = '[role="feed"]'
  await page.evaluate(() => {
    ;(window as Window & { samePage?: true }).samePage = true
  })
  await page.waitForFunction(
    () => (window as Window & { __bench?: { appListAt: number } }).__bench!.appListAt >= 0,
    null,
    { timeout: 60_000, polling: 20 },
  )
  const interactive = await page.evaluate(
    () => (window as Window & { __bench?: { appListAt: number } }).__bench!.appListAt,
  )
  const norm = (t: string | null | undefined) => (t ?? '').replace(/\s+/g, ' ').trim()
  const title = norm(
    await page.evaluate(
      (feedSelector) =>
        document.querySelector(`${feedSelector} article h2, ${feedSelector} article h3`)
          ?.textContent,
      FEED,
    ),
  )
  const before = await page.evaluate(() => performance.now())
  await page.click(`${FEED} article a[href]`)
  await page.waitForFunction(
    (want) =>
      (document.querySelector('h1')?.textContent ?? '').replace(/\s+/g, ' ').trim() === want,
    title,
    { timeout: 60_000, polling: 20 },
  )
  const click = (await page.evaluate(() => performance.now())) - before
  if (!(await page.evaluate(() => (window as Window & { samePage?: true }).samePage === true)))
    throw new Error('the click loaded a new page: the app had not taken over')
  return { interactive, click }
}

const { values: args } = parseArgs({
  options: { size: { type: 'string', default: '1000' }, runs: { type: 'string', default: '5' } },
})
const size = Number(args.size)
const runs = Number(args.runs)
if (!fs.existsSync('dist/index.html'))
  throw new Error('no dist/index.html: run npm run build first')
const log = (l: string) => console.error(l)
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pages-paint-'))
const app = path.join(tmp, 'app')
const feed = path.join(tmp, 'feed')
try {
  const node = (a: string[]) => {
    const r = spawnSync('node', a, { stdio: ['ignore', 'ignore', 'inherit'] })
    if (r.status !== 0) throw new Error(`${a.join(' ')} failed`)
  }
  node(['--import', 'tsx', 'scripts/gen-archive.ts', String(size), path.join(tmp, 'site')])
  fs.cpSync('dist', app, { recursive: true })
  node([
    'scripts/feed.mjs',
    'build',
    path.join(tmp, 'site'),
    '--out',
    feed,
    '--app',
    app,
    '--site-url',
    'https://reader.example',
    '--state',
    path.join(tmp, 'state'),
    '--quiet',
  ])
  const head = JSON.parse(fs.readFileSync(path.join(feed, 'feed.json'), 'utf8')) as {
    items: { id: string; title: string }[]
  }
  const target = head.items[3]!
  const servers = {
    spa: await startBenchServer({ root: 'dist', feedDir: feed }),
    static: await startBenchServer({ root: app, feedDir: feed }),
  }
  const browser = await launchBrowser()
  const errors: string[] = []
  type Figures = Record<'list' | 'title' | 'body' | 'interactive' | 'click', number[]>
  const figures = (): Figures => ({ list: [], title: [], body: [], interactive: [], click: [] })
  const result: Record<string, Figures> = { spa: figures(), static: figures() }
  for (let r = 0; r < runs; r++) {
    for (const kind of ['spa', 'static'] as const) {
      const url = servers[kind].url
      log(`run ${r + 1}/${runs}, ${kind} (load ${os.loadavg()[0]!.toFixed(2)})`)
      const { session, run } = await loadList(browser, `${url}/`, 'faster3g', errors)
      try {
        const t = await takeOver(session.page)
        result[kind]!.interactive.push(t.interactive)
        result[kind]!.click.push(t.click)
      } finally {
        await session.context.close()
      }
      result[kind]!.list.push(run.ms)
      const a = await deepLink(
        browser,
        `${url}/article/${target.id}`,
        target.title,
        'faster3g',
        errors,
      )
      result[kind]!.title.push(a.titleMs)
      if (a.bodyMs !== null) result[kind]!.body.push(a.bodyMs)
    }
  }
  await browser.close()
  await servers.spa.close()
  await servers.static.close()
  const ms = (v: number[]) => `${Math.round(median(v))} ms`
  console.log(
    markdownTable(
      ['Faster 3G + 4× CPU, medians', `SPA (${runs} runs)`, 'static pages', 'floor'],
      [
        [
          'home: first list <article> painted',
          ms(result.spa!.list),
          ms(result.static!.list),
          '≤ 1,200 ms',
        ],
        [
          'deep link: article <h1> painted',
          ms(result.spa!.title),
          ms(result.static!.title),
          '≤ 1,200 ms',
        ],
        ['deep link: body in the DOM', ms(result.spa!.body), ms(result.static!.body), '≤ 2,000 ms'],
        [
          'home: interactive (the app has taken over: a click navigates on the client)',
          ms(result.spa!.interactive),
          ms(result.static!.interactive),
          '≤ 2,500 ms',
        ],
        [
          'then a click on the first item → its article <h1>',
          ms(result.spa!.click),
          ms(result.static!.click),
          '',
        ],
      ],
    ),
  )
  console.log(
    `${size} posts; load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  )
  if (errors.length) console.log(`page errors: ${errors.join('; ')}`)
} finally {
  fs.rmSync(tmp, { recursive: true, force: true })
}
