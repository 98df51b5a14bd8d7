// The search index step on a thread of its own, for a big archive: it is the build's longest step
// and needs nothing but what the read phase left (the spool file, the article ids and digests, the
// order), so it runs while the build thread writes the lists and the static pages. Its files go
// through its own BundleWriter; what it emitted is handed back and merged when the build joins it.
// The worker runs ./worker.ts bundled by esbuild into one module (the launcher bundles it with the
// builder; elsewhere, as under vitest, it is bundled here on first use).
import { buildSync } from 'esbuild'
import { fileURLToPath } from 'node:url'
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads'
import { BuildError } from '../errors.ts'
import { TMP_DIR, type BundleWriter } from '../output.ts'
import { SEARCH_DIR } from '../../shared/search.ts'
import type { SpoolImage } from './spool.ts'
import type { SearchSegment } from '../../shared/search.ts'
import { segmentRows, segmentSize, type SearchStepContext, type SegmentHelper } from './write.ts'

/** What the worker gets. */
export type SearchJob = {
  out: string
  journal: string
  tmp: string
  previous: [string, Uint8Array][]
  ids: string[]
  contentHash: Uint32Array
  order: Uint32Array
  validate: boolean
  segmentSize: number | undefined
  spool: SpoolImage | null
  /** Only these segments (a helper's share), handed back instead of writing search/index.json. */
  segments?: number[]
}

/** What it hands back. */
export type SearchOutcome =
  | {
      emitted: [string, Uint8Array][]
      written: number
      unchanged: number
      changed: string[]
      segments?: [number, SearchSegment][]
    }
  | { error: string; build: boolean }

/** Set by the launcher (scripts/feed.mjs): the worker module it bundled with the builder. */
const LAUNCHER_KEY = Symbol.for('news-reader.search-worker')
let bundled: URL | undefined

function workerUrl(): URL {
  const fromLauncher = (globalThis as Record<symbol, unknown>)[LAUNCHER_KEY]
  if (typeof fromLauncher === 'string') return new URL(fromLauncher)
  if (!bundled) {
    const r = buildSync({
      entryPoints: [fileURLToPath(new URL('./worker.ts', import.meta.url))],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'warning',
    })
    const code = Buffer.from(r.outputFiles[0]!.contents).toString('base64')
    bundled = new URL(`data:text/javascript;base64,${code}`)
  }
  return bundled
}

/**
 * How the index step uses threads (decision 028). On a thread of its own, beside the static pages,
 * when asked (the option or FEED_SEARCH_THREAD=1: it costs memory). Else a helper thread takes
 * every other segment to write (FEED_SEARCH_HELPER=0 or 1 decides), by default unless the static
 * pages are written: their build must stay under 512 MB, which the helper's memory would break.
 */
export function searchThreads(
  o: { searchThread?: boolean; searchHelper?: boolean; appDir?: string },
  journal: string,
): { searchThread?: string; searchHelper?: string } {
  const env = (v?: string) => (v === '0' || v === '1' ? v === '1' : undefined)
  if (env(process.env.FEED_SEARCH_THREAD) ?? o.searchThread) return { searchThread: journal }
  if (env(process.env.FEED_SEARCH_HELPER) ?? o.searchHelper ?? o.appDir === undefined)
    return { searchHelper: journal }
  return {}
}

/**
 * Starts the step on a worker; the returned function waits for it and merges what it wrote into
 * the build's writer (or throws its failure).
 */
export function startSearchThread(ctx: SearchStepContext, journal: string): () => void {
  const join = start(ctx, journal, undefined)
  return () => void join()
}

/** A helper thread for a share of the segments (see writeSearchIndex). */
export function segmentHelper(ctx: SearchStepContext, journal: string): SegmentHelper {
  return (ks) => {
    const join = start(ctx, journal, ks)
    return () => join().segments ?? []
  }
}

function start(ctx: SearchStepContext, journal: string, segments: number[] | undefined) {
  const { port1, port2 } = new MessageChannel()
  const ctl = new Int32Array(new SharedArrayBuffer(4))
  const job: SearchJob = {
    out: ctx.writer.root,
    journal,
    tmp: `${TMP_DIR}/search`,
    previous: searchDigests(ctx),
    ids: segments ? unspooledIds(ctx, segments) : ctx.articles.ids.slice(0, ctx.plan.order.length),
    contentHash: ctx.articles.contentHash,
    order: ctx.plan.order,
    validate: ctx.validate,
    segmentSize: ctx.segmentSize,
    spool: ctx.spool?.image() ?? null,
    ...(segments && { segments }),
  }
  // Content files the index may read back must be on disk first.
  ctx.writer.flush()
  const worker = new Worker(workerUrl(), {
    workerData: { job, port: port2, ctl },
    transferList: [port2],
    // It runs beside the build thread's work: a small young generation keeps the two within budget.
    resourceLimits: { maxYoungGenerationSizeMb: 8 },
  })
  worker.unref()
  return () => {
    while (Atomics.load(ctl, 0) === 0) Atomics.wait(ctl, 0, 0, 1000)
    const outcome = receiveMessageOnPort(port1)?.message as SearchOutcome | undefined
    port1.close()
    void worker.terminate()
    if (!outcome) throw new Error('the search index thread stopped without an answer')
    if ('error' in outcome)
      throw outcome.build ? new BuildError(outcome.error) : new Error(outcome.error)
    merge(ctx.writer, outcome)
    return outcome
  }
}

/**
 * The ids a helper needs: of its segments' articles that are not in the spool (a clean build's
 * are all there, in their documents). Sparse: a million ids would cost the helper 50 MB.
 */
function unspooledIds(ctx: SearchStepContext, segments: number[]): string[] {
  const ids: string[] = []
  const size = segmentSize(ctx)
  for (const k of segments)
    for (const a of segmentRows(ctx.plan.order, k, size))
      if (!ctx.spool?.has(a)) ids[a] = ctx.articles.ids[a] as string
  return ids
}

/** The last build's digests of the search index's files. */
function searchDigests(ctx: SearchStepContext): [string, Uint8Array][] {
  const out: [string, Uint8Array][] = []
  for (const p of ctx.previousPaths?.() ?? []) {
    if (!p.startsWith(`${SEARCH_DIR}/`)) continue
    const d = ctx.previous(p)?.digest
    if (d) out.push([p, d])
  }
  return out
}

function merge(writer: BundleWriter, outcome: Extract<SearchOutcome, { emitted: unknown }>): void {
  for (const [p, d] of outcome.emitted) writer.emitted.set(p, Buffer.from(d))
  for (const p of outcome.changed) writer.changed.add(p)
  writer.written += outcome.written
  writer.unchanged += outcome.unchanged
}
