// report.json and the summary line: every input file, imported or skipped with its reason.
import { BUNDLE_VERSION, type ReportEntry, type ReportFile } from '../shared/feed-bundle.ts'

export function reportFile(entries: ReportEntry[]): ReportFile {
  let imported = 0
  let warnings = 0
  for (const e of entries) {
    if (e.status === 'imported') imported++
    warnings += e.warnings?.length ?? 0
  }
  return {
    version: BUNDLE_VERSION,
    summary: { read: entries.length, imported, skipped: entries.length - imported, warnings },
    files: entries,
  }
}

export type BuildSummary = {
  read: number
  imported: number
  skipped: number
  warnings: number
  written: number
  unchanged: number
  deleted: number
  seconds: number
  /** Peak resident memory of the process so far, in MB (worker threads included). */
  maxRssMb: number
}

/** One line, readable and parseable (`key=value` pairs). */
export function summaryLine(s: BuildSummary): string {
  return (
    `feed: read=${s.read} imported=${s.imported} skipped=${s.skipped} warnings=${s.warnings}` +
    ` written=${s.written} unchanged=${s.unchanged} deleted=${s.deleted}` +
    ` seconds=${s.seconds.toFixed(2)} max_rss_mb=${Math.round(s.maxRssMb)}`
  )
}
