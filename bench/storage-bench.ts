// `npm run bench:storage`: how much localStorage 100,000 read marks take, and what checking the read
// state of a 50-item list page costs once they are loaded. Prints a Markdown table (stdout).
//   npx tsx bench/storage-bench.ts [--marks 100000] [--runs 501] [--quick]
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import {
  encodeReadMarks,
  decodeReadMarks,
  type ReadMark,
} from '../src/features/reading-state/read-marks-codec.ts'
import { ReadMarks, TICK_MS, withRead } from '../src/features/reading-state/read-marks-store.ts'
import { markKey } from '../src/features/reading-state/read-marks-codec.ts'

const { values: args } = parseArgs({
  options: {
    marks: { type: 'string' },
    runs: { type: 'string' },
    quick: { type: 'boolean', default: false },
  },
})
const N = Number(args.marks ?? (args.quick ? 10_000 : 100_000))
const RUNS = Number(args.runs ?? (args.quick ? 51 : 501))
const PAGE = 50

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] ?? NaN
}

/** Deterministic pseudo-random numbers, so every run measures the same data. */
function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0
    return s / 2 ** 32
  }
}

type Scenario = { name: string; ids: string[] }

/** Archive ids (date + a growing counter, ~1M a day), reading ~274 a day for a year. */
function archiveIds(n: number): string[] {
  const r = rng(1)
  const ids: string[] = []
  let counter = 2_400_000_000
  const day0 = Date.UTC(2025, 0, 1)
  for (let i = 0; i < n; i++) {
    counter += 500 + Math.floor(r() * 6_000)
    const ymd = new Date(day0 + Math.floor((i * 365) / n) * 86_400_000).toISOString().slice(0, 10)
    ids.push(ymd.replaceAll('-', '') + String(counter))
  }
  return ids
}

/** Random 18-digit ids: the worst case for numeric ids. */
function randomNumericIds(n: number): string[] {
  const r = rng(2)
  return Array.from(
    { length: n },
    () =>
      String(100_000_000 + Math.floor(r() * 899_999_999)) +
      String(Math.floor(r() * 1e9)).padStart(9, '0'),
  )
}

/** Any JSON Feed: ids that are URLs (stored as 50-bit hashes). */
function urlIds(n: number): string[] {
  return Array.from(
    { length: n },
    (_, i) => `https://news.example.org/2025/${i % 365}/story-${i}-${(i * 2654435761) % 1e6}.html`,
  )
}

function build(ids: string[]): Map<string, ReadMark> {
  const r = rng(3)
  const t0 = Math.floor(Date.UTC(2025, 0, 1) / TICK_MS)
  const m = new Map<string, ReadMark>()
  ids.forEach((id, i) => {
    // Read within three days of publication; categories Zipf-like over 2,000 sources.
    const t = t0 + Math.floor((i * 52_560) / ids.length) + Math.floor(r() * 432)
    const c = `source${Math.floor(2_000 ** r())}`
    m.set(markKey(id), { read: r() > 0.01, t, c })
  })
  return m
}

const scenarios: Scenario[] = [
  { name: 'archive ids (18 digits)', ids: archiveIds(N) },
  { name: 'random 18-digit ids', ids: randomNumericIds(N) },
  { name: 'URL ids (hashed)', ids: urlIds(N) },
]

const rows: string[] = []
for (const sc of scenarios) {
  const marks = build(sc.ids)
  const raw = encodeReadMarks(marks)
  const encodeMs: number[] = []
  const decodeMs: number[] = []
  for (let i = 0; i < (args.quick ? 3 : 9); i++) {
    let a = performance.now()
    encodeReadMarks(marks)
    encodeMs.push(performance.now() - a)
    a = performance.now()
    decodeReadMarks(raw)
    decodeMs.push(performance.now() - a)
  }
  const state = new ReadMarks(decodeReadMarks(raw).value)
  // A list page: 50 consecutive ids, half of them read, plus ids never seen.
  const r = rng(4)
  const pages = Array.from({ length: 64 }, () => {
    const start = Math.floor(r() * (sc.ids.length - PAGE))
    return sc.ids.slice(start, start + PAGE).map((id, i) => (i % 2 ? id : `${id}x`))
  })
  const pageMs: number[] = []
  let sink = 0
  for (let run = 0; run < RUNS; run++) {
    const a = performance.now()
    for (const page of pages) for (const id of page) if (state.markOf(id)?.read) sink++
    pageMs.push((performance.now() - a) / pages.length)
  }
  if (sink === 0) throw new Error('lookups found nothing: the benchmark is broken')
  const toggleMs: number[] = []
  for (let i = 0; i < (args.quick ? 3 : 9); i++) {
    const a = performance.now()
    encodeReadMarks(withRead(state, [{ id: `new-${i}` }], true))
    toggleMs.push(performance.now() - a)
  }
  const utf8 = Buffer.byteLength(raw, 'utf8')
  rows.push(
    `| ${sc.name} | ${N.toLocaleString('en')} | ${utf8.toLocaleString('en')} | ${(utf8 / N).toFixed(2)} | ${(raw.length * 2).toLocaleString('en')} | ${(median(pageMs) * 1000).toFixed(1)} µs | ${median(decodeMs).toFixed(1)} ms | ${median(encodeMs).toFixed(1)} ms | ${median(toggleMs).toFixed(1)} ms |`,
  )
}

console.log(
  [
    `Node ${process.version}, ${N.toLocaleString('en')} read marks with time and category; page lookup = median of ${RUNS} runs over 64 pages of ${PAGE} ids (half read); load/save/toggle = median of ${args.quick ? 3 : 9}.`,
    '',
    '| ids | marks | stored bytes (UTF-8, ASCII) | bytes per mark | UTF-16 bytes | 50-item page lookup | load (decode) | save (encode) | toggle one + save |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n'),
)
