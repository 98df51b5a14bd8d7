// `--app DIR`: after the bundle is written, the static site beside the built app: an HTML page per
// article (./html-pages.ts), the first screen of each list (./list-page.ts), Atom feeds, sitemaps
// and robots.txt (./atom.ts). It reads the bundle it just wrote and the app's shell
// (./site-bundle.ts), and writes through a BundleWriter rooted at the app folder: whole-file
// replace, only files whose bytes changed, a journal, and deletion of only the files it wrote
// before (its manifest, ./site-manifest.ts). One function a phase: articles, lists, sitemaps.
import fs from 'node:fs'
import path from 'node:path'
import type { BundleListItem, BundlePage } from '../shared/feed-bundle.ts'
import { digestOf } from './digest.ts'
import {
  ARCHIVE_ATOM_FILE,
  articleFile,
  articlePage,
  permalinkFile,
  redirectPage,
  siteInfo,
} from './html-pages.ts'
import { BundleWriter } from './output.ts'
import type { Progress } from './progress.ts'
import { chain, readJson, readShells } from './site-bundle.ts'
import { writeLists, writeSitemaps, type Run } from './site-lists.ts'
import {
  MANIFEST_VERSION,
  PAGES_VERSION,
  loadManifest,
  manifestFile,
  pagesJournal,
  readLines,
  sameDigest,
  type Manifest,
  type Row,
} from './site-manifest.ts'

export type StaticSiteOptions = {
  /** The built app (vite build's dist/): index.html is read from it, pages are written into it. */
  appDir: string
  /** The bundle just written (--out). */
  bundleDir: string
  /** Its feed.json, when the bundle has not written it yet (it is written last). */
  head?: BundlePage
  /** Bundle paths this build wrote: list pages not among them hold the same items as last time. */
  bundleChanged?: ReadonlySet<string>
  siteUrl: string
  /** The build's state file: the manifest is `<state>.pages`, its journal `<state>.pages-journal`. */
  stateFile: string
  progress: Progress
  /** Also write the old site's permalinks as redirect pages (`--old-permalinks`). */
  oldPermalinks?: boolean
}

export type StaticSiteSummary = {
  pages: number
  written: number
  unchanged: number
  deleted: number
}

export function writeStaticSite(options: StaticSiteOptions): StaticSiteSummary {
  const appDir = path.resolve(options.appDir)
  const shells = readShells(appDir)
  const shellDigest = shells.digest
  const head = options.head ?? readJson<BundlePage>(path.join(options.bundleDir, 'feed.json'))
  const appRoot = fs.realpathSync(appDir)
  const oldPermalinks = options.oldPermalinks ?? false

  const manifestPath = manifestFile(options.stateFile)
  const journalPath = pagesJournal(options.stateFile)
  const distrust = new Set(readLines(journalPath))
  const loaded = loadManifest(manifestPath)
  // The manifest says what the files hold only while the folder is the one it describes: the
  // same place and its sentinel (feed.xml, written last) as written; vite build empties dist/.
  const trusted =
    loaded !== null &&
    loaded.appRoot === appRoot &&
    !distrust.has(ARCHIVE_ATOM_FILE) &&
    sameDigest(path.join(appDir, ARCHIVE_ATOM_FILE), loaded.files[ARCHIVE_ATOM_FILE])
  const previous = (p: string): Buffer | undefined => {
    const hex = trusted && !distrust.has(p) ? loaded.files[p] : undefined
    return hex === undefined ? undefined : Buffer.from(hex, 'hex')
  }
  const same =
    trusted &&
    options.bundleChanged !== undefined &&
    loaded.shell === shellDigest &&
    loaded.siteUrl === options.siteUrl &&
    loaded.oldPermalinks === oldPermalinks &&
    loaded.pagesVersion === PAGES_VERSION

  const writer = new BundleWriter(appDir, journalPath)
  try {
    let batch: { path: string; text: string; digest: Buffer }[] = []
    const flush = () => {
      writer.journal(batch.filter((f) => !previous(f.path)?.equals(f.digest)).map((f) => f.path))
      for (const f of batch) writer.write(f.path, f.text, previous(f.path), undefined, f.digest)
      batch = []
    }
    const emit: Run['emit'] = (p, make, given) => {
      if (typeof make === 'function' && given && previous(p)?.equals(given))
        return writer.keep(p, given)
      const text = typeof make === 'function' ? make() : make
      batch.push({ path: p, text, digest: given ?? digestOf(text) })
      // Small batches: pages held longer would outlive the young generation and fill the old.
      if (batch.length >= 32) flush()
    }
    const site = siteInfo(options.siteUrl, head.title)
    const run: Run = {
      options,
      shells,
      site,
      head,
      writer,
      previous,
      same,
      emit,
      flush,
    }

    const { lists, pages } = writeArticles(run, same ? loaded.lists : {}, articleDigest(run))
    const cats = writeLists(run)
    writeSitemaps(run, cats, lists)

    // Only files this step wrote before are deleted, never the app's own.
    const stale = Object.keys(loaded?.files ?? {})
      .concat([...distrust])
      .filter((p) => !writer.emitted.has(p))
    writer.journal(stale)
    writer.remove(new Set(stale))

    const manifest: Manifest = {
      version: MANIFEST_VERSION,
      pagesVersion: PAGES_VERSION,
      appRoot,
      siteUrl: options.siteUrl,
      oldPermalinks,
      shell: shellDigest,
      files: Object.fromEntries(
        [...writer.emitted].map(([p, d]) => [p, d.toString('hex')] as const),
      ),
      lists,
    }
    const tmp = `${manifestPath}.tmp`
    fs.writeFileSync(tmp, JSON.stringify(manifest))
    fs.renameSync(tmp, manifestPath)
    fs.rmSync(journalPath, { force: true })
    options.progress.done()
    return { pages, written: writer.written, unchanged: writer.unchanged, deleted: writer.deleted }
  } finally {
    writer.finish()
  }
}

/**
 * An article page per item (and, with --old-permalinks, its old address's redirect), list page by
 * list page of the archive, newest first. A list page the bundle did not rewrite holds the items
 * it held last time (`kept`), so its articles' pages are the same bytes and are not made again.
 */
/**
 * What stands for an article page's bytes: a page is made from its item and from what every page
 * shares (the shell, the site, this code), which a probe page made now stands for. Hashing the
 * item instead of the page it makes saves most of the hashing of 100,000 pages.
 */
function articleDigest(run: Run): (item: BundleListItem) => Buffer {
  const probe = digestOf(articlePage(run.shells.article, run.site, PROBE)).toString('base64')
  return (item) => digestOf(`${probe}\0${JSON.stringify(item)}`)
}

/** An item with every field an article page shows. */
const PROBE: BundleListItem = {
  id: 'probe-0',
  url: 'https://probe.invalid/a',
  external_url: 'https://probe.invalid/b',
  title: '标题 <&>"\'',
  summary: '摘要 <&>"\'',
  image: 'https://probe.invalid/c.png',
  date_published: '2020-01-02T03:04:05+08:00',
  tags: ['来源', '标签'],
  _reader: {
    category: 'probe',
    content_url: 'content/probe-0.json',
    reading_minutes: 3,
    date_only: true,
  },
}

function writeArticles(
  run: Run,
  kept: Record<string, Row[]>,
  digest: (item: BundleListItem) => Buffer,
): { lists: Record<string, Row[]>; pages: number } {
  const { options, head, writer, previous } = run
  const oldPermalinks = options.oldPermalinks ?? false
  const filesOf = (id: string, date: string, category: string): string[] =>
    [articleFile(id), oldPermalinks ? permalinkFile(id, date, category) : null].filter(
      (f) => f !== null,
    )
  const lists: Record<string, Row[]> = {}
  const total = head._reader?.total_items ?? 0
  let pages = 0
  let seen = 0
  for (const list of chain(head)) {
    const before = run.same && !options.bundleChanged?.has(list) ? kept[list] : undefined
    let rows: Row[]
    const files = before?.flatMap((r) => filesOf(...r).map((f) => [f, previous(f)] as const))
    if (before && files!.every(([, d]) => d)) {
      rows = before
      for (const [f, d] of files!) writer.keep(f, d!)
      pages += rows.filter(([id]) => articleFile(id) !== null).length
    } else {
      const page =
        list === 'feed.json' ? head : readJson<BundlePage>(path.join(options.bundleDir, list))
      rows = page.items.map((item) => [item.id, item.date_published, item._reader?.category ?? ''])
      for (const item of page.items) {
        const file = articleFile(item.id)
        if (file !== null) {
          run.emit(file, () => articlePage(run.shells.article, run.site, item), digest(item))
          pages++
        }
        const redirect = oldPermalinks
          ? permalinkFile(item.id, item.date_published, item._reader?.category ?? '')
          : null
        if (redirect !== null) run.emit(redirect, redirectPage(run.shells.plain, run.site, item))
      }
    }
    lists[list] = rows
    seen += rows.length
    if (seen % 1000 < rows.length) options.progress.update(seen, total, 'writing pages')
  }
  run.flush()
  return { lists, pages }
}
