// `npm run bench:build`: the feed builder's speed and memory on generated archives, next to Jekyll
// 4.3 on the same posts. Prints one Markdown table (medians of --runs runs) on stdout.
//   npm run bench:build -- [--sizes 5000,100000] [--runs 3] [--jekyll-runs 3] [--no-jekyll] [--quick]
// Each build runs in a child process (`node scripts/feed.mjs build …`, what `npm run feed` runs), which
// reports its own peak RSS (process.resourceUsage().maxRSS, worker threads included). Data lives
// under .bench-data/build-<size>/ (gitignored) and is reused while the generator is unchanged.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { markdownTable } from './lib/report.ts'
import { median } from './lib/stats.ts'

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string' },
    runs: { type: 'string' },
    'jekyll-runs': { type: 'string' },
    'no-jekyll': { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
  },
})
const quick = args.quick
const sizes = (args.sizes ?? (quick ? '500,2000' : '5000,100000')).split(',').map(Number)
const runs = Number(args.runs ?? (quick ? 1 : 3))
const jekyllRuns = Number(args['jekyll-runs'] ?? runs)
if (sizes.some((s) => !(s >= 1)) || !(runs >= 1)) throw new Error('bad --sizes or --runs')
const log = (l: string) => console.error(l)
const DATA = '.bench-data'
const INCREMENT = 100

function generatorHash(): string {
  return createHash('sha256')
    .update(fs.readFileSync('scripts/gen-archive.ts'))
    .digest('hex')
    .slice(0, 12)
}

/** A generated site of `size` posts, made once per generator version. */
function site(size: number): string {
  const dir = path.join(DATA, `build-${size}`, 'site')
  const stamp = path.join(DATA, `build-${size}`, 'gen-stamp')
  const want = generatorHash()
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === want) return dir
  fs.rmSync(dir, { recursive: true, force: true })
  log(`generating ${size} posts…`)
  const r = spawnSync('node', ['--import', 'tsx', 'scripts/gen-archive.ts', String(size), dir], {
    stdio: 'inherit',
  })
  if (r.status !== 0) throw new Error('gen-archive failed')
  fs.writeFileSync(stamp, want)
  return dir
}

type Run = { seconds: number; rssMb: number; written: number }

/**
 * A new, empty output folder for each run; all are deleted when the benchmark ends. Deleting the
 * last run's 110,000 files right before the next run would charge it for the deletion: for a
 * minute or more ext4 scans the recently freed inodes at every file it creates (`recently_deleted`
 * in `ext4_create` under `perf`), which took a 100,000-post build from 29 s (4 s system time) to
 * 55 s (28 s system time) here. Jekyll's runs get the same treatment.
 */
const RUNS_DIR = path.join(DATA, 'build-runs')
let runCount = 0
function freshOutput(what: string): string {
  return path.join(RUNS_DIR, `${what}-${process.pid}-${++runCount}`)
}

function buildOnce(input: string, out: string): Run {
  const started = performance.now()
  const r = spawnSync(
    'node',
    // The same entry as `npm run feed` (without npm's own start-up).
    ['scripts/feed.mjs', 'build', input, '--out', out],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  const seconds = (performance.now() - started) / 1000
  if (r.status !== 0) throw new Error(`build exited with ${r.status}`)
  const field = (k: string) => Number(new RegExp(`${k}=([\\d.]+)`).exec(r.stdout)?.[1] ?? NaN)
  return { seconds, rssMb: field('max_rss_mb'), written: field('written') }
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
  floor: string
  ok: boolean | null
  ratio?: string
}
const rows: Row[] = []
const med = (rs: Run[], k: keyof Run) => median(rs.map((r) => r[k]))

for (const size of sizes) {
  const dir = site(size)
  let out = ''
  const clean: Run[] = []
  for (let i = 0; i < runs; i++) {
    out = freshOutput(`builder-${size}`)
    log(`builder, clean build of ${size} posts, run ${i + 1}/${runs}…`)
    clean.push(buildOnce(dir, out))
  }
  const big = size >= 100_000
  rows.push({
    what: 'builder: clean build',
    posts: size,
    runs: clean,
    floor: big ? '≤ 60 s, < 512 MB' : '',
    ok: big ? med(clean, 'seconds') <= 60 && med(clean, 'rssMb') < 512 : null,
  })

  // +100 posts on the built bundle: copy them in, rebuild (measured), take them out, rebuild.
  const extraDir = path.join(DATA, `build-${size}`, `extra-${INCREMENT}`)
  if (!fs.existsSync(path.join(extraDir, '_posts'))) {
    spawnSync(
      'node',
      [
        '--import',
        'tsx',
        'scripts/gen-archive.ts',
        String(INCREMENT),
        extraDir,
        '--seed',
        '777',
        '--start',
        '2035-01-01',
      ],
      { stdio: 'inherit' },
    )
  }
  const extra = fs.readdirSync(path.join(extraDir, '_posts'))
  const incremental: Run[] = []
  for (let i = 0; i < runs; i++) {
    for (const f of extra)
      fs.copyFileSync(path.join(extraDir, '_posts', f), path.join(dir, '_posts', f))
    log(`builder, +${INCREMENT} posts on ${size}, run ${i + 1}/${runs}…`)
    incremental.push(buildOnce(dir, out))
    for (const f of extra) fs.rmSync(path.join(dir, '_posts', f))
    buildOnce(dir, out)
  }
  rows.push({
    what: `builder: +${INCREMENT} posts, incremental`,
    posts: size,
    runs: incremental,
    floor: big ? '≤ 5 s' : '',
    ok: big ? med(incremental, 'seconds') <= 5 : null,
  })

  if (size <= 20_000 && jekyllAvailable()) {
    const jk: Run[] = []
    for (let i = 0; i < jekyllRuns; i++) {
      log(`Jekyll, ${size} posts, run ${i + 1}/${jekyllRuns}…`)
      jk.push(jekyllOnce(dir, size))
    }
    const ratio = med(jk, 'seconds') / med(clean, 'seconds')
    rows.push({
      what: 'Jekyll 4.3: build',
      posts: size,
      runs: jk,
      floor: size === 5000 ? 'builder ≥ 20× faster' : '',
      ok: size === 5000 ? ratio >= 20 : null,
      ratio: `${fmt(ratio, 1)}× slower than the builder`,
    })
  }
}

console.log(
  markdownTable(
    ['build', 'posts', 'runs', 'wall (median)', 'posts/s', 'peak RSS', 'vs builder', 'floor', ''],
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
        r.ratio ?? '',
        r.floor,
        r.ok === null ? '' : r.ok ? '✓' : '✗',
      ]
    }),
  ),
)
console.log(
  `\n${runs} run(s) per builder row, medians; peak RSS: the build process's own maxRSS, Jekyll's from /usr/bin/time; every clean run writes into a new folder (deleted at the end). Node ${process.version}, ${os.cpus().length} cores.`,
)
// Only now: see freshOutput().
fs.rmSync(RUNS_DIR, { recursive: true, force: true })
