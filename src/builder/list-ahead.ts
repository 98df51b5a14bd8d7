// An incremental build of a big archive lists its posts folders on a thread while the build thread
// loads the last state: reading and sorting a million names takes about as long as the state, and
// each costs a second. The worker runs listFolder()'s own code (./site.ts WALK_FOLDER) and hands
// the sorted names over; then it goes on to lstat the entries, a chunk at a time, and the build
// thread takes chunks too once it gets there (./match-previous.ts), so the million system calls
// are shared. On any failure the build thread does the rest itself, as without the thread.
import fs from 'node:fs'
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads'
import { WALK_FOLDER } from './site.ts'
import { STAT_RANGE, awaitWorker, statRange, type StatList } from './stat-many.ts'
import { workerCode } from './worker-code.ts'

/** A state file this large (about 20,000 inputs) says the folders are worth a thread. */
const AHEAD_FROM_BYTES = 4 << 20
/**
 * A worker not begun after START_MS, in one folder for LIST_STALL_MS (a million names from a cold
 * disk take a while) or in one chunk of lstat for CHUNK_STALL_MS, is given up on.
 */
const START_MS = 5_000
const LIST_STALL_MS = 120_000
const CHUNK_STALL_MS = 30_000
/** Entries lstat'ed per chunk taken. */
const CHUNK = 1_024
// ctl: [listed, failed, folders entered, next chunk, chunks done, all chunks done, go]
const NEXT = 3
const DONE = 4
const ALL_DONE = 5
/** With `held` (tests), the worker lstats nothing until the build thread does. */
const GO = 6

/**
 * Takes chunks of the entries from the shared counter and lstats them, until none is left: the
 * worker and the build thread run this same code. `chunkDone` gets the chunk's errors before the
 * chunk counts as done.
 */
const TAKE_CHUNKS = `(ctl, chunk, columns, pathOf, stat, errors, chunkDone) => {
  const { kind, size, mtimeMs } = columns
  const n = kind.length
  const chunks = Math.ceil(n / chunk)
  for (let c; (c = Atomics.add(ctl, ${NEXT}, 1)) < chunks; ) {
    const from = c * chunk
    const to = Math.min(n, from + chunk)
    const paths = []
    for (let i = from; i < to; i++) paths.push(pathOf(i))
    stat(paths, from, kind, size, mtimeMs, from, to, errors, null)
    chunkDone(errors)
    if (Atomics.add(ctl, ${DONE}, 1) + 1 === chunks) {
      Atomics.store(ctl, ${ALL_DONE}, 1)
      Atomics.notify(ctl, ${ALL_DONE})
    }
  }
}`
const takeChunks =
  workerCode<
    (
      ctl: Int32Array,
      chunk: number,
      columns: Omit<StatList, 'errors'>,
      pathOf: (i: number) => string,
      stat: typeof statRange,
      errors: [number, string][],
      chunkDone: (errors: [number, string][]) => void,
    ) => void
  >(TAKE_CHUNKS)

// Plain JavaScript evaluated in the worker (as ./write-queue.ts's): the same under every runner.
// Each folder's names (or null: it failed) go on the port, then the stat columns, then the errors
// of each chunk that had any, before that chunk counts as done.
const WORKER = `
const fs = require('node:fs')
const { workerData } = require('node:worker_threads')
const { dirs, ctl, port, chunk, held } = workerData
const walk = (${WALK_FOLDER})
const stat = (${STAT_RANGE})
const takeChunks = (${TAKE_CHUNKS})
const lists = []
let columns = null
try {
  for (const dir of dirs) {
    let names = null
    try {
      names = walk(fs, dir, () => Atomics.add(ctl, 2, 1))
    } catch {
      // The build thread lists this folder again and reports its error.
    }
    lists.push(names)
    port.postMessage(names)
  }
  if (lists.every((l) => l)) {
    const n = lists.reduce((s, l) => s + l.length, 0)
    columns = {
      kind: new Uint8Array(new SharedArrayBuffer(n)),
      size: new Float64Array(new SharedArrayBuffer(n * 8)),
      mtimeMs: new Float64Array(new SharedArrayBuffer(n * 8)),
    }
    port.postMessage(columns)
  }
} catch {
  Atomics.store(ctl, 1, 1)
  columns = null
} finally {
  Atomics.store(ctl, 0, 1)
  Atomics.notify(ctl, 0)
}
if (columns) {
  if (held) Atomics.wait(ctl, ${GO}, 0)
  // Chunks come in increasing order: the folder of entry i is found walking forward.
  let k = 0
  let start = 0
  const pathOf = (i) => {
    while (i - start >= lists[k].length) start += lists[k++].length
    return dirs[k] + '/' + lists[k][i - start]
  }
  const flush = (errors) => {
    if (errors.length) port.postMessage(errors.splice(0))
  }
  takeChunks(ctl, chunk, columns, pathOf, stat, [], flush)
}
`

export type ListAhead = {
  /** The sorted names of folder `k` (of those given, in order), or undefined: list it here. */
  take(k: number): string[] | undefined
  /**
   * lstat of every listed entry, in listing order, shared with the worker (null when it listed
   * not every folder, or failed: lstat them here).
   */
  stats(pathOf: (i: number) => string): StatList | null
  /** Lets the worker go. */
  stop(): void
}

const NONE: ListAhead = { take: () => undefined, stats: () => null, stop() {} }

/**
 * Starts listing `dirs` on a thread when the last state (`stateFile`) is that of a big archive
 * (`fromBytes` or more).
 */
export function listAhead(
  dirs: readonly string[],
  stateFile: string,
  { fromBytes = AHEAD_FROM_BYTES, chunk = CHUNK, held = false } = {},
): ListAhead {
  let size = 0
  try {
    size = fs.statSync(stateFile, { throwIfNoEntry: false })?.size ?? 0
  } catch {
    // No state to be read: loadState finds the same.
  }
  if (size < fromBytes || dirs.length === 0) return NONE
  const ctl = new Int32Array(new SharedArrayBuffer(4 * 7))
  const { port1, port2 } = new MessageChannel()
  let worker: Worker
  try {
    worker = new Worker(WORKER, {
      eval: true,
      workerData: { dirs, ctl, port: port2, chunk, held },
      transferList: [port2],
    })
  } catch {
    return NONE
  }
  const started = performance.now()
  worker.on('error', () => {})
  worker.unref()
  let lists: (string[] | null)[] | null = null
  const stop = () => {
    // No chunk is taken after this: the worker ends at the one it is on.
    Atomics.store(ctl, NEXT, 1 << 30)
    Atomics.store(ctl, GO, 1)
    Atomics.notify(ctl, GO)
    port1.close()
    void worker.terminate()
    lists = []
  }
  const receive = () => receiveMessageOnPort(port1)?.message as unknown
  return {
    take(k) {
      if (!lists) {
        // Each folder's list is whole when it is posted: those that came are good either way.
        awaitWorker(ctl, started, START_MS, LIST_STALL_MS)
        const got: (string[] | null)[] = []
        while (got.length < dirs.length) {
          const m = receive()
          if (m === undefined) break
          got.push(m as string[] | null)
        }
        // Not every folder: the build thread lstats everything itself, the worker need not.
        if (got.length < dirs.length || got.some((l) => !l)) stop()
        lists = got
      }
      return lists[k] ?? undefined
    },
    stats(pathOf) {
      if (!lists || lists.length < dirs.length || lists.some((l) => !l)) return null
      const columns = receive() as Omit<StatList, 'errors'> | undefined
      if (!columns) return null
      Atomics.store(ctl, GO, 1)
      Atomics.notify(ctl, GO)
      const errors: [number, string][] = []
      takeChunks(ctl, chunk, columns, pathOf, statRange, errors, () => {})
      // No entries: no chunk, so none says all are done.
      const done =
        columns.kind.length === 0 ||
        awaitWorker(ctl, performance.now(), CHUNK_STALL_MS, CHUNK_STALL_MS, {
          done: ALL_DONE,
          progress: DONE,
        })
      for (let m = receive(); m !== undefined; m = receive())
        errors.push(...(m as [number, string][]))
      stop()
      return done ? { ...columns, errors: new Map(errors) } : null
    },
    stop,
  }
}
