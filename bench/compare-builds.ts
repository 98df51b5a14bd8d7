// Two (or more) builds of the app side by side on the same archive and link: the first list's time
// on Faster 3G + 4× CPU, each build's runs interleaved (ABAB…) so a drift of the machine weighs on
// both alike. For a change's "no slower than before": build the previous commit into one folder and
// this one into another, then
//   npx tsx bench/compare-builds.ts --dist dist-old --dist dist-new [--runs 9] [--size 100000]
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
    dist: { type: 'string', multiple: true },
    runs: { type: 'string', default: '9' },
    size: { type: 'string', default: '100000' },
  },
})
const dists = (args.dist ?? []).map((d) => path.resolve(d))
if (dists.length < 2) throw new Error('give two or more --dist folders')
const runs = Number(args.runs)
const size = Number(args.size)
const log = (l: string) => console.error(l)
const bundle = ensureBundle(size, log)
const browser = await launchBrowser()
const errors: string[] = []
const servers = await Promise.all(
  dists.map((root) => startBenchServer({ root, feedDir: bundle.feedDir })),
)
const times = dists.map(() => [] as number[])
try {
  for (const server of servers) {
    const warm = await loadList(browser, `${server.url}/`, 'localhost', errors)
    await warm.session.context.close()
  }
  for (let i = 0; i < runs; i++) {
    // Alternate which build goes first in each round.
    const order = i % 2 === 0 ? servers.map((_, j) => j) : servers.map((_, j) => j).reverse()
    for (const j of order) {
      const { session, run } = await loadList(browser, `${servers[j]!.url}/`, 'faster3g', errors)
      await session.context.close()
      times[j]!.push(run.ms)
      log(`${path.basename(dists[j]!)}: first list ${run.ms.toFixed(0)} ms`)
    }
  }
} finally {
  await Promise.all(servers.map((s) => s.close()))
  await browser.close()
}
const base = median(times[0]!)
console.log(
  markdownTable(
    [
      'build',
      'initial JS+CSS (gzip)',
      `first list painted, Faster 3G + 4× CPU, ${size.toLocaleString('en-US')} posts (median of ${runs})`,
      `ratio to ${path.basename(dists[0]!)}`,
    ],
    dists.map((d, j) => [
      path.basename(d),
      `${(checkBudgets(d).initial.gzip / 1000).toFixed(1)} KB`,
      `${median(times[j]!).toFixed(0)} ms`,
      `${(median(times[j]!) / base).toFixed(3)}×`,
    ]),
  ),
)
if (errors.length) console.log(`\npage errors: ${[...new Set(errors)].join('; ')}`)
