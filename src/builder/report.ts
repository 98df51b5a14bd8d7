// report.json and the summary line: every input file, imported or skipped with its reason, one
// entry per line (a million of them are written in chunks, never as one object tree).
import { BUNDLE_VERSION, type ReportFile } from '../shared/feed-bundle.ts'
import { DUPLICATE, IMPORTED, type Inputs } from './catalog.ts'

export type ReportSummary = ReportFile['summary']

export type BuildSummary = ReportSummary & {
  written: number
  unchanged: number
  deleted: number
  seconds: number
  /** Peak resident memory of the process so far, in MB. */
  maxRssMb: number
}

function warningsOf(inputs: Inputs, idNotes: ReadonlyMap<number, string>, i: number): string[] {
  const w = inputs.warnings.get(i) ?? []
  const note = inputs.status[i] === IMPORTED ? idNotes.get(i) : undefined
  return note ? [...w, note] : w
}

export function reportSummary(inputs: Inputs, idNotes: ReadonlyMap<number, string>): ReportSummary {
  let imported = 0
  let duplicates = 0
  let warnings = 0
  for (let i = 0; i < inputs.count; i++) {
    if (inputs.status[i] === IMPORTED) imported++
    else if (inputs.status[i] === DUPLICATE) duplicates++
    if (inputs.warnings.has(i) || idNotes.has(i)) warnings += warningsOf(inputs, idNotes, i).length
  }
  const read = inputs.count
  return { read, imported, skipped: read - imported, duplicates, warnings }
}

/** Characters JSON.stringify may escape: controls, quote, backslash, surrogates (lone ones). */
// eslint-disable-next-line no-control-regex -- the control characters are what it looks for
const ESCAPED = /[\u0000-\u001f"\\\ud800-\udfff]/

/** JSON.stringify(s), without its cost for the plain names nearly every post has. */
const jsonString = (s: string) => (ESCAPED.test(s) ? JSON.stringify(s) : `"${s}"`)

/**
 * report.json's bytes in chunks of about 256 KB: the summary, then one line per input file in
 * input order (a million lines are never one string).
 */
export function* reportChunks(
  inputs: Inputs,
  idNotes: ReadonlyMap<number, string>,
  summary: ReportSummary,
): Generator<Buffer> {
  yield Buffer.from(`{"version":${BUNDLE_VERSION},"summary":${JSON.stringify(summary)},"files":[\n`)
  let lines: string[] = []
  let chars = 0
  for (let i = 0; i < inputs.count; i++) {
    let line = `{"file":${jsonString(inputs.file(i))}`
    if (inputs.status[i] === IMPORTED)
      line += `,"status":"imported","id":${jsonString(inputs.ids[i] as string)}`
    else {
      line += `,"status":"skipped","reason":${JSON.stringify(inputs.reasons.get(i) ?? 'skipped')}`
      const first = inputs.duplicateOf.get(i)
      if (first !== undefined) line += `,"duplicate_of":${JSON.stringify(inputs.file(first))}`
    }
    if (inputs.warnings.has(i) || idNotes.has(i)) {
      const w = warningsOf(inputs, idNotes, i)
      if (w.length) line += `,"warnings":${JSON.stringify(w)}`
    }
    line += i + 1 < inputs.count ? '},\n' : '}\n'
    lines.push(line)
    chars += line.length
    if (chars >= 1 << 18) {
      yield Buffer.from(lines.join(''))
      lines = []
      chars = 0
    }
  }
  yield Buffer.from(`${lines.join('')}]}\n`)
}

/** The first `max` skipped files and their reasons, for the command line. */
export function firstSkipped(inputs: Inputs, max: number): { file: string; reason: string }[] {
  const out: { file: string; reason: string }[] = []
  for (let i = 0; i < inputs.count && out.length < max; i++)
    if (inputs.status[i] !== IMPORTED)
      out.push({ file: inputs.file(i), reason: inputs.reasons.get(i) ?? 'skipped' })
  return out
}

/** One line, readable and parseable (`key=value` pairs). */
export function summaryLine(
  s: BuildSummary,
  pages?: { pages: number; written: number; unchanged: number; deleted: number },
): string {
  return (
    `feed: read=${s.read} imported=${s.imported} skipped=${s.skipped} duplicates=${s.duplicates}` +
    ` warnings=${s.warnings} written=${s.written} unchanged=${s.unchanged} deleted=${s.deleted}` +
    (pages
      ? ` pages=${pages.pages} pages_written=${pages.written} pages_unchanged=${pages.unchanged} pages_deleted=${pages.deleted}`
      : '') +
    ` seconds=${s.seconds.toFixed(2)} max_rss_mb=${Math.round(s.maxRssMb)}`
  )
}
