// lstat of every input an incremental build compares with the last build's: a million posts are a
// million system calls, the largest cost of adding a few posts to a big archive. A worker thread
// takes the second half of the list while this thread does the first (two cores).
import { workerCode } from './worker-code.ts'
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads'

/** What lstat found: nothing there, a regular file, a symbolic link, something else, an error. */
export const MISSING = 0
export const FILE = 1
export const LINK = 2
export const OTHER = 3
export const FAILED = 4

export type StatList = {
  kind: Uint8Array
  size: Float64Array
  mtimeMs: Float64Array
  /** The error code (or message) of each FAILED entry. */
  errors: Map<number, string>
}

/** Below this many files, starting a thread costs more than it saves. */
const SHARE_FROM = 20_000

// Plain JavaScript evaluated in the workers (as ./write-queue.ts's): the same under every runner,
// and the same code on this thread (statRange). `paths[i - offset]` is entry i's path.
export const STAT_RANGE = `(paths, offset, kind, size, mtimeMs, from, to, errors, ctl) => {
  for (let i = from; i < to; i++) {
    if (ctl) Atomics.store(ctl, 2, i + 1)
    try {
      const s = fs.lstatSync(paths[i - offset], { throwIfNoEntry: false })
      kind[i] = ${MISSING}
      if (!s) continue
      kind[i] = s.isSymbolicLink() ? ${LINK} : s.isFile() ? ${FILE} : ${OTHER}
      size[i] = s.size
      mtimeMs[i] = s.mtimeMs
    } catch (e) {
      kind[i] = ${FAILED}
      errors.push([i, (e && e.code) || (e && e.message) || String(e)])
    }
  }
}`
const WORKER = `
const fs = require('node:fs')
const { workerData } = require('node:worker_threads')
const { paths, kind, size, mtimeMs, from, ctl, port } = workerData
const errors = []
try {
  (${STAT_RANGE})(paths, from, kind, size, mtimeMs, from, from + paths.length, errors, ctl)
} catch (e) {
  Atomics.store(ctl, 1, 1)
} finally {
  port.postMessage(errors)
  Atomics.store(ctl, 0, 1)
  Atomics.notify(ctl, 0)
}
`
/** STAT_RANGE on this thread: entries `from` to `to` of `paths`. */
export const statRange =
  workerCode<
    (
      paths: readonly string[],
      offset: number,
      kind: Uint8Array,
      size: Float64Array,
      mtimeMs: Float64Array,
      from: number,
      to: number,
      errors: [number, string][],
      ctl: Int32Array | null,
    ) => void
  >(STAT_RANGE)

/**
 * A worker that has not begun after START_MS, or has not moved on for STALL_MS, is given up on
 * (its half is done here). It may have died before it could say so.
 */
const START_MS = 5_000
const STALL_MS = 30_000

/** lstat of each path, in order; what it found is in the returned columns. */
export function lstatAll(paths: readonly string[], shareFrom = SHARE_FROM): StatList {
  const n = paths.length
  const kind = new Uint8Array(new SharedArrayBuffer(n))
  const size = new Float64Array(new SharedArrayBuffer(n * 8))
  const mtimeMs = new Float64Array(new SharedArrayBuffer(n * 8))
  const errors: [number, string][] = []
  const half = n >= shareFrom ? n >> 1 : n
  const worker = half < n ? startWorker(paths, kind, size, mtimeMs, half) : null
  statRange(paths, 0, kind, size, mtimeMs, 0, worker ? half : n, errors, null)
  if (worker) {
    const theirs = worker()
    if (theirs) errors.push(...theirs)
    // The thread could not finish (it failed to start or ran out of memory): do its half here.
    else statRange(paths, 0, kind, size, mtimeMs, half, n, errors, null)
  }
  return { kind, size, mtimeMs, errors: new Map(errors) }
}

/** Starts the second half on a worker; the returned function waits for it (null: do it here). */
function startWorker(
  paths: readonly string[],
  kind: Uint8Array,
  size: Float64Array,
  mtimeMs: Float64Array,
  from: number,
): () => [number, string][] | null {
  // [done, failed, how far it got]
  const ctl = new Int32Array(new SharedArrayBuffer(12))
  const { port1, port2 } = new MessageChannel()
  let worker: Worker
  try {
    // The worker gets its paths and the whole columns: it writes at the list's indexes.
    worker = new Worker(WORKER, {
      eval: true,
      workerData: { paths: paths.slice(from), kind, size, mtimeMs, from, ctl, port: port2 },
      transferList: [port2],
      resourceLimits: { maxYoungGenerationSizeMb: 4 },
    })
  } catch {
    return () => null
  }
  const started = performance.now()
  // Its failures are seen below (it never says it is done); none is thrown at this thread.
  worker.on('error', () => {})
  worker.unref()
  return () => {
    const finished = awaitWorker(ctl, started, START_MS, STALL_MS)
    const errors = receiveMessageOnPort(port1)?.message as [number, string][] | undefined
    port1.close()
    if (!finished) void worker.terminate()
    if (!finished || Atomics.load(ctl, 1) !== 0 || !errors) return null
    return errors
  }
}

/**
 * Waits for a worker that sets `ctl[done]` when it is done and counts its progress in
 * `ctl[progress]` (0 and 2 unless given);
 * false when it has not begun after `startMs` or has not moved on for `stallMs`. This thread
 * blocks (no events arrive meanwhile): a worker that died before it could say so is seen by its
 * progress standing still.
 */
export function awaitWorker(
  ctl: Int32Array,
  started: number,
  startMs: number,
  stallMs: number,
  { done = 0, progress = 2 } = {},
): boolean {
  let seen = 0
  let since = started
  while (Atomics.load(ctl, done) === 0) {
    Atomics.wait(ctl, done, 0, 1_000)
    const at = Atomics.load(ctl, progress)
    if (at !== seen) [seen, since] = [at, performance.now()]
    else if (performance.now() - since > (at === 0 ? startMs : stallMs)) break
  }
  return Atomics.load(ctl, done) !== 0
}
