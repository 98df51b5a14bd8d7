// The benchmark's one table, as Markdown (readable in a terminal, pasted as is into the README),
// and the "where the time goes" detail of the median slow-link run.
import type { AppBenchResult, LoadRun } from '../app-bench.ts'
import type { BudgetReport } from '../../scripts/check-budgets.ts'
import { median, medianIndex } from './stats.ts'

export type Row = {
  metric: string
  /** One cell per archive size, or a single value spanning them. */
  values: string[]
  ratio?: string
  floor: string
  ok?: boolean | null
}

export const kb = (bytes: number) =>
  Number.isFinite(bytes) ? `${(bytes / 1000).toFixed(1)} KB` : '–'
export const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(v < 100 ? 1 : 0)} ms` : '–')
const fmt = (n: number) => n.toLocaleString('en-US')

export function markdownTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}

export function renderRows(sizes: number[], rows: Row[]): string {
  const headers = ['metric', ...sizes.map((s) => `${fmt(s)} posts`), 'ratio', 'floor', '']
  return markdownTable(
    headers,
    rows.map((r) => {
      const cells =
        r.values.length === 1 ? sizes.map((_, i) => (i === 0 ? r.values[0]! : '″')) : r.values
      const verdict = r.ok === undefined || r.ok === null ? '' : r.ok ? '✓' : '✗'
      return [r.metric, ...cells, r.ratio ?? '', r.floor, verdict]
    }),
  )
}

export function byteRows(b: BudgetReport, feedHead: number[]): Row[] {
  return [
    {
      metric: 'initial JS+CSS of the list route (gzip)',
      values: [`${kb(b.initial.gzip)} (JS ${kb(b.initial.jsGzip)}, CSS ${kb(b.initial.cssGzip)})`],
      floor: '≤ 110 KB',
      ok: b.initial.gzip <= 110_000,
    },
    {
      metric: 'article route chunk (gzip)',
      values: [b.article ? kb(b.article.gzip) : 'not lazy'],
      floor: '≤ 15 KB',
      ok: !!b.article && b.article.gzip <= 15_000,
    },
    {
      metric: 'DOMPurify',
      values: [b.domPurifyInInitial ? 'in the initial chunks' : 'article chunk only'],
      floor: 'article only',
      ok: !b.domPurifyInInitial,
    },
    { metric: 'feed head page feed.json (gzip)', values: feedHead.map(kb), floor: '' },
  ]
}

export function appRows(r: AppBenchResult): Row[] {
  const rows: Row[] = []
  const [small, large] = [r.sizes[0]!, r.sizes[r.sizes.length - 1]!]
  const med = (runs: LoadRun[] | undefined) => median((runs ?? []).map((x) => x.ms))
  for (const profile of ['localhost', 'faster3g'] as const) {
    const vals = r.sizes.map((s) => med(r.firstList[profile][s]))
    const ratio = vals[vals.length - 1]! / vals[0]!
    const slow = profile === 'faster3g'
    rows.push({
      metric: `first list <article> painted, ${slow ? 'Faster 3G + 4× CPU' : 'localhost'}`,
      values: vals.map(ms),
      ratio: `${ratio.toFixed(2)}× (${fmt(large)}/${fmt(small)})`,
      floor: slow ? '≤ 1,600 ms; ≤ 1.15×' : '≤ 1.15×',
      ok: ratio <= 1.15 && (!slow || Math.max(...vals) <= 1600),
    })
  }
  const nav = median(r.navigation.map((n) => n.titleMs))
  rows.push({
    metric: 'client navigation, click → article <h1> painted',
    values: [ms(nav)],
    floor: '≤ 100 ms',
    ok: nav <= 100,
  })
  rows.push({
    metric: 'client navigation, click → article body in the DOM',
    values: [ms(median(r.navigation.map((n) => n.bodyMs ?? NaN)))],
    floor: '',
  })
  for (const profile of ['localhost', 'faster3g'] as const) {
    const runs = r.deepLink[profile]
    rows.push({
      metric: `cold deep link, <h1> painted / body in the DOM, ${profile === 'faster3g' ? 'Faster 3G + 4× CPU' : 'localhost'}`,
      values: [
        `${ms(median(runs.map((x) => x.titleMs)))} / ${ms(median(runs.map((x) => x.bodyMs ?? NaN)))}`,
      ],
      floor: '',
    })
  }
  const s = r.scroll
  const loaded = median(s.map((x) => x.loaded))
  const dom = median(s.map((x) => x.articlesInDom))
  const heap = median(s.map((x) => x.heapBytes))
  const p95 = median(s.map((x) => x.frameP95))
  const note = `, ${fmt(loaded)} items loaded`
  rows.push({
    metric: `<article> in the DOM${note}`,
    values: [fmt(dom)],
    floor: '≤ 150',
    ok: dom <= 150,
  })
  rows.push({
    metric: `JS heap after GC${note}`,
    values: [`${(heap / 1e6).toFixed(1)} MB`],
    floor: '≤ 80 MB',
    ok: heap <= 80e6,
  })
  rows.push({
    metric: `p95 frame time, scripted scroll${note}`,
    values: [ms(p95)],
    floor: '≤ 20 ms',
    ok: p95 <= 20,
  })
  if (loaded < r.scrollSize) rows[rows.length - 1]!.ok = false
  return rows
}

/** Where the time of the median run goes: requests, bytes and main-thread work. */
export function waterfall(title: string, runs: LoadRun[]): string {
  const run = runs[medianIndex(runs.map((x) => x.ms))]
  if (!run) return ''
  const rows = run.resources.map((x) => [
    x.name.length > 48 ? `…${x.name.slice(-47)}` : x.name,
    x.initiator,
    ms(x.start),
    ms(x.responseStart),
    ms(x.end),
    x.transfer ? fmt(x.transfer) : '–',
  ])
  const bytes = run.resources.reduce((n, x) => n + (x.transfer || 0), 0)
  const main = Object.entries(run.mainThread)
    .map(([k, v]) => `${k.replace('Duration', '')} ${fmt(v)} ms`)
    .join(', ')
  return [
    `${title}: first <article> in the DOM at ${ms(run.domMs)}, painted by ${ms(run.ms)}; first contentful paint ${run.fcp === null ? '–' : ms(run.fcp)}`,
    `${run.resources.length} requests, ${fmt(bytes)} bytes on the wire; feed head requested ${run.feedHeadRequests}×; main thread: ${main}; ${run.longTasks} long tasks`,
    '',
    markdownTable(['request', 'initiator', 'start', 'first byte', 'end', 'bytes'], rows),
    ...(run.warnings.length ? ['', 'console warnings:', ...run.warnings.map((w) => `- ${w}`)] : []),
  ].join('\n')
}
