// `npm run bench:pages-paint`: first paint with static pages (build --app) beside the app alone
// (the SPA), on the Faster 3G + 4× CPU profile of bench/app-bench.ts, medians of --runs cold runs:
// the first list <article> of the home page, a deep-linked article's title and body. Needs dist/.
//   npm run bench:pages-paint -- [--size 1000] [--runs 5]
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { launchBrowser } from '../test/support/browser.ts'
import { deepLink, loadList } from './app-bench.ts'
import { markdownTable } from './lib/report.ts'
import { startBenchServer } from './lib/serve.ts'
import { median } from './lib/stats.ts'

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
  const result: Record<string, { list: number[]; title: number[]; body: number[] }> = {
    spa: { list: [], title: [], body: [] },
    static: { list: [], title: [], body: [] },
  }
  for (let r = 0; r < runs; r++) {
    for (const kind of ['spa', 'static'] as const) {
      const url = servers[kind].url
      log(`run ${r + 1}/${runs}, ${kind} (load ${os.loadavg()[0]!.toFixed(2)})`)
      const { session, run } = await loadList(browser, `${url}/`, 'faster3g', errors)
      await session.context.close()
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
