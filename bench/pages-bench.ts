// `npm run bench:pages`: the builder with static pages (`build --app --site-url`) on a generated
// archive: a clean build's seconds and peak RSS, +100 posts incremental (seconds, files the pages
// step rewrote), and an article page's gzip bytes. Needs the built app in dist/ (npm run build).
//   npm run bench:pages -- [--size 100000] [--runs 3] [--keep]
// The archive is generated once under .bench-data/pages-<size>/site (gitignored); each run builds
// into a fresh folder under .bench-data/pages-runs/, all deleted at the end unless --keep (not
// between runs: deleting 200,000 files slows the file system's next creations for minutes).
// Figures are medians of the runs.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { FEED_ENV } from './lib/data.ts'
import { markdownTable } from './lib/report.ts'
import { median } from './lib/stats.ts'

const { values: args } = parseArgs({
  options: {
    size: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
  },
})
const size = Number(args.size)
const runs = Number(args.runs)
if (!(size >= 1) || !(runs >= 1)) throw new Error('bad --size or --runs')
const DATA = '.bench-data'
const INCREMENT = 100
const SITE_URL = 'https://reader.example'
const log = (l: string) => console.error(l)
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')

if (!fs.existsSync('dist/index.html'))
  throw new Error('no dist/index.html: run npm run build first')

const base = path.join(DATA, `pages-${size}`)
const site = path.join(base, 'site')
if (!fs.existsSync(path.join(site, '_posts'))) {
  log(`generating ${size} posts…`)
  const r = spawnSync('node', ['--import', 'tsx', 'scripts/gen-archive.ts', String(size), site], {
    stdio: 'inherit',
  })
  if (r.status !== 0) throw new Error('gen-archive failed')
}
const extraDir = path.join(base, `extra-${INCREMENT}`)
if (!fs.existsSync(path.join(extraDir, '_posts'))) {
  const gen = ['--import', 'tsx', 'scripts/gen-archive.ts', String(INCREMENT), extraDir]
  spawnSync('node', [...gen, '--seed', '777', '--start', '2035-01-01'], { stdio: 'inherit' })
}

type Run = { seconds: number; cpu: number; rssMb: number; pagesWritten: number; load: string }

/** GNU time, when there, gives the child's CPU seconds: on a shared machine the wall clock is not its own. */
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null

function buildOnce(app: string, state: string): Run {
  const before = load()
  const started = performance.now()
  const command = [
    'node',
    'scripts/feed.mjs',
    'build',
    site,
    '--out',
    path.join(app, 'feed'),
    '--state',
    state,
    '--site-url',
    SITE_URL,
    '--app',
    app,
    '--no-validate',
  ]
  const r = spawnSync(
    TIME ?? command[0]!,
    TIME ? ['-f', 'cpu %U %S', ...command] : command.slice(1),
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: FEED_ENV },
  )
  const cpuMatch = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr)
  const cpu = cpuMatch ? Number(cpuMatch[1]) + Number(cpuMatch[2]) : NaN
  const seconds = (performance.now() - started) / 1000
  if (r.status !== 0) throw new Error(`build exited with ${r.status}`)
  log(r.stdout.trim())
  const field = (k: string) => Number(new RegExp(` ${k}=([\\d.]+)`).exec(r.stdout)?.[1] ?? NaN)
  return {
    seconds,
    cpu,
    rssMb: field('max_rss_mb'),
    pagesWritten: field('pages_written'),
    load: `${before} → ${load()}`,
  }
}

const extra = fs.readdirSync(path.join(extraDir, '_posts'))
const cleans: Run[] = []
const incs: Run[] = []
const runDirs: string[] = []
let gzMedian = 0
let gzMax = 0
let pageCount = 0
try {
  for (let k = 0; k < runs; k++) {
    const run = path.join(DATA, 'pages-runs', `${size}-${process.pid}-${k}`)
    runDirs.push(run)
    const app = path.join(run, 'app')
    const state = path.join(run, 'state')
    fs.rmSync(run, { recursive: true, force: true })
    fs.mkdirSync(run, { recursive: true })
    fs.cpSync('dist', app, { recursive: true })
    log(`run ${k + 1}/${runs}: clean build of ${size} posts with pages (load ${load()})…`)
    cleans.push(buildOnce(app, state))
    for (const f of extra)
      fs.copyFileSync(path.join(extraDir, '_posts', f), path.join(site, '_posts', f))
    try {
      log(`+${INCREMENT} posts…`)
      incs.push(buildOnce(app, state))
    } finally {
      for (const f of extra) fs.rmSync(path.join(site, '_posts', f), { force: true })
    }
    if (k === 0) {
      // An article page's bytes, gzip (before its assets): every page, median and largest.
      const pages = fs.readdirSync(path.join(app, 'article'))
      const sizes = pages.map((p) => gzipSync(fs.readFileSync(path.join(app, 'article', p))).length)
      gzMedian = median(sizes)
      gzMax = sizes.reduce((a, b) => Math.max(a, b), 0)
      pageCount = pages.length
    }
  }
} finally {
  if (!args.keep) for (const run of runDirs) fs.rmSync(run, { recursive: true, force: true })
}
const mid = (rs: Run[]): Run => ({
  seconds: median(rs.map((r) => r.seconds)),
  cpu: median(rs.map((r) => r.cpu)),
  rssMb: median(rs.map((r) => r.rssMb)),
  pagesWritten: median(rs.map((r) => r.pagesWritten)),
  load: rs.map((r) => r.load).join('; '),
})
const clean = mid(cleans)
const inc = mid(incs)
const all = (rs: Run[]) => rs.map((r) => r.seconds.toFixed(1)).join(', ')

const fmt = (n: number, d = 1) => n.toFixed(d)
console.log(
  markdownTable(
    ['what', 'posts', 'figure', 'floor', 'ok', 'load (1/5/15 min)'],
    [
      [
        'clean build with pages',
        String(size),
        `${fmt(clean.seconds)} s (runs ${all(cleans)}; cpu ${fmt(clean.cpu)} s), ${Math.round(clean.rssMb)} MB peak RSS (largest ${Math.round(Math.max(...cleans.map((r) => r.rssMb)))})`,
        '≤ 60 s, < 512 MB',
        clean.seconds <= 60 && clean.rssMb < 512 ? 'yes' : 'no',
        clean.load,
      ],
      [
        `+${INCREMENT} posts, incremental`,
        String(size + INCREMENT),
        `${fmt(inc.seconds)} s (runs ${all(incs)}; cpu ${fmt(inc.cpu)} s), ${inc.pagesWritten} files rewritten by the pages step`,
        '≤ 5 s',
        inc.seconds <= 5 ? 'yes' : 'no',
        inc.load,
      ],
      [
        'article page, gzip',
        String(pageCount),
        `median ${gzMedian} B, largest ${gzMax} B`,
        '≤ 6 KB',
        gzMax <= 6144 ? 'yes' : 'no',
        '',
      ],
    ],
  ),
)
