// Posts read ahead of the parser, on a thread of its own. A clean build of a big archive whose
// files are not in the page cache (a fresh checkout, a reboot) otherwise waits for the disk at
// every post, one read at a time: a third of the build thread's time at a million posts. Reading
// a file's first byte makes the kernel read the whole of a small file into the cache; the build
// thread then reads it from memory. The worker opens files as readPost does (no links, no
// blocking) and reads only regular ones. It is handed the paths a chunk at a time as the build
// thread goes on: a million paths at once would cost it 200 MB.
import { MessageChannel, Worker } from 'node:worker_threads'

/** Below this many posts to read, the thread costs more than it saves. */
const PREFETCH_FROM = 2_000
/** Paths handed over at once; the worker is at most AHEAD chunks ahead of the build thread. */
const CHUNK = 1_024
const AHEAD = 2
const STOP = 0
const SENT = 1
const READ = 2

// Plain JavaScript evaluated in the worker (as ./write-queue.ts's): the same under every runner.
const WORKER = `
const fs = require('node:fs')
const { receiveMessageOnPort, workerData } = require('node:worker_threads')
const { port, ctl } = workerData
const FLAGS = fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK
const one = Buffer.alloc(1)
let read = 0
while (Atomics.load(ctl, ${STOP}) === 0) {
  const sent = Atomics.load(ctl, ${SENT})
  const m = receiveMessageOnPort(port)
  if (!m) {
    Atomics.wait(ctl, ${SENT}, sent, 100)
    continue
  }
  for (const path of m.message) {
    if (Atomics.load(ctl, ${STOP}) !== 0) break
    let fd = -1
    try {
      fd = fs.openSync(path, FLAGS)
      if (fs.fstatSync(fd).isFile()) fs.readSync(fd, one, 0, 1, 0)
    } catch {
      // The build thread finds and reports whatever is wrong with the file.
    } finally {
      if (fd >= 0) fs.closeSync(fd)
    }
    Atomics.store(ctl, ${READ}, ++read)
  }
}
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

/**
 * Starts reading the `count` paths `pathOf(0…count − 1)` ahead of the build thread, which calls
 * passed() as it reads each.
 */
export function prefetch(
  count: number,
  pathOf: (j: number) => string,
  from = PREFETCH_FROM,
  chunk = CHUNK,
): Prefetch {
  if (count < from) return NONE
  const ctl = new Int32Array(new SharedArrayBuffer(12))
  const { port1, port2 } = new MessageChannel()
  let worker: Worker | null = new Worker(WORKER, {
    eval: true,
    workerData: { port: port2, ctl },
    transferList: [port2],
    resourceLimits: { maxYoungGenerationSizeMb: 1 },
  })
  worker.unref()
  // A worker that cannot start leaves the reading to the build thread, as without it.
  worker.on('error', () => {})
  let sent = 0
  let done = 0
  const send = () => {
    if (sent >= count || !worker) return
    const paths: string[] = []
    for (const end = Math.min(count, sent + chunk); sent < end; sent++) paths.push(pathOf(sent))
    port1.postMessage(paths)
    Atomics.add(ctl, SENT, 1)
    Atomics.notify(ctl, SENT)
  }
  for (let k = 0; k < AHEAD; k++) send()
  return {
    passed() {
      if (++done % chunk === 0) send()
    },
    stop() {
      Atomics.store(ctl, STOP, 1)
      Atomics.notify(ctl, SENT)
      port1.close()
      void worker?.terminate()
      worker = null
    },
    read: () => Atomics.load(ctl, READ),
  }
}
