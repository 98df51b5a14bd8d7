// `npm run bench:search`: the search index's floors (issue 13) on generated archives, as Markdown.
//   npm run bench:search -- [--sizes 20000,100000] [--runs 3]
// Per size: an archive made by `npm run gen` (kept under .bench-data/search-<size>/site), a clean
// build in a child process (what `npm run feed` runs; FEED_TIMING gives the index step's seconds,
// the summary line the peak RSS), a query set served over HTTP on localhost and read by the app's
// own search code (first screen: 20 results and the count, or the count in progress), every query
// drained to its end and compared with a brute-force substring scan of every article's title and
// body text (from the content files), then +100 posts and an incremental build: the index bytes it
// rewrote. The machine's load average is printed: figures from a busy machine say little.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { generateArchive } from '../scripts/gen-archive.ts'
import { IndexSearch, parseIndex, type IndexSource } from '../src/features/search/engine.ts'
import { NO_FILTERS, type SearchFilters } from '../src/features/search/query.ts'
import type { BundleContentItem } from '../src/shared/feed-bundle.ts'
import {
  SEARCH_INDEX_FILE,
  matchesText,
  parseQuery,
  searchBodyText,
  searchableText,
} from '../src/shared/search.ts'
import { startStaticServer } from '../test/support/static-server.ts'
import { markdownTable } from './lib/report.ts'
import { percentile } from './lib/stats.ts'

const { values: args } = parseArgs({
  options: { sizes: { type: 'string' }, runs: { type: 'string' } },
})
const sizes = (args.sizes ?? '20000,100000').split(',').map(Number)
const runs = Number(args.runs ?? 3)
if (sizes.some((s) => !(s >= 1)) || !(runs >= 1)) throw new Error('bad --sizes or --runs')
const log = (l: string) => console.error(l)
const DATA = '.bench-data'
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')

type Doc = { id: string; day: string; category: string; tags: string[]; text: string }

function buildBundle(site: string, out: string, state: string) {
  const r = spawnSync(
    process.execPath,
    ['scripts/feed.mjs', 'build', site, '--out', out, '--state', state, '--no-validate'],
    { encoding: 'utf8', env: { ...process.env, FEED_TIMING: '1' }, maxBuffer: 1 << 26 },
  )
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`)
  const summary = /seconds=([\d.]+) max_rss_mb=([\d.]+)/.exec(r.stdout)
  const step = /search index: ([\d.]+) s/.exec(r.stderr)
  return {
    seconds: Number(summary?.[1]),
    rssMb: Number(summary?.[2]),
    indexSeconds: Number(step?.[1]),
  }
}

/** Every file under `dir` with its size and mtime. */
function files(dir: string): Map<string, { size: number; mtimeMs: number }> {
  const out = new Map<string, { size: number; mtimeMs: number }>()
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue
    const p = path.join(e.parentPath, e.name)
    const st = fs.statSync(p)
    out.set(p, { size: st.size, mtimeMs: st.mtimeMs })
  }
  return out
}
const total = (m: Map<string, { size: number }>) => [...m.values()].reduce((n, f) => n + f.size, 0)

/** Title + body text of every article, from its content file: what the brute-force scan reads. */
function scanDocs(out: string): Doc[] {
  const dir = path.join(out, 'content')
  const docs: (Doc & { ms: number })[] = []
  for (const f of fs.readdirSync(dir)) {
    const item = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as BundleContentItem
    docs.push({
      id: item.id,
      day: item.date_published.slice(0, 10),
      category: item._reader.category,
      tags: item.tags,
      text: searchableText(item.title, searchBodyText(item.content_html)),
      ms: Date.parse(item.date_published),
    })
  }
  docs.sort((a, b) => b.ms - a.ms || (a.id < b.id ? 1 : -1))
  return docs
}

function bruteForce(docs: Doc[], q: string, f: SearchFilters): string[] {
  const parsed = parseQuery(q)
  if (!parsed.ok) throw new Error(`bad query ${q}`)
  return docs
    .filter(
      (d) =>
        (f.category === null || d.category === f.category) &&
        (f.tag === null || d.tags.includes(f.tag)) &&
        (f.from === null || d.day >= f.from) &&
        (f.to === null || d.day <= f.to) &&
        matchesText(d.text, parsed.query),
    )
    .map((d) => d.id)
}

function httpSource(base: string): IndexSource & { downloaded: () => number } {
  let downloaded = 0
  const get = async (file: string) => {
    // A kept-alive socket the server has just closed fails once: try again on a fresh one.
    let res: Response | undefined
    for (let attempt = 0; !res; attempt++) {
      try {
        res = await fetch(new URL(file, base))
      } catch (e) {
        if (attempt >= 3) throw e
      }
    }
    if (!res.ok) throw new Error(`${file}: HTTP ${res.status}`)
    const b = new Uint8Array(await res.arrayBuffer())
    downloaded += b.length
    return b
  }
  return {
    bytes: get,
    json: async (file) => JSON.parse(new TextDecoder().decode(await get(file))) as unknown,
    downloaded: () => downloaded,
  }
}

function fsSource(dir: string): IndexSource {
  return {
    bytes: (file) => Promise.resolve(new Uint8Array(fs.readFileSync(path.join(dir, file)))),
    json: (file) =>
      Promise.resolve(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as unknown),
  }
}

type Query = { label: string; q: string; filters: SearchFilters }

function querySet(docs: Doc[]): Query[] {
  const counts = new Map<string, number>()
  for (const d of docs) counts.set(d.category, (counts.get(d.category) ?? 0) + 1)
  const cats = [...counts].sort((a, b) => b[1] - a[1])
  const big = cats[0]?.[0] ?? null
  const mid = cats[Math.min(cats.length - 1, 20)]?.[0] ?? null
  const tagOf = docs.find((d) => d.category === mid)?.tags[0] ?? null
  const days = [...new Set(docs.map((d) => d.day))].sort()
  const day = days[Math.floor(days.length / 2)] ?? null
  const f = (x: Partial<SearchFilters>): SearchFilters => ({ ...NO_FILTERS, ...x })
  const plain = (label: string, q: string): Query => ({ label, q, filters: NO_FILTERS })
  return [
    plain('1 char, common', '市'),
    plain('1 char, rarer', '储'),
    plain('1 char, absent', '龘'),
    plain('2 chars, common', '市场'),
    plain('2 chars, rare', '东营'),
    plain('2 chars, mid', '光伏'),
    plain('3 chars, common', '分析师'),
    plain('3 chars, mid', '新能源'),
    plain('4+ chars, common', '数字化转型'),
    plain('4+ chars, mid', '新能源汽车'),
    plain('4+ chars, rare', '风电光伏储能'),
    plain('digits', '600'),
    plain('digits, decimal', '12.5%'),
    plain('Latin, absent', 'ETF'),
    plain('mixed', 'A股'),
    plain('two terms', '光伏 储能'),
    plain('two terms, common', '市场 企业'),
    plain('quoted', '"。 市场"'),
    plain('exclusion, short', '光伏 -储能'),
    plain('exclusion, long', '芯片 -"分析师认为"'),
    { label: 'category (largest)', q: '市场', filters: f({ category: big }) },
    { label: 'category + tag', q: '企业', filters: f({ category: mid, tag: tagOf }) },
    { label: 'one day', q: '光伏', filters: f({ from: day, to: day }) },
    { label: '4+ chars, one day', q: '新能源汽车', filters: f({ from: day, to: day }) },
  ]
}

type SizeResult = {
  size: number
  build: ReturnType<typeof buildBundle>
  inc: ReturnType<typeof buildBundle>
  indexBytes: number
  textBytes: number
  rewritten: number
  indexAfter: number
  files: number
  headBytes: number
  rows: string[][]
  latencies: number[]
  bytes: number[]
  diffs: string[]
  load: string
}

async function benchSize(size: number): Promise<SizeResult> {
  const root = path.resolve(DATA, `search-${size}`)
  const site = path.join(root, 'site')
  const out = path.join(root, 'feed')
  const state = path.join(root, 'state', 'build-state')
  if (!fs.existsSync(path.join(site, '.done'))) {
    log(`generating ${size} posts…`)
    fs.rmSync(site, { recursive: true, force: true })
    generateArchive({ count: size, dir: site, seed: 1 })
    fs.writeFileSync(path.join(site, '.done'), '')
  }
  // Extra posts of an earlier run are removed: every run starts from the same archive.
  const extraNames = path.join(root, 'extra-names.json')
  if (fs.existsSync(extraNames))
    for (const n of JSON.parse(fs.readFileSync(extraNames, 'utf8')) as string[])
      fs.rmSync(path.join(site, '_posts', n), { force: true })
  fs.rmSync(out, { recursive: true, force: true })
  fs.rmSync(path.dirname(state), { recursive: true, force: true })
  fs.mkdirSync(path.dirname(state), { recursive: true })
  log(`clean build of ${size} posts (load ${load()})…`)
  const build = buildBundle(site, out, state)
  const searchDir = path.join(out, 'search')
  const before = files(searchDir)
  const indexBytes = total(before)
  log(`reading ${size} articles for the brute-force scan…`)
  const docs = scanDocs(out)
  const textBytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0)
  const server = await startStaticServer({ root: searchDir, feedDir: out })
  const base = `${server.url}/feed/search/`
  const headBytes = fs.statSync(path.join(out, SEARCH_INDEX_FILE)).size
  const rows: string[][] = []
  const latencies: number[] = []
  const bytes: number[] = []
  const diffs: string[] = []
  try {
    for (const query of querySet(docs)) {
      const parsed = parseQuery(query.q)
      if (!parsed.ok) throw new Error(query.q)
      // First screen over HTTP, as the app does it: the head, then one screenful.
      let first = { ms: 0, bytes: 0, hits: 0, found: 0, counted: false }
      const ms: number[] = []
      for (let r = 0; r < runs; r++) {
        const src = httpSource(base)
        const t0 = performance.now()
        const index = parseIndex(await src.json('index.json'))
        const s = new IndexSearch(
          src,
          index,
          parsed.query,
          query.filters,
          undefined,
          src.downloaded,
        )
        const screen = await s.next()
        const t = performance.now() - t0
        ms.push(t)
        latencies.push(t)
        bytes.push(src.downloaded())
        first = {
          ms: t,
          bytes: src.downloaded(),
          hits: screen.hits.length,
          found: screen.found,
          counted: screen.counted,
        }
      }
      // Exactness: the whole result list, drained from the files, against the scan.
      const want = bruteForce(docs, query.q, query.filters)
      const index = parseIndex(
        JSON.parse(fs.readFileSync(path.join(out, SEARCH_INDEX_FILE), 'utf8')),
      )
      const s = new IndexSearch(fsSource(searchDir), index, parsed.query, query.filters, Infinity)
      const got: string[] = []
      let found = 0
      for (;;) {
        const screen = await s.next(2000)
        got.push(...screen.hits.map((h) => h.id))
        found = screen.found
        if (screen.done) break
      }
      const wantSet = new Set(want)
      const gotSet = new Set(got)
      const tp = got.filter((id) => wantSet.has(id)).length
      const recall = want.length ? tp / want.length : 1
      const precision = got.length ? tp / gotSet.size : 1
      const ordered = got.length === want.length && got.every((id, i) => id === want[i])
      if (!ordered || found !== want.length)
        diffs.push(
          `${query.label} (${query.q}): scan ${want.length}, index ${got.length} (count ${found}); ` +
            `missing ${want
              .filter((id) => !gotSet.has(id))
              .slice(0, 5)
              .join(' ')}; ` +
            `extra ${got
              .filter((id) => !wantSet.has(id))
              .slice(0, 5)
              .join(' ')}`,
        )
      const f = query.filters
      const filt = [
        f.category && 'category',
        f.tag && 'tag',
        (f.from || f.to) && `${f.from}…${f.to}`,
      ]
        .filter(Boolean)
        .join(', ')
      rows.push([
        query.label,
        `\`${query.q}\`${filt ? ` (${filt})` : ''}`,
        want.length.toLocaleString('en-US'),
        recall.toFixed(3),
        precision.toFixed(3),
        `${first.hits}`,
        first.counted
          ? `${first.found.toLocaleString('en-US')}`
          : `≥ ${first.found.toLocaleString('en-US')} (counting)`,
        `${percentile(ms, 50).toFixed(1)}`,
        `${(first.bytes / 1000).toFixed(1)}`,
      ])
      log(`  ${query.label}: ${rows.at(-1)!.slice(2).join(' | ')}`)
    }
  } finally {
    await server.close()
  }
  // +100 posts, dated after the archive's last one, and an incremental build.
  const extra = path.join(root, 'extra')
  fs.rmSync(extra, { recursive: true, force: true })
  generateArchive({ count: 100, dir: extra, seed: 2, start: '2031-01-01' })
  const names = fs.readdirSync(path.join(extra, '_posts'))
  fs.writeFileSync(extraNames, JSON.stringify(names))
  for (const n of names)
    fs.copyFileSync(path.join(extra, '_posts', n), path.join(site, '_posts', n))
  log(`incremental build, +100 posts (load ${load()})…`)
  const inc = buildBundle(site, out, state)
  const after = files(searchDir)
  let rewritten = 0
  for (const [p, f] of after) {
    const b = before.get(p)
    if (!b || b.mtimeMs !== f.mtimeMs || b.size !== f.size) rewritten += f.size
  }
  for (const n of names) fs.rmSync(path.join(site, '_posts', n), { force: true })
  return {
    size,
    build,
    inc,
    indexBytes,
    textBytes,
    rewritten,
    indexAfter: total(after),
    files: after.size,
    headBytes,
    rows,
    latencies,
    bytes,
    diffs,
    load: load(),
  }
}

const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`

async function main() {
  const results: SizeResult[] = []
  for (const size of sizes) {
    results.push(await benchSize(size))
    // Each size's report as soon as it is done (a later size may take long, or fail).
    log(report(results.slice(-1)))
  }
  console.log(report(results))
}

function report(results: SizeResult[]): string {
  const lines: string[] = ['# Search benchmark', '']
  lines.push(
    markdownTable(
      ['figure', ...results.map((r) => `${r.size.toLocaleString('en-US')} posts`), 'floor'],
      [
        [
          'recall / precision (all queries)',
          ...results.map((r) => (r.diffs.length ? `${r.diffs.length} differ` : '1.0 / 1.0')),
          '1.0 / 1.0',
        ],
        [
          'first screen p95 (localhost)',
          ...results.map((r) => `${percentile(r.latencies, 95).toFixed(1)} ms`),
          '≤ 150 ms at 100,000',
        ],
        [
          'first screen median',
          ...results.map((r) => `${percentile(r.latencies, 50).toFixed(1)} ms`),
          '',
        ],
        [
          'downloaded per query p95',
          ...results.map((r) => `${(percentile(r.bytes, 95) / 1000).toFixed(1)} KB`),
          '≤ 300 KB at 100,000',
        ],
        [
          'downloaded per query median',
          ...results.map((r) => `${(percentile(r.bytes, 50) / 1000).toFixed(1)} KB`),
          '',
        ],
        [
          'index step in a clean build',
          ...results.map((r) => `${r.build.indexSeconds.toFixed(1)} s`),
          '≤ 60 s at 100,000',
        ],
        ['clean build (all of it)', ...results.map((r) => `${r.build.seconds.toFixed(1)} s`), ''],
        [
          'clean build peak RSS',
          ...results.map((r) => `${r.build.rssMb.toFixed(0)} MB`),
          '≤ 1 GB at 100,000',
        ],
        [
          '+100 posts: index bytes rewritten',
          ...results.map(
            (r) => `${mb(r.rewritten)} (${((100 * r.rewritten) / r.indexAfter).toFixed(2)} %)`,
          ),
          '≤ 5 %',
        ],
        [
          '+100 posts: incremental build',
          ...results.map(
            (r) =>
              `${r.inc.seconds.toFixed(1)} s (index step ${r.inc.indexSeconds.toFixed(1)} s), ${r.inc.rssMb.toFixed(0)} MB`,
          ),
          '≤ 5 s',
        ],
        [
          'index size (files)',
          ...results.map((r) => `${mb(r.indexBytes)} (${r.files.toLocaleString('en-US')} files)`),
          '',
        ],
        ['text covered (normalized, UTF-8)', ...results.map((r) => mb(r.textBytes)), ''],
        ['index / text', ...results.map((r) => (r.indexBytes / r.textBytes).toFixed(2)), ''],
        [
          'index head (search/index.json)',
          ...results.map((r) => `${(r.headBytes / 1000).toFixed(1)} KB`),
          '',
        ],
        ['load average (1, 5, 15 min)', ...results.map((r) => r.load), ''],
      ],
    ),
  )
  for (const r of results) {
    lines.push(
      '',
      `## ${r.size.toLocaleString('en-US')} posts: queries (first screen: median of ${runs} runs)`,
      '',
    )
    lines.push(
      markdownTable(
        [
          'query',
          'text',
          'matches (scan)',
          'recall',
          'precision',
          'first screen items',
          'count on first screen',
          'ms',
          'KB',
        ],
        r.rows,
      ),
    )
    if (r.diffs.length) lines.push('', 'Differences:', ...r.diffs.map((d) => `- ${d}`))
  }
  return lines.join('\n')
}

await main()
