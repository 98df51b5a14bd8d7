// Writes the bundle into --out: only files whose bytes changed, never outside --out, and removes
// the files of an earlier build that no longer belong to the bundle.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export const STATE_FILE = '.build-state.ndjson'

/** Short content hash: equal hashes mean equal bytes for the incremental comparison. */
export function hashText(text: string | Uint8Array): string {
  return createHash('sha1').update(text).digest('base64url')
}

// Everything the builder owns inside --out; anything else there is left alone.
const MANAGED_ROOT = /^(feed\.json|categories\.json|tags\.json|report\.json|page-\d+\.json)$/
const MANAGED_DIRS = ['category', 'tag']
// writeFileSync takes numeric open flags; its types say string only.
const WRITE_FLAGS = (fs.constants.O_WRONLY |
  fs.constants.O_CREAT |
  fs.constants.O_TRUNC |
  fs.constants.O_NOFOLLOW) as unknown as string
const SAFE_PATH = /^(?:[A-Za-z0-9_~.-]+\/)*[A-Za-z0-9_~-][A-Za-z0-9_~.-]*$/

/**
 * Writes `text` unless the file already holds it: known from the previous build's hash (and the
 * file still being there), or else by reading it. Returns whether it wrote.
 */
export function writeIfChanged(
  abs: string,
  text: string,
  hash: string,
  previousHash: string | undefined,
  /** Whether the file exists, when the caller already knows (saves a system call per file). */
  exists?: boolean,
  check?: () => void,
): boolean {
  if (previousHash !== undefined) {
    if (previousHash === hash && (exists ?? fs.existsSync(abs))) return false
  } else if (exists ?? fs.existsSync(abs)) {
    try {
      if (fs.readFileSync(abs, 'utf8') === text) return false
    } catch {
      // Unreadable: write it.
    }
  }
  check?.()
  try {
    // O_NOFOLLOW: a symlink planted inside --out is replaced, never written through.
    fs.writeFileSync(abs, text, { flag: WRITE_FLAGS })
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ELOOP') throw e
    fs.unlinkSync(abs)
    fs.writeFileSync(abs, text, { flag: WRITE_FLAGS })
  }
  return true
}

export class BundleWriter {
  readonly root: string
  private checkedDirs = new Set<string>()
  /** path → hash of every file this build emits. */
  readonly emitted = new Map<string, string>()
  written = 0
  unchanged = 0
  deleted = 0

  constructor(
    outDir: string,
    /** Hashes the previous build recorded; without them, existing files are compared byte by byte. */
    private previous: ReadonlyMap<string, string>,
  ) {
    this.root = path.resolve(outDir)
    fs.mkdirSync(this.root, { recursive: true })
    try {
      // Names only (no Dirent objects): 100,000 of them at each incremental build.
      for (const name of fs.readdirSync(path.join(this.root, 'content')))
        this.contentFiles.add(`content/${name}`)
    } catch {
      // No content folder yet.
    }
  }

  /** The content files present when the build started (one readdir instead of 100,000 stats). */
  readonly contentFiles = new Set<string>()

  /** The absolute path of a bundle path, refusing anything that could leave --out. */
  private target(rel: string): string {
    if (!SAFE_PATH.test(rel) || rel.split('/').some((s) => s === '..' || s === '.'))
      throw new Error(`refusing to write unsafe bundle path: ${JSON.stringify(rel)}`)
    const abs = path.join(this.root, ...rel.split('/'))
    this.ensureDir(path.posix.dirname(rel))
    return abs
  }

  /**
   * Creates a folder inside --out one level at a time, refusing symlinks on the way: a symlinked
   * folder planted in --out must not lead a write (or a mkdir) somewhere else.
   */
  private ensureDir(rel: string): void {
    if (rel === '.' || rel === '' || this.checkedDirs.has(rel)) return
    this.ensureDir(path.posix.dirname(rel))
    const abs = path.join(this.root, ...rel.split('/'))
    let stat: fs.Stats | undefined
    try {
      stat = fs.lstatSync(abs)
    } catch {
      fs.mkdirSync(abs)
    }
    if (stat && !stat.isDirectory())
      throw new Error(`refusing to write outside --out through ${abs} (not a real folder)`)
    this.checkedDirs.add(rel)
  }

  /** Writes a file unless it already holds `text`; `check` runs only when it is about to be written. */
  write(rel: string, text: string, check?: () => void): void {
    const hash = hashText(text)
    if (this.emitted.has(rel)) throw new Error(`bundle path written twice: ${rel}`)
    this.emitted.set(rel, hash)
    if (writeIfChanged(this.target(rel), text, hash, this.previous.get(rel), undefined, check))
      this.written++
    else this.unchanged++
  }

  /** Prepares a folder for writes made outside the writer (content files) and returns its path. */
  folder(rel: string): string {
    return path.dirname(this.target(`${rel}/x`))
  }

  /** Records a file written outside the writer (a content file, by ./parse-task.ts). */
  record(rel: string, hash: string, written: boolean): void {
    this.emitted.set(rel, hash)
    if (written) this.written++
    else this.unchanged++
  }

  /** Keeps a list page of the previous build whose fingerprint did not change. */
  keepPage(rel: string, hash: string): boolean {
    if (!fs.existsSync(path.join(this.root, ...rel.split('/')))) return false
    this.emitted.set(rel, hash)
    this.unchanged++
    return true
  }

  /** Keeps a content file of the previous build that this build did not need to regenerate. */
  keep(rel: string, hash: string): boolean {
    if (!this.contentFiles.has(rel)) return false
    this.emitted.set(rel, hash)
    this.unchanged++
    return true
  }

  /** Deletes the builder's files that this build did not emit, and folders left empty. */
  removeStale(): void {
    for (const name of fs.readdirSync(this.root)) {
      if (MANAGED_ROOT.test(name) && !this.emitted.has(name)) this.remove(name)
    }
    // content/ is flat and was listed at the start: no second listing of 100,000 names.
    for (const rel of this.contentFiles) {
      if (this.emitted.has(rel)) continue
      try {
        this.remove(rel)
      } catch (e) {
        // A folder someone put there is not the builder's to remove.
        if ((e as NodeJS.ErrnoException).code !== 'EISDIR') throw e
      }
    }
    for (const dir of MANAGED_DIRS) this.sweep(dir)
  }

  private sweep(rel: string): boolean {
    const abs = path.join(this.root, ...rel.split('/'))
    let entries: fs.Dirent[]
    try {
      entries = fs.readdirSync(abs, { withFileTypes: true })
    } catch {
      return true
    }
    let empty = true
    for (const e of entries) {
      const child = `${rel}/${e.name}`
      if (e.isDirectory()) {
        if (this.sweep(child)) fs.rmdirSync(path.join(this.root, ...child.split('/')))
        else empty = false
      } else if (!this.emitted.has(child)) {
        this.remove(child)
      } else {
        empty = false
      }
    }
    return empty
  }

  private remove(rel: string): void {
    fs.unlinkSync(path.join(this.root, ...rel.split('/')))
    this.deleted++
  }
}
