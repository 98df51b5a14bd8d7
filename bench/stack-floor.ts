// The first-list time of the bare stack (bench/bare-stack: React, React DOM, React Router and
// TanStack Query rendering the feed head, nothing else) next to the app's, on the same archive and
// link: how much of the app's time the stack alone already takes. Part of `npm run bench`.
//   npx tsx bench/stack-floor.ts [--runs 5] [--size 100000] [--quick] [--build-app]
// The app is measured from dist-bench/ (built by `npm run bench`; built here when missing or with
// --build-app).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { launchBrowser } from '../test/support/browser.ts'
import { checkBudgets } from '../scripts/check-budgets.ts'
import { loadList } from './app-bench.ts'
import { ensureBundle } from './lib/data.ts'
import { markdownTable } from './lib/report.ts'
import { startBenchServer } from './lib/serve.ts'
import { median } from './lib/stats.ts'

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string' },
    size: { type: 'string' },
    quick: { type: 'boolean', default: false },
    'build-app': { type: 'boolean', default: false },
  },
})
const runs = Number(args.runs ?? (args.quick ? 1 : 5))
const size = Number(args.size ?? (args.quick ? 1000 : 100_000))
const log = (l: string) => console.error(l)
const DIST = path.resolve('dist-bench-bare')
const DIST_DATA = path.resolve('dist-bench-bare-data')
const APP = path.resolve('dist-bench')

function build(args: string[]) {
  const r = spawnSync('npx', ['vite', 'build', ...args, '--emptyOutDir', '--logLevel', 'warn'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (r.status !== 0) throw new Error('vite build failed')
}
log('building the bare stack…')
build(['bench/bare-stack', '--config', 'vite.config.ts', '--outDir', DIST])
build(['bench/bare-stack-data', '--config', 'vite.config.ts', '--outDir', DIST_DATA])
if (args['build-app'] || !existsSync(path.join(APP, 'index.html'))) build(['--outDir', APP])
const bundle = ensureBundle(size, log)
const browser = await launchBrowser()
const errors: string[] = []
const rows: string[][] = []
try {
  for (const [what, dist] of [
    ['app', APP],
    ['bare stack, declarative routes', DIST],
    ['bare stack, data router', DIST_DATA],
  ] as const) {
    const server = await startBenchServer({ root: dist, feedDir: bundle.feedDir })
    try {
      const warm = await loadList(browser, `${server.url}/`, 'localhost', errors)
      await warm.session.context.close()
      const times: number[] = []
      for (let i = 0; i < runs; i++) {
        const { session, run } = await loadList(browser, `${server.url}/`, 'faster3g', errors)
        await session.context.close()
        times.push(run.ms)
        log(`${what}: first list ${run.ms.toFixed(0)} ms`)
      }
      const kb = checkBudgets(dist).initial.gzip / 1000
      rows.push([what, `${kb.toFixed(1)} KB`, `${median(times).toFixed(0)} ms`])
    } finally {
      await server.close()
    }
  }
} finally {
  await browser.close()
}
console.log(
  markdownTable(
    [
      'build',
      'initial JS+CSS (gzip)',
      `first list <article> painted, Faster 3G + 4× CPU, ${size.toLocaleString('en-US')} posts (median of ${runs})`,
    ],
    rows,
  ),
)
