// `npm run bench`: builds the app and archives of 1,000 and 100,000 generated posts, measures the
// app in Chromium (bench/app-bench.ts) and runs the other benchmarks of bench/, then prints one
// Markdown table of medians, and the detail of where the time goes on the slow link. The report is
// written to bench/RESULTS.md (a full or --app-only run; --quick and --sizes runs only print), raw runs to
// .bench-data/results.json.
//   npm run bench -- [--runs 5] [--sizes 1000,100000] [--scroll-items 5000] [--quick] [--no-build]
// --quick: sizes 200,1000, one run, 1,000 items scrolled: a smoke test, not a measurement.
// --prepare: only generate and build the archives. --no-build: reuse dist-bench.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { checkBudgets, gzipSize } from '../scripts/check-budgets.ts'
import { runAppBench, CPU_SLOWDOWN, FASTER_3G, VIEWPORT, type AppBenchResult } from './app-bench.ts'
import { DATA_DIR, ensureBundle, type BenchBundle } from './lib/data.ts'
import { appRows, byteRows, renderRows, waterfall, type Row } from './lib/report.ts'

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string' },
    sizes: { type: 'string' },
    'scroll-items': { type: 'string' },
    quick: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    'app-only': { type: 'boolean', default: false },
    prepare: { type: 'boolean', default: false },
    out: { type: 'string', default: 'dist-bench' },
  },
})
const quick = args.quick
const runs = Number(args.runs ?? (quick ? 1 : 5))
const sizes = (args.sizes ?? (quick ? '200,1000' : '1000,100000')).split(',').map(Number)
const scrollItems = Number(args['scroll-items'] ?? (quick ? 1000 : 5000))
const dist = args.out
const log = (l: string) => console.error(l)
if (!(runs >= 1) || sizes.some((s) => !(s >= 1))) throw new Error('bad --runs or --sizes')

function sh(cmd: string, cmdArgs: string[], capture = false): string {
  const r = spawnSync(cmd, cmdArgs, {
    stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    encoding: 'utf8',
  })
  if (r.status !== 0) throw new Error(`${cmd} ${cmdArgs.join(' ')} exited with ${r.status}`)
  return r.stdout ?? ''
}

const started = Date.now()
if (args.prepare) {
  // Only make (or check) the archives, e.g. ahead of a run on a quiet machine.
  for (const s of sizes) ensureBundle(s, log)
  process.exit(0)
}

if (!args['no-build']) {
  log(`building the app into ${dist}…`)
  sh('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'])
}
const budgets = checkBudgets(dist)

let bundles: BenchBundle[] = []
let app: AppBenchResult | null = null
try {
  bundles = sizes.map((s) => ensureBundle(s, log))
} catch (e) {
  log(`skipping the browser measurements: ${(e as Error).message}`)
}
if (bundles.length) {
  app = await runAppBench({
    dist,
    bundles: bundles.map((b) => ({ size: b.size, feedDir: b.feedDir })),
    runs,
    scrollItems,
    log,
  })
}

// The other benchmarks of bench/ (owned by their features) print their own lines; they run after
// the browser so they never share the two cores with a measured page.
const others: string[] = []
if (!args['app-only']) {
  for (const file of ['bench/stack-floor.ts', 'bench/build-bench.ts', 'bench/storage-bench.ts']) {
    if (!existsSync(file)) continue
    log(`running ${file}…`)
    const out = sh('npx', ['tsx', file, ...(quick ? ['--quick'] : [])], true)
    others.push(`### ${path.basename(file, '.ts')}\n\n${out.trim()}`)
  }
}

const feedHead = sizes.map((s) => {
  const b = bundles.find((x) => x.size === s)
  return b ? gzipSize(readFileSync(path.join(b.feedDir, 'feed.json'))) : NaN
})
const rows: Row[] = [...byteRows(budgets, feedHead), ...(app ? appRows(app) : [])]
const medianOf = quick ? 'one run (--quick)' : `medians of ${runs} runs`
const conditions = [
  `Chromium ${app?.browserVersion ?? ''}, headless, ${VIEWPORT.width}×${VIEWPORT.height} viewport, fresh context per run (cold cache), gzip on, ${medianOf}.`,
  `Faster 3G: ${(FASTER_3G.downloadThroughput * 8) / 1e6} Mbps down, ${(FASTER_3G.uploadThroughput * 8) / 1e3} kbps up, ${FASTER_3G.latency} ms per request (CDP Network.emulateNetworkConditions), CPU ${CPU_SLOWDOWN}× slower (Emulation.setCPUThrottlingRate).`,
]
const sections = [
  `## Benchmark (${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC)`,
  conditions.join('\n'),
  renderRows(sizes, rows),
]
if (app) {
  for (const size of [sizes[sizes.length - 1]!, sizes[0]!]) {
    const slow = app.firstList.faster3g[size]
    if (slow)
      sections.push(
        `### Where the time goes: ${size.toLocaleString('en-US')} posts, Faster 3G + 4× CPU (median run)\n\n${waterfall('first list', slow)}`,
      )
  }
  if (app.errors.length)
    sections.push(`### Page errors\n\n${[...new Set(app.errors)].map((e) => `- ${e}`).join('\n')}`)
}
sections.push(...others)
if (args['app-only'])
  sections.push(
    'The builder, storage and bare-stack benchmarks were not part of this run (`--app-only`): `npm run bench:build`, `npm run bench:storage`, `npx tsx bench/stack-floor.ts` print them.',
  )
sections.push(`(${((Date.now() - started) / 1000).toFixed(0)} s in all)`)
const text = sections.join('\n\n')
console.log(text)
mkdirSync(DATA_DIR, { recursive: true })
writeFileSync(path.join(DATA_DIR, 'results.md'), `${text}\n`)
// The reader's figures at the two standard sizes; an --app-only run says what it left out.
if (!quick && !args.sizes)
  writeFileSync(
    'bench/RESULTS.md',
    `# Benchmark results\n\nWritten by \`npm run bench\` (bench/run-all.ts); do not edit by hand.\n\n${text}\n`,
  )
writeFileSync(
  path.join(DATA_DIR, 'results.json'),
  JSON.stringify({ budgets, app, sizes, runs }, null, 2),
)
