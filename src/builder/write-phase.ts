// The write phase: output steps run in order, each writing only files whose bytes changed. Files
// that point at others come last (numbered pages, then the heads of category and tag feeds, the
// directories, the search index, the archive's feed.json, the report), so a deployed folder never
// points at a file that is not there yet. While the search index is written (on its own thread for
// a big archive, ./search-index/thread.ts), the build thread runs `whileIndexing`: the static pages.
import * as v from 'valibot'
import {
  BUNDLE_VERSION,
  type BundlePage,
  CategoriesPageSchema,
  ReportFileSchema,
  TagsPageSchema,
  describeIssues,
} from '../shared/feed-bundle.ts'
import type { Articles, Inputs } from './catalog.ts'
import { CATEGORIES_FILE, TAGS_FILE, directoryPages } from './directory.ts'
import type { ItemStore } from './item-store.ts'
import type { BundleWriter } from './output.ts'
import { pageBytes } from './pages.ts'
import type { Plan, PlannedPage } from './plan.ts'
import type { Progress } from './progress.ts'
import { reportChunks, type ReportSummary } from './report.ts'
import type { SearchSpool } from './search-index/spool.ts'
import { segmentHelper, startSearchThread } from './search-index/thread.ts'
import { writeSearchIndex } from './search-index/write.ts'
import { utf8Text } from './utf8.ts'

export type WriteContext = {
  writer: BundleWriter
  articles: Articles
  store: ItemStore
  plan: Plan
  inputs: Inputs
  idNotes: ReadonlyMap<number, string>
  summary: ReportSummary
  /** What the last build wrote at a path, when that can be trusted. */
  previous: (path: string) => { digest: Buffer; fingerprint: Buffer | undefined } | undefined
  homePageUrl: string | undefined
  validate: boolean
  progress: Progress
  /** The bundle folder. */
  out: string
  /** The search documents of the posts this build parsed (./search-index/spool.ts). */
  spool: SearchSpool | null
  /** Articles per search segment, for tests (default SEGMENT_SIZE). */
  segmentSize?: number
  /** The paths the last build wrote (handed to the search thread). */
  previousPaths?: () => Iterable<string>
  /** The build's journal file, when the search index runs on its own thread. */
  searchThread?: string
  /** The build's journal file, when a helper thread may write a share of the search segments. */
  searchHelper?: string
  /**
   * Runs once the lists and directories are on disk, while the search index is written: `head`
   * is the archive's feed.json as it is about to be written, `changed` the bundle paths that
   * changed (feed.json among them when it will).
   */
  whileIndexing?: (head: BundlePage, changed: ReadonlySet<string>) => void
}

export type OutputStep = (ctx: WriteContext) => void

/** A check of `value()` against the schema, run only when the file is about to be written. */
function checker(ctx: WriteContext, schema: v.GenericSchema, path: string, value: () => unknown) {
  if (!ctx.validate) return undefined
  return () => {
    const r = v.safeParse(schema, value())
    if (!r.success)
      throw new Error(`${path} does not match the bundle schema: ${describeIssues(r.issues)}`)
  }
}

/** Pages made before their turn (the archive's head, for the static pages). */
const made = new WeakMap<PlannedPage, Buffer>()
const bytesOf = (ctx: WriteContext, page: PlannedPage) =>
  pageBytes(page, ctx.articles, ctx.store, ctx.homePageUrl, ctx.validate)

/** Writes the pages whose fingerprint changed, keeps the others. */
function writePages(ctx: WriteContext, pages: readonly PlannedPage[]): void {
  const { writer } = ctx
  const changed = pages.filter((p) => !ctx.previous(p.path)?.fingerprint?.equals(p.fingerprint))
  writer.journal(changed.map((p) => p.path))
  let done = 0
  for (const page of pages) {
    if (++done % 256 === 0) ctx.progress.update(done, pages.length, 'writing lists')
    const before = ctx.previous(page.path)
    if (before?.fingerprint?.equals(page.fingerprint)) writer.keep(page.path, before.digest)
    else {
      const bytes = made.get(page) ?? bytesOf(ctx, page)
      // A page's bytes follow from its fingerprint: it stands for them (no hash of 100 KB pages),
      // except for the archive's feed.json, whose real digest tells whether --out was replaced.
      const digest = page.path === 'feed.json' ? undefined : page.fingerprint
      writer.write(page.path, bytes, before?.digest, undefined, digest)
    }
  }
}

const numberedPages: OutputStep = (ctx) =>
  writePages(
    ctx,
    ctx.plan.pages.filter((p) => !p.head),
  )

const feedHeads: OutputStep = (ctx) =>
  writePages(
    ctx,
    ctx.plan.pages.filter((p) => p.head && p.feed.dir !== ''),
  )

const directories: OutputStep = (ctx) => {
  for (const [head, entries, schema] of [
    [CATEGORIES_FILE, ctx.plan.categories, CategoriesPageSchema],
    [TAGS_FILE, ctx.plan.tags, TagsPageSchema],
  ] as const) {
    const files = directoryPages(head, entries)
    ctx.writer.journal(files.map((f) => f.path))
    // The head last: it points at the others.
    for (const f of files.reverse())
      ctx.writer.write(
        f.path,
        f.text,
        ctx.previous(f.path)?.digest,
        checker(ctx, schema, f.path, () => JSON.parse(f.text)),
      )
  }
}

const archiveHead: OutputStep = (ctx) =>
  writePages(
    ctx,
    ctx.plan.pages.filter((p) => p.head && p.feed.dir === ''),
  )

const report: OutputStep = (ctx) => {
  ctx.writer.journal(['report.json'])
  // Entries are strings put together by reportBytes(): the summary is what can go wrong.
  const check = checker(ctx, ReportFileSchema, 'report.json', () => ({
    version: BUNDLE_VERSION,
    summary: ctx.summary,
    files: [],
  }))
  check?.()
  const chunks = reportChunks(ctx.inputs, ctx.idNotes, ctx.summary)
  ctx.writer.writeChunks('report.json', chunks, ctx.previous('report.json')?.digest)
}

/**
 * The search index: segments, then search/index.json, before the feed.json that points at it;
 * `whileIndexing` runs meanwhile.
 */
function searchIndex(ctx: WriteContext): void {
  const join = ctx.searchThread ? startSearchThread(ctx, ctx.searchThread) : null
  if (!join)
    writeSearchIndex(ctx, ctx.searchHelper ? segmentHelper(ctx, ctx.searchHelper) : undefined)
  if (ctx.whileIndexing) {
    const page = ctx.plan.pages.find((p) => p.head && p.feed.dir === '')
    if (!page) throw new Error('the plan has no feed.json')
    const bytes = bytesOf(ctx, page)
    made.set(page, bytes)
    ctx.writer.idle()
    const changed = new Set(ctx.writer.changed)
    if (!ctx.previous(page.path)?.fingerprint?.equals(page.fingerprint)) changed.add(page.path)
    ctx.whileIndexing(JSON.parse(utf8Text(bytes)) as BundlePage, changed)
  }
  join?.()
}

/** The bundle's output steps, in the order that keeps a deployed folder consistent. */
export const OUTPUT_STEPS: readonly OutputStep[] = [
  numberedPages,
  feedHeads,
  directories,
  searchIndex,
  archiveHead,
  report,
]

export function writePhase(ctx: WriteContext, steps: readonly OutputStep[] = OUTPUT_STEPS): void {
  for (const step of steps) step(ctx)
  ctx.progress.done()
}
