// Writes the bundle into --out: never outside it, each file replaced whole (written under a
// temporary name, then renamed over the old one), only when its bytes changed, and every path
// noted in the journal before it is touched, so a build killed at any point leaves the previous
// files intact and the next build knows which files are the builder's.
import fs from 'node:fs'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { digestOf, fileDigest, fileHolds, keptDigest } from './digest.ts'
import { BuildError, fsFailure, guard } from './errors.ts'
import { WriteQueue } from './write-queue.ts'

/** Temporary files of the build in progress, inside --out so a rename is atomic. */
export const TMP_DIR = '.build-tmp'
const SAFE_PATH = /^(?:[A-Za-z0-9_~.-]+\/)*[A-Za-z0-9_~-][A-Za-z0-9_~.-]*$/
/** Writes done on the build thread before the rest go to a writer thread (./write-queue.ts). */
const QUEUE_AFTER = 512

export type Written = { digest: Buffer; written: boolean }

export class BundleWriter {
  readonly root: string
  private readonly tmp: string
  private tmpCount = 0
  private checkedDirs = new Set<string>()
  private queue: WriteQueue | null = null
  private readonly queueAfter: number
  /** The writer whose thread this one's writes go to (itself, unless shareWith was given). */
  private readonly host: BundleWriter
  private readonly tag: number
  /** The host's queues this writer has used since it last flushed them. */
  private used = new Set<WriteQueue>()
  private writes = 0
  /** Files other than content files that this build emits: path → digest of their bytes. */
  readonly emitted = new Map<string, Buffer>()
  written = 0
  unchanged = 0
  deleted = 0
  /** Paths this build wrote (new or changed bytes), for steps that follow what changed. */
  readonly changed = new Set<string>()

  constructor(
    outDir: string,
    /** Append-only list of the paths this build may touch (see ./state.ts). */
    private readonly journalFile: string,
    options: {
      /** Writes done in place before a writer thread takes over (tests lower it). */
      queueAfter?: number
      /** The temporary folder's name, when two writers share --out. */
      tmp?: string
      /** Another writer whose thread takes this one's writes (two threads creating files are slower). */
      shareWith?: BundleWriter
    } = {},
  ) {
    this.host = options.shareWith ?? this
    this.tag = options.shareWith ? 1 : 0
    this.root = path.resolve(outDir)
    this.tmp = path.join(this.root, options.tmp ?? TMP_DIR)
    this.queueAfter = options.queueAfter ?? QUEUE_AFTER
    guard('write', this.tmp, () => {
      // Left by a killed build: nothing in it is referenced by anything.
      fs.rmSync(this.tmp, { recursive: true, force: true })
      fs.mkdirSync(this.tmp)
    })
  }

  /** Notes paths the build is about to write or delete, before it touches any of them. */
  journal(paths: readonly string[]): void {
    if (!paths.length) return
    guard('write', this.journalFile, () =>
      fs.appendFileSync(this.journalFile, `${paths.join('\n')}\n`),
    )
  }

  /** Writes a file other than a content file and records it as emitted (see put()). */
  write(
    rel: string,
    data: string | Buffer,
    previous: Buffer | undefined,
    check?: () => void,
    digest?: Buffer,
  ) {
    const r = this.put(rel, data, previous, check, digest)
    this.emitted.set(rel, keptDigest(r.digest))
  }

  /** Keeps a file of the previous build as it is. */
  keep(rel: string, digest: Buffer): void {
    this.emitted.set(rel, keptDigest(digest))
    this.unchanged++
  }

  /**
   * Writes `data` unless the file already holds it: known from `previous` (its digest when the
   * last build wrote it), or else by reading it. `check` runs only when it is about to be written;
   * `digest` may be given when the caller has a cheaper one that changes whenever the bytes do.
   */
  put(
    rel: string,
    data: string | Buffer,
    previous: Buffer | undefined,
    check?: () => void,
    digest: Buffer = digestOf(data),
  ): Written {
    if (previous?.equals(digest)) {
      this.unchanged++
      return { digest, written: false }
    }
    const abs = this.target(rel)
    check?.()
    if (this.queued()) {
      // Counted as written; one that turns out to hold these bytes is recounted at flush().
      const op = previous ? 'replace' : 'create'
      this.host.queue!.enqueue({ op, rel, abs, tmp: this.tmpName(), data, tag: this.tag })
    } else if (!this.writeNow(abs, data, previous !== undefined)) {
      this.unchanged++
      return { digest, written: false }
    }
    this.written++
    this.changed.add(rel)
    return { digest, written: true }
  }

  /** Writes a file on this thread; false when it was there already with these bytes. */
  private writeNow(abs: string, data: string | Buffer, known: boolean): boolean {
    if (!known) {
      // A file that is not there yet is created in place: nothing points at it before the files
      // written after it, so no reader sees it half-written (and a failed write is removed).
      try {
        fs.writeFileSync(abs, data, { flag: 'wx' })
        return true
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
          fs.rmSync(abs, { force: true })
          throw fsFailure('write', abs, e)
        }
      }
      if (fileHolds(abs, data)) return false
    }
    this.replace(abs, data)
    return true
  }

  /**
   * Writes a large file from chunks (never whole in memory), through a temporary file that
   * replaces it only when its digest differs from `previous` (or, without one, from the file's).
   */
  writeChunks(rel: string, chunks: Iterable<Buffer>, previous: Buffer | undefined): void {
    this.flush()
    const abs = this.target(rel)
    const tmp = this.tmpName()
    try {
      const hash = createHash('sha1')
      const fd = fs.openSync(tmp, 'wx')
      try {
        for (const chunk of chunks) {
          hash.update(chunk)
          for (let done = 0; done < chunk.length;)
            done += fs.writeSync(fd, chunk, done, chunk.length - done)
        }
      } finally {
        fs.closeSync(fd)
      }
      const digest = hash.digest().subarray(0, 16)
      this.emitted.set(rel, digest)
      if ((previous ?? fileDigest(abs))?.equals(digest)) {
        fs.rmSync(tmp)
        this.unchanged++
        return
      }
      fs.renameSync(tmp, abs)
      this.written++
      this.changed.add(rel)
    } catch (e) {
      fs.rmSync(tmp, { force: true })
      throw fsFailure('write', abs, e)
    }
  }

  /** Replaces a file whole: written under a temporary name, then renamed over it. */
  private replace(abs: string, data: string | Buffer): void {
    const tmp = this.tmpName()
    try {
      fs.writeFileSync(tmp, data, { flag: 'wx' })
      // A symlink or file at `abs` is replaced, never written through.
      fs.renameSync(tmp, abs)
    } catch (e) {
      fs.rmSync(tmp, { force: true })
      throw fsFailure('write', abs, e)
    }
  }

  /** Deletes files of earlier builds, and the category and tag folders they leave empty. */
  remove(rels: Iterable<string>): void {
    this.flush()
    const parents = new Set<string>()
    for (const rel of rels) {
      const abs = this.resolve(rel)
      try {
        fs.unlinkSync(abs)
        this.deleted++
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code
        // Gone already, or a folder someone put there: not the builder's to remove.
        if (code !== 'ENOENT' && code !== 'EISDIR' && code !== 'EPERM')
          throw fsFailure('delete', abs, e)
      }
      const dir = path.posix.dirname(rel)
      if (dir.includes('/')) parents.add(dir)
    }
    for (const dir of parents) {
      try {
        fs.rmdirSync(this.resolve(dir))
      } catch {
        // Not empty, or already gone.
      }
    }
  }

  /** Waits for the writes still queued (./write-queue.ts); throws the first that failed. */
  flush(): void {
    const queues = this.host === this ? [this.queue] : this.used
    for (const q of queues)
      for (const rel of q?.flush(this.tag) ?? []) {
        this.written--
        this.unchanged++
        this.changed.delete(rel)
      }
    this.used.clear()
  }

  /** flush(), then stops the writer thread until the next write that needs it. */
  idle(): void {
    this.flush()
    this.finish(false)
  }

  /**
   * Stops the writer thread (dropping what it has not written) and removes the temporary folder.
   * A writer sharing another's thread stops nothing: finish it after its host.
   */
  finish(tmp = true): void {
    // A shared thread is its host's to stop.
    this.queue?.close()
    this.queue = null
    this.used.clear()
    if (tmp) fs.rmSync(this.tmp, { recursive: true, force: true })
  }

  /** Whether this write goes to the writer thread: all of them from the queueAfter-th on. */
  private queued(): boolean {
    if (this.host !== this) {
      if (!this.host.queued()) return false
      this.used.add(this.host.queue!)
      return true
    }
    if (this.queue) return true
    if (++this.writes <= this.queueAfter) return false
    this.queue = new WriteQueue()
    return true
  }

  private tmpName(): string {
    return path.join(this.tmp, String(this.tmpCount++))
  }

  /** The absolute path of a bundle path, refusing anything that could leave --out. */
  private resolve(rel: string): string {
    if (!SAFE_PATH.test(rel) || rel.split('/').some((s) => s === '..' || s === '.'))
      throw new BuildError(`refusing unsafe bundle path: ${JSON.stringify(rel)}`)
    return path.join(this.root, ...rel.split('/'))
  }

  /** resolve() with the file's folders created. */
  private target(rel: string): string {
    this.ensureDir(path.posix.dirname(rel))
    return this.resolve(rel)
  }

  /**
   * Creates a folder inside --out one level at a time, refusing symlinks on the way: a symlinked
   * folder planted in --out must not lead a write (or a mkdir) somewhere else.
   */
  private ensureDir(rel: string): void {
    if (rel === '.' || rel === '' || this.checkedDirs.has(rel)) return
    this.ensureDir(path.posix.dirname(rel))
    const abs = this.resolve(rel)
    let stat = fs.lstatSync(abs, { throwIfNoEntry: false })
    if (!stat) {
      try {
        fs.mkdirSync(abs)
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw fsFailure('create', abs, e)
      }
      stat = fs.lstatSync(abs)
    }
    if (!stat.isDirectory())
      throw new BuildError(`refusing to write outside --out through ${abs} (not a real folder)`)
    this.checkedDirs.add(rel)
  }
}
