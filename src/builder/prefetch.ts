// Posts read ahead of the parser, on a thread of its own. A clean build of a big archive whose
// files are not in the page cache (a fresh checkout, a reboot) otherwise waits for the disk at
// every post, one read at a time: a third of the build thread's time at a million posts. Reading
// a file's first byte makes the kernel read the whole of a small file into the cache; the build
// thread then reads it from memory. The worker opens files as readPost does (no links, no
// blocking) and reads only regular ones.
import { Worker } from 'node:worker_threads'

/** Below this many posts to read, the thread costs more than it saves. */
const PREFETCH_FROM = 2_000
/** How far ahead of the parser the worker reads, in files. */
const LEAD = 2_048

// Plain JavaScript evaluated in the worker (as ./write-queue.ts's): the same under every runner.
const WORKER = `
const fs = require('node:fs')
const { paths, ctl, lead } = require('node:worker_threads').workerData
const FLAGS = fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK
const one = Buffer.alloc(1)
for (let i = 0; i < paths.length && Atomics.load(ctl, 1) === 0; i++) {
  Atomics.store(ctl, 2, i)
  for (let at = Atomics.load(ctl, 0); i - at >= lead; at = Atomics.load(ctl, 0)) {
    if (Atomics.load(ctl, 1) !== 0) break
    Atomics.wait(ctl, 0, at, 100)
  }
  let fd = -1
  try {
    fd = fs.openSync(paths[i], FLAGS)
    if (fs.fstatSync(fd).isFile()) fs.readSync(fd, one, 0, 1, 0)
  } catch {
    // The build thread finds and reports whatever is wrong with the file.
  } finally {
    if (fd >= 0) fs.closeSync(fd)
  }
}
Atomics.store(ctl, 2, paths.length)
`

export type Prefetch = {
  /** The build thread is done with one more of the paths (in their order). */
  passed(): void
  /** Stops the worker; it reads nothing more. */
  stop(): void
  /** How many of the paths the worker has read (or found it should not). */
  read(): number
}

const NONE: Prefetch = { passed() {}, stop() {}, read: () => 0 }

/** Starts reading `paths` ahead of the build thread, which calls passed() as it reads each. */
export function prefetch(paths: readonly string[], from = PREFETCH_FROM, lead = LEAD): Prefetch {
  if (paths.length < from) return NONE
  const ctl = new Int32Array(new SharedArrayBuffer(12))
  let done = 0
  let worker: Worker | null = new Worker(WORKER, {
    eval: true,
    workerData: { paths, ctl, lead },
    resourceLimits: { maxYoungGenerationSizeMb: 1 },
  })
  worker.unref()
  // A worker that cannot start leaves the reading to the build thread, as without it.
  worker.on('error', () => {})
  return {
    passed() {
      Atomics.store(ctl, 0, ++done)
      if (done % 64 === 0) Atomics.notify(ctl, 0)
    },
    stop() {
      Atomics.store(ctl, 1, 1)
      Atomics.notify(ctl, 0)
      void worker?.terminate()
      worker = null
    },
    read: () => Atomics.load(ctl, 2),
  }
}
