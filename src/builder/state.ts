// The incremental build's memory (--state FILE, default <out>/.build-state): per input file its
// size, mtime and digest and what it became; per article its columns (./catalog.ts) and where its
// list item sits in the item store; every other file written with its digest and, for list pages,
// its fingerprint. One JSON header line, then binary columns: a million posts load in a blink.
import fs from 'node:fs'
import path from 'node:path'
import { Articles, Inputs } from './catalog.ts'
import type { PostFolder } from './site.ts'

export const STATE_VERSION = 8
export const STATE_FILE = '.build-state'

export const journalFile = (stateFile: string) => `${stateFile}.journal`
export const itemStoreFile = (stateFile: string, generation: number) =>
  `${stateFile}.items-${generation}`

export type SavedFolder = { real: string; name: string; start: number; count: number }

/** A file other than a content file, as the last build left it. */
export type OutputRecord = { digest: Buffer; fingerprint: Buffer | undefined }

export type BuildState = {
  /** Everything besides the input that shapes the output (options, builder version). */
  settings: string
  /** The real path of --out the state describes. */
  outRoot: string
  /** Generation of the item store file (itemStoreFile()) the articles' items are in. */
  itemStore: number
  folders: SavedFolder[]
  inputs: Inputs
  articles: Articles
  categories: string[]
  tags: string[]
  outputs: Map<string, OutputRecord>
}

type Column = Float64Array | Uint32Array | Int32Array | Uint16Array | Uint8Array
const KINDS = {
  f64: Float64Array,
  u32: Uint32Array,
  i32: Int32Array,
  u16: Uint16Array,
  u8: Uint8Array,
}
type Kind = keyof typeof KINDS
type Section = [name: string, kind: Kind | 'json', offset: number, bytes: number]

const kindOf = (c: Column): Kind =>
  c instanceof Float64Array
    ? 'f64'
    : c instanceof Uint32Array
      ? 'u32'
      : c instanceof Int32Array
        ? 'i32'
        : c instanceof Uint16Array
          ? 'u16'
          : 'u8'

/**
 * What saveState writes: a BuildState whose outputs are the written files' digests, with each
 * list page's fingerprint looked up (no record object per file: a million-post build has 300,000).
 */
export type StateToSave = Omit<BuildState, 'outputs'> & {
  outputs: ReadonlyMap<string, Buffer>
  fingerprint: (path: string) => Buffer | undefined
}

export function saveState(file: string, state: StateToSave): void {
  const sections: Section[] = []
  // Strings are written one at a time: the JSON of a million names is not also held as bytes.
  const parts: [part: string | Uint8Array, bytes: number][] = []
  let offset = 0
  const put = (name: string, kind: Section[1], part: string | Uint8Array) => {
    const bytes = typeof part === 'string' ? Buffer.byteLength(part) : part.byteLength
    sections.push([name, kind, offset, bytes])
    parts.push([part, bytes])
    offset += bytes
    const pad = (8 - (offset % 8)) % 8
    if (pad) parts.push([new Uint8Array(pad), pad])
    offset += pad
  }
  const column = (name: string, c: Column) =>
    put(name, kindOf(c), new Uint8Array(c.buffer, c.byteOffset, c.byteLength))
  const json = (name: string, value: unknown) => put(name, 'json', JSON.stringify(value))

  const { inputs, articles } = state
  json('names', inputs.names)
  column('folder', inputs.folder)
  column('size', inputs.size)
  column('mtimeMs', inputs.mtimeMs)
  column('hash', inputs.hash)
  column('status', inputs.status)
  column('article', inputs.article)
  json('reasons', [...inputs.reasons])
  json('warnings', [...inputs.warnings])
  json('duplicateOf', [...inputs.duplicateOf])
  json('ids', articles.ids)
  for (const [name, c] of Object.entries(articles.columns())) column(`a.${name}`, c)
  json('categories', state.categories)
  json('tags', state.tags)
  json('outputs', [...state.outputs.keys()])
  const digests = Buffer.alloc(state.outputs.size * 32)
  let k = 0
  for (const [p, digest] of state.outputs) {
    digest.copy(digests, k * 32)
    state.fingerprint(p)?.copy(digests, k * 32 + 16)
    k++
  }
  put('outputDigests', 'u8', digests)

  const header = {
    version: STATE_VERSION,
    settings: state.settings,
    outRoot: state.outRoot,
    itemStore: state.itemStore,
    folders: state.folders,
    sections,
  }
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const tmp = `${file}.tmp`
  const fd = fs.openSync(tmp, 'w')
  try {
    fs.writeSync(fd, `${JSON.stringify(header)}\n`)
    for (let i = 0; i < parts.length; i++) {
      const [text, bytes] = parts[i] as [string | Uint8Array, number]
      parts[i] = ['', 0]
      let part = text
      let done = 0
      if (typeof part === 'string') {
        done = fs.writeSync(fd, part)
        if (done === bytes) continue
        // Cut short (it never is on a local disk): the rest as bytes.
        part = Buffer.from(part)
      }
      while (done < part.length) done += fs.writeSync(fd, part, done)
    }
  } finally {
    fs.closeSync(fd)
  }
  fs.renameSync(tmp, file)
}

/**
 * The last build's state, or null when there is none or it is damaged. A state made with other
 * settings still tells which files the builder wrote (callers check `settings` for the rest).
 */
export function loadState(file: string): BuildState | null {
  let fd: number
  try {
    fd = fs.openSync(file, 'r')
  } catch {
    return null
  }
  try {
    return readState(fd)
  } catch {
    return null
  } finally {
    fs.closeSync(fd)
  }
}

/** Reads each section straight into its column: no copy of the whole file in memory. */
function readState(fd: number): BuildState | null {
  const head = Buffer.alloc(1 << 16)
  const got = fs.readSync(fd, head, 0, head.length, 0)
  const nl = head.subarray(0, got).indexOf(10)
  if (nl < 0) return null
  const header = JSON.parse(head.toString('utf8', 0, nl)) as {
    version: unknown
    settings: string
    outRoot: string
    itemStore: number
    folders: SavedFolder[]
    sections: Section[]
  }
  if (header.version !== STATE_VERSION) return null
  const body = nl + 1
  const at = new Map(header.sections.map((s) => [s[0], s]))
  const read = (name: string, into: Uint8Array) => {
    const s = at.get(name)
    if (!s || s[3] !== into.length) throw new Error(`no section ${name}`)
    if (fs.readSync(fd, into, 0, into.length, body + s[2]) !== into.length)
      throw new Error(`section ${name} cut short`)
  }
  const raw = (name: string) => {
    const b = Buffer.allocUnsafe(at.get(name)?.[3] ?? 0)
    read(name, b)
    return b
  }
  const json = <T>(name: string) => JSON.parse(raw(name).toString('utf8')) as T
  const column = <K extends Kind>(name: string, kind: K): InstanceType<(typeof KINDS)[K]> => {
    const type = KINDS[kind]
    const c = new type((at.get(name)?.[3] ?? 0) / type.BYTES_PER_ELEMENT)
    read(name, new Uint8Array(c.buffer))
    return c as InstanceType<(typeof KINDS)[K]>
  }

  const files = json<string[]>('names')
  const prefixes = header.folders.map((f) => (f.name ? `${f.name}/` : ''))
  const inputs = new Inputs(files, column('folder', 'u16'), prefixes, {
    size: column('size', 'f64'),
    mtimeMs: column('mtimeMs', 'f64'),
    hash: column('hash', 'u32'),
    status: column('status', 'u8'),
    article: column('article', 'i32'),
  })
  for (const [i, r] of json<[number, string][]>('reasons')) inputs.reasons.set(i, r)
  for (const [i, w] of json<[number, string[]][]>('warnings')) inputs.warnings.set(i, w)
  for (const [i, d] of json<[number, number][]>('duplicateOf')) inputs.duplicateOf.set(i, d)
  const ids = json<string[]>('ids')
  const articles = Articles.fromColumns(ids, {
    input: column('a.input', 'u32'),
    epochMs: column('a.epochMs', 'f64'),
    category: column('a.category', 'u32'),
    tagStart: column('a.tagStart', 'u32'),
    tagCount: column('a.tagCount', 'u8'),
    pool: column('a.pool', 'u32'),
    itemOffset: column('a.itemOffset', 'f64'),
    itemLength: column('a.itemLength', 'u32'),
    itemSplit: column('a.itemSplit', 'u32'),
    itemHash: column('a.itemHash', 'u32'),
    contentHash: column('a.contentHash', 'u32'),
  })
  const paths = json<string[]>('outputs')
  const digests = raw('outputDigests')
  const outputs = new Map<string, OutputRecord>()
  const zero = Buffer.alloc(16)
  paths.forEach((p, i) => {
    const fingerprint = digests.subarray(i * 32 + 16, i * 32 + 32)
    outputs.set(p, {
      digest: digests.subarray(i * 32, i * 32 + 16),
      fingerprint: fingerprint.equals(zero) ? undefined : fingerprint,
    })
  })
  const consistent =
    inputs.size.length === files.length &&
    articles.input.length === ids.length &&
    articles.itemHash.length === ids.length * 4 &&
    digests.length === paths.length * 32
  if (!consistent) return null
  return {
    settings: header.settings,
    outRoot: header.outRoot,
    itemStore: header.itemStore,
    folders: header.folders,
    inputs,
    articles,
    categories: json<string[]>('categories'),
    tags: json<string[]>('tags'),
    outputs,
  }
}

/** Paths noted by builds that did not finish (see BundleWriter.journal), or none. */
export function readJournal(file: string): string[] {
  try {
    return fs
      .readFileSync(journalFile(file), 'utf8')
      .split('\n')
      .filter((l) => l !== '')
  } catch {
    return []
  }
}

/** The folder in the saved state with the same real path, if any. */
export function savedFolder(state: BuildState | null, folder: PostFolder): SavedFolder | undefined {
  return state?.folders.find((f) => f.real === folder.real)
}
