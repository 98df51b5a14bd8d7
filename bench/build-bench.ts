// `npm run bench:build`: the feed builder's speed and memory on generated archives, as one
// Markdown table (medians of --runs runs), the 100,000- and 1,000,000-post builds side by side.
//   npm run bench:build -- [--sizes 100000,1000000] [--runs 3] [--big-runs 1] [--jekyll-runs 3]
//                          [--no-jekyll] [--quick] [--faults]
// Each build runs in a child process (`node scripts/feed.mjs build …`, what `npm run feed` runs),
// which reports its own peak RSS. Archives are generated once per generator version under
// .bench-data/build-<size>/site (gitignored) with the generator's time and disk kept beside them
// (gen.json), so the million-post archive (minutes, gigabytes) is made once. The machine's load
// average is printed with every row: figures from a busy machine say little.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { FEED_ENV } from './lib/data.ts'
import { markdownTable } from './lib/report.ts'
import { median } from './lib/stats.ts'

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string' },
    runs: { type: 'string' },
    'big-runs': { type: 'string' },
    'jekyll-runs': { type: 'string' },
    'no-jekyll': { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    faults: { type: 'boolean', default: false },
  },
})
const quick = args.quick
const sizes = (args.sizes ?? (quick ? '500,2000' : '100000,1000000')).split(',').map(Number)
const runs = Number(args.runs ?? (quick ? 1 : 3))
/** Clean builds of a million posts take minutes each: fewer runs unless asked. */
const bigRuns = Number(args['big-runs'] ?? Math.min(runs, 1))
const jekyllRuns = Number(args['jekyll-runs'] ?? runs)
if (sizes.some((s) => !(s >= 1)) || !(runs >= 1)) throw new Error('bad --sizes or --runs')
const log = (l: string) => console.error(l)
const DATA = '.bench-data'
const INCREMENT = 100
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')

function generatorHash(): string {
  return createHash('sha256')
    .update(fs.readFileSync('scripts/gen-archive.ts'))
    .digest('hex')
    .slice(0, 12)
}

type Generated = { seconds: number; diskKb: number; load: string; at: string }

/** A generated site of `size` posts, made once per generator version; its generation's figures. */
function site(size: number): { dir: string; gen: Generated } {
  const base = path.join(DATA, `build-${size}`)
  const dir = path.join(base, 'site')
  const stamp = path.join(base, 'gen-stamp')
  const genFile = path.join(base, 'gen.json')
  const want = generatorHash()
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === want && fs.existsSync(genFile))
    return { dir, gen: JSON.parse(fs.readFileSync(genFile, 'utf8')) as Generated }
  fs.rmSync(dir, { recursive: true, force: true })
  log(`generating ${size} posts…`)
  const before = load()
  const started = performance.now()
  const r = spawnSync('node', ['--import', 'tsx', 'scripts/gen-archive.ts', String(size), dir], {
    stdio: 'inherit',
  })
  if (r.status !== 0) throw new Error('gen-archive failed')
  const seconds = (performance.now() - started) / 1000
  const du = spawnSync('du', ['-sk', dir], { encoding: 'utf8' })
  const gen: Generated = {
    seconds,
    diskKb: Number(/^(\d+)/.exec(du.stdout)?.[1] ?? NaN),
    load: `${before} → ${load()}`,
    at: new Date().toISOString(),
  }
  fs.writeFileSync(genFile, JSON.stringify(gen))
  fs.writeFileSync(stamp, want)
  return { dir, gen }
}

type Run = { seconds: number; rssMb: number; written: number }

/**
 * A new, empty output folder for each run; all are deleted when the benchmark ends. Deleting the
 * last run's files right before the next run would charge it for the deletion: for a minute or
 * more ext4 scans the recently freed inodes at every file it creates (`recently_deleted` in
 * `ext4_create` under `perf`).
 */
const RUNS_DIR = path.join(DATA, 'build-runs')
let runCount = 0
const freshOutput = (what: string) => path.join(RUNS_DIR, `${what}-${process.pid}-${++runCount}`)

function buildOnce(input: string, out: string): Run {
  const started = performance.now()
  const r = spawnSync('node', ['scripts/feed.mjs', 'build', input, '--out', out], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    env: FEED_ENV,
  })
  const seconds = (performance.now() - started) / 1000
  if (r.status !== 0) throw new Error(`build exited with ${r.status}`)
  const field = (k: string) => Number(new RegExp(`${k}=([\\d.]+)`).exec(r.stdout)?.[1] ?? NaN)
  return { seconds, rssMb: field('max_rss_mb'), written: field('written') }
}

/** Bytes of the state files of a bundle (the state itself and its item store). */
function stateBytes(out: string): number {
  return fs
    .readdirSync(out)
    .filter((f) => f.startsWith('.build-state'))
    .reduce((n, f) => n + fs.statSync(path.join(out, f)).size, 0)
}

function jekyllAvailable(): boolean {
  return !args['no-jekyll'] && spawnSync('jekyll', ['--version'], { stdio: 'ignore' }).status === 0
}

/** Jekyll on a copy of the site with a one-line post layout (no warnings, no theme). */
function jekyllOnce(siteDir: string, size: number): Run {
  const copy = path.join(DATA, `build-${size}`, 'jekyll-site')
  if (!fs.existsSync(path.join(copy, '_layouts', 'post.html'))) {
    fs.rmSync(copy, { recursive: true, force: true })
    fs.cpSync(siteDir, copy, { recursive: true })
    fs.mkdirSync(path.join(copy, '_layouts'), { recursive: true })
    fs.writeFileSync(path.join(copy, '_layouts', 'post.html'), '{{ content }}\n')
    fs.writeFileSync(path.join(copy, '_layouts', 'category.html'), '{{ content }}\n')
  }
  const dest = freshOutput(`jekyll-${size}`)
  const started = performance.now()
  const jekyllArgs = ['build', '--quiet', '-s', copy, '-d', dest]
  const timed = fs.existsSync('/usr/bin/time')
  const r = spawnSync(
    timed ? '/usr/bin/time' : 'jekyll',
    timed ? ['-f', '%M', 'jekyll', ...jekyllArgs] : jekyllArgs,
    { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' } },
  )
  const seconds = (performance.now() - started) / 1000
  if (r.status !== 0) throw new Error(`jekyll exited with ${r.status}: ${r.stderr.slice(-500)}`)
  const kb = timed ? Number(/(\d+)\s*$/.exec(r.stderr)?.[1] ?? NaN) : NaN
  return { seconds, rssMb: kb / 1024, written: NaN }
}

const fmt = (n: number, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : '–'
type Row = {
  what: string
  posts: number
  runs: Run[]
  load: string
  floor: string
  ok: boolean | null
  note?: string
}
const rows: Row[] = []
const med = (rs: Run[], k: keyof Run) => median(rs.map((r) => r[k]))
const FLOORS: Record<number, { clean?: [number, number]; inc?: number }> = {
  100_000: { clean: [30, Infinity] },
  1_000_000: { clean: [240, 1024], inc: 10 },
}
const generated: { size: number; gen: Generated }[] = []

for (const size of sizes) {
  const { dir, gen } = site(size)
  generated.push({ size, gen })
  const n = size >= 1_000_000 ? bigRuns : runs
  let out = ''
  const clean: Run[] = []
  const cleanLoad = load()
  for (let i = 0; i < n; i++) {
    out = freshOutput(`builder-${size}`)
    log(`builder, clean build of ${size} posts, run ${i + 1}/${n} (load ${load()})…`)
    clean.push(buildOnce(dir, out))
  }
  const floor = FLOORS[size]
  rows.push({
    what: 'builder: clean build',
    posts: size,
    runs: clean,
    load: `${cleanLoad} → ${load()}`,
    floor: floor?.clean
      ? `≤ ${floor.clean[0]} s${Number.isFinite(floor.clean[1]) ? `, ≤ ${floor.clean[1]} MB` : ''}`
      : '',
    ok: floor?.clean
      ? med(clean, 'seconds') <= floor.clean[0] && med(clean, 'rssMb') <= floor.clean[1]
      : null,
    note: `state ${fmt(stateBytes(out) / 1e6)} MB`,
  })

  // +100 posts on the built bundle: copy them in, rebuild (measured), take them out, rebuild.
  const extraDir = path.join(DATA, `build-${size}`, `extra-${INCREMENT}`)
  if (!fs.existsSync(path.join(extraDir, '_posts'))) {
    const gen = ['--import', 'tsx', 'scripts/gen-archive.ts', String(INCREMENT), extraDir]
    spawnSync('node', [...gen, '--seed', '777', '--start', '2035-01-01'], { stdio: 'inherit' })
  }
  const extra = fs.readdirSync(path.join(extraDir, '_posts'))
  const incremental: Run[] = []
  const incLoad = load()
  for (let i = 0; i < runs; i++) {
    for (const f of extra)
      fs.copyFileSync(path.join(extraDir, '_posts', f), path.join(dir, '_posts', f))
    log(`builder, +${INCREMENT} posts on ${size}, run ${i + 1}/${runs} (load ${load()})…`)
    incremental.push(buildOnce(dir, out))
    for (const f of extra) fs.rmSync(path.join(dir, '_posts', f))
    buildOnce(dir, out)
  }
  rows.push({
    what: `builder: +${INCREMENT} posts, incremental`,
    posts: size,
    runs: incremental,
    load: `${incLoad} → ${load()}`,
    floor: floor?.inc ? `≤ ${floor.inc} s` : '',
    ok: floor?.inc ? med(incremental, 'seconds') <= floor.inc : null,
    note: `state ${fmt(stateBytes(out) / 1e6)} MB`,
  })

  if (size <= 20_000 && jekyllAvailable()) {
    const jk: Run[] = []
    const jkLoad = load()
    for (let i = 0; i < jekyllRuns; i++) {
      log(`Jekyll, ${size} posts, run ${i + 1}/${jekyllRuns}…`)
      jk.push(jekyllOnce(dir, size))
    }
    const ratio = med(jk, 'seconds') / med(clean, 'seconds')
    rows.push({
      what: 'Jekyll 4.3: build',
      posts: size,
      runs: jk,
      load: `${jkLoad} → ${load()}`,
      floor: size === 5000 ? 'builder ≥ 20× faster' : '',
      ok: size === 5000 ? ratio >= 20 : null,
      note: `${fmt(ratio, 1)}× slower than the builder`,
    })
  }
}

console.log(
  markdownTable(
    [
      'build',
      'posts',
      'runs',
      'wall (median)',
      'posts/s',
      'peak RSS',
      'load avg (1/5/15 min)',
      'notes',
      'floor',
      '',
    ],
    rows.map((r) => {
      const s = med(r.runs, 'seconds')
      const perSecond = r.what.includes('incremental') ? INCREMENT / s : r.posts / s
      return [
        r.what,
        fmt(r.posts),
        String(r.runs.length),
        `${fmt(s, 2)} s`,
        fmt(perSecond),
        `${fmt(med(r.runs, 'rssMb'))} MB`,
        r.load,
        r.note ?? '',
        r.floor,
        r.ok === null ? '' : r.ok ? '✓' : '✗',
      ]
    }),
  ),
)
console.log(
  `\n${markdownTable(
    ['generator (`npm run gen`)', 'posts', 'time', 'disk', 'load avg', 'when'],
    generated.map(({ size, gen }) => [
      'synthetic archive',
      fmt(size),
      `${fmt(gen.seconds, 1)} s`,
      `${fmt(gen.diskKb / 1024 / 1024, 2)} GB`,
      gen.load,
      gen.at,
    ]),
  )}`,
)
console.log(
  `\nMedians; clean builds of ${fmt(1_000_000)} posts: ${bigRuns} run(s) (--big-runs). Peak RSS: the build process's own maxRSS, Jekyll's from /usr/bin/time; every clean run writes into a new folder (deleted at the end). State: the state file and its item store. Node ${process.version}, ${os.cpus().length} cores.`,
)
// Only now: see freshOutput().
fs.rmSync(RUNS_DIR, { recursive: true, force: true })

if (args.faults) {
  // The long run of the robustness tests: 90 random edit sequences, 20 kill -9 trials.
  log('robustness: 90 random edit sequences, 20 kill -9 trials…')
  const r = spawnSync('npx', ['vitest', 'run', 'src/builder/robustness.test.ts'], {
    stdio: 'inherit',
    env: { ...process.env, FAULT_RUNS: '90', KILL_TRIALS: '20' },
  })
  if (r.status !== 0) process.exitCode = 1
}
