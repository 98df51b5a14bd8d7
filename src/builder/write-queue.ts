// File writes on a second thread: creating a file is kernel time (open, write, close), about as
// long as parsing the post it comes from. A worker does the writes in the order they were queued,
// so a file that points at others still lands after them; the build thread goes on parsing and
// waits only where it must (flush: before it deletes, reads back or saves its state). After a
// failure the worker skips everything still queued, and the next enqueue or flush throws it.
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads'
import { fsFailure } from './errors.ts'

/**
 * Bytes queued and not yet written before the build thread waits: bounds the build's memory. When
 * the file system is slow the queue stays full, and each queued byte is held twice (the message,
 * then the worker's copy): a few megabytes keep the thread busy for a second or more already.
 */
const MAX_PENDING_BYTES = 4 << 20
/** Writes handed over in one message: a message costs more than a small file's bytes. */
const BATCH_WRITES = 64
const BATCH_BYTES = 256 << 10
const DONE = 0
const FAILED = 1
const STOP = 2

export type QueuedWrite = {
  /** create: a new file ('wx'), or through `tmp` if one is there; replace: always through `tmp`. */
  op: 'create' | 'replace'
  /** The bundle path, named back when the file already held these bytes. */
  rel: string
  abs: string
  tmp: string
  data: string | Uint8Array
  /** Which writer queued it, when writers share the queue (see flush). */
  tag: number
}

// Plain JavaScript evaluated in the worker: runs the same under the launcher, tsx and vitest.
const WORKER = `
const { workerData } = require('node:worker_threads')
const fs = require('node:fs')
const { ctl, port } = workerData
const replace = (m) => {
  try {
    fs.writeFileSync(m.tmp, m.data, { flag: 'wx' })
    fs.renameSync(m.tmp, m.abs)
  } catch (e) {
    fs.rmSync(m.tmp, { force: true })
    throw e
  }
}
const same = (abs, data) => {
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data
    const fd = fs.openSync(abs, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW)
    try {
      return fs.fstatSync(fd).size === bytes.length && fs.readFileSync(fd).equals(bytes)
    } finally {
      fs.closeSync(fd)
    }
  } catch {
    return false
  }
}
const write = (m) => {
  if (Atomics.load(ctl, ${FAILED}) === 0 && Atomics.load(ctl, ${STOP}) === 0) {
    try {
      if (m.op === 'replace') replace(m)
      else {
        try {
          fs.writeFileSync(m.abs, m.data, { flag: 'wx' })
        } catch (e) {
          if (e.code !== 'EEXIST') {
            fs.rmSync(m.abs, { force: true })
            throw e
          }
          if (same(m.abs, m.data)) port.postMessage({ unchanged: m.rel, tag: m.tag })
          else replace(m)
        }
      }
    } catch (e) {
      port.postMessage({ failed: m.abs, code: e.code, message: String(e.message) })
      Atomics.store(ctl, ${FAILED}, 1)
    }
  }
  Atomics.add(ctl, ${DONE}, 1)
  Atomics.notify(ctl, ${DONE})
}
require('node:worker_threads').parentPort.on('message', (batch) => batch.forEach(write))
`

export class WriteQueue {
  private readonly ctl = new Int32Array(new SharedArrayBuffer(3 * 4))
  private readonly worker: Worker
  private readonly port: MessagePort
  private sent = 0
  /** Bytes of each write not known to be done, oldest first, from `head`. */
  private sizes: number[] = []
  private head = 0
  private pendingBytes = 0
  /** Paths found holding their bytes already, by the tag of the writer that queued them. */
  private readonly unchanged = new Map<number, string[]>()
  /** Stopped: nothing more is written, what it found unchanged can still be taken. */
  closed = false
  /** Queued writes not yet handed to the worker, and their bytes. */
  private batch: QueuedWrite[] = []
  private batchBytes = 0

  constructor() {
    const { port1, port2 } = new MessageChannel()
    this.port = port1
    this.worker = new Worker(WORKER, {
      eval: true,
      workerData: { ctl: this.ctl, port: port2 },
      transferList: [port2],
      // Each message is garbage once written: a small young generation keeps the thread small.
      resourceLimits: { maxYoungGenerationSizeMb: 4 },
    })
    this.worker.unref()
  }

  enqueue(write: QueuedWrite): void {
    this.rethrow()
    const bytes = write.data.length
    this.batch.push(write)
    this.batchBytes += bytes
    this.sent++
    this.sizes.push(bytes)
    this.pendingBytes += bytes
    if (this.batch.length >= BATCH_WRITES || this.batchBytes >= BATCH_BYTES) this.handOver()
    // Then down to half: one wake-up per write would cost more than the write.
    if (this.pendingBytes > MAX_PENDING_BYTES) {
      this.handOver()
      while (this.pendingBytes > MAX_PENDING_BYTES / 2) this.wait()
    }
    if (this.sizes.length > 2 * 4096) this.settled()
  }

  /** Hands the writes batched so far to the worker. */
  private handOver(): void {
    if (this.batch.length === 0) return
    this.worker.postMessage(this.batch)
    this.batch = []
    this.batchBytes = 0
  }

  /**
   * Waits until every queued write is done; throws the first that failed. Returns the bundle
   * paths that writes with this tag found already holding their bytes (not written) since the
   * last flush of the tag; after close(), only those.
   */
  flush(tag = 0): string[] {
    if (!this.closed) {
      this.handOver()
      while (this.settled() < this.sent) this.wait()
      this.rethrow()
    }
    const rels = this.unchanged.get(tag) ?? []
    this.unchanged.delete(tag)
    return rels
  }

  /**
   * Stops the worker: what is still queued is dropped (after a failure elsewhere; idle() flushes
   * first). Never throws: a failed write is flush()'s to report, and close() runs on the way out
   * of a build that may be failing for another reason.
   */
  close(): void {
    Atomics.store(this.ctl, STOP, 1)
    // The worker skips them, but counts them done.
    this.handOver()
    try {
      for (let done = Atomics.load(this.ctl, DONE); done < this.sent;) {
        Atomics.wait(this.ctl, DONE, done, 1000)
        done = Atomics.load(this.ctl, DONE)
      }
    } finally {
      this.receive(false)
      void this.worker.terminate()
      this.closed = true
      this.port.close()
    }
  }

  /** How many of the `sent` writes are done; forgets their sizes. */
  private settled(): number {
    const done = Atomics.load(this.ctl, DONE)
    while (this.head < done) this.pendingBytes -= this.sizes[this.head++] as number
    if (this.head > 4096) {
      // Counted from the oldest write still pending, so the counters stay small.
      this.sizes = this.sizes.slice(this.head)
      this.sent -= this.head
      Atomics.sub(this.ctl, DONE, this.head)
      this.head = 0
    }
    return this.head
  }

  private wait(): void {
    const done = Atomics.load(this.ctl, DONE)
    if (done < this.sent) Atomics.wait(this.ctl, DONE, done, 1000)
    this.settled()
    this.rethrow()
  }

  private rethrow(): void {
    this.receive(true)
  }

  /** Takes the worker's messages: unchanged paths are noted, a failure thrown if asked. */
  private receive(throwing: boolean): void {
    for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) {
      const msg = m.message as {
        unchanged?: string
        tag?: number
        failed?: string
        code?: string
        message?: string
      }
      if (msg.unchanged !== undefined) {
        const tag = msg.tag ?? 0
        const rels = this.unchanged.get(tag)
        if (rels) rels.push(msg.unchanged)
        else this.unchanged.set(tag, [msg.unchanged])
      } else if (msg.failed !== undefined && throwing) {
        const cause = Object.assign(new Error(msg.message), { code: msg.code })
        throw fsFailure('write', msg.failed, cause)
      }
    }
  }
}
