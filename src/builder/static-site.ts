// `--app DIR`: the static site beside the built app: an HTML page per article (./html-pages.ts),
// written as the read phase parses each post, then, once the bundle is written, the first screen
// of each list (./list-page.ts), Atom feeds, sitemaps and robots.txt (./atom.ts), from the bundle
// and the app's shell (./site-bundle.ts). It writes through a BundleWriter rooted at the app
// folder: whole-file replace, only files whose bytes changed, a journal, and deletion of only the
// files it wrote before (its manifest, ./site-manifest.ts).
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
  type SiteInfo,
} from './html-pages.ts'
import { BundleWriter } from './output.ts'
import type { Progress } from './progress.ts'
import { chain, readJson, readShells, type Shells } from './site-bundle.ts'
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
  const head = options.head ?? readJson<BundlePage>(path.join(options.bundleDir, 'feed.json'))
  const site = openStaticSite({ ...options, title: head.title })
  try {
    return site.finish(head, options.bundleChanged)
  } finally {
    site.close()
  }
}

/** The static site of a build under way: opened before the bundle is read, finished after it. */
export type StaticSite = {
  /**
   * Writes an article's page from its archive list item while the post is at hand (the read
   * phase), so that creating 100,000 files overlaps parsing instead of following it.
   */
  article: (item: BundleListItem) => void
  /** Every other page, the pages of articles not written yet, stale files, the manifest. */
  finish(head: BundlePage, bundleChanged: ReadonlySet<string> | undefined): StaticSiteSummary
  /** Stops the writer (after finish, or after a failure). */
  close(): void
}

export function openStaticSite(
  options: Omit<StaticSiteOptions, 'head' | 'bundleChanged'> & { title: string },
  /** The bundle's writer, whose thread then writes the pages too (see BundleWriter). */
  shareWith?: BundleWriter,
): StaticSite {
  const appDir = path.resolve(options.appDir)
  const shells = readShells(appDir)
  const shellDigest = shells.digest
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

  const writer = new BundleWriter(appDir, journalPath, shareWith ? { shareWith } : {})
  let batch: { path: string; text: string; digest: Buffer }[] = []
  // What a file holds now: this build's write (an article page of the read phase), else the last.
  const onDisk = (p: string) => writer.emitted.get(p) ?? previous(p)
  const flush = () => {
    writer.journal(batch.filter((f) => !onDisk(f.path)?.equals(f.digest)).map((f) => f.path))
    for (const f of batch) writer.write(f.path, f.text, onDisk(f.path), undefined, f.digest)
    batch = []
  }
  const emit: Run['emit'] = (p, make, given) => {
    if (typeof make === 'function' && given) {
      // Written by this build already (an article page of the read phase, from the same item).
      if (writer.emitted.get(p)?.equals(given)) return
      if (onDisk(p)?.equals(given)) return writer.keep(p, given)
    }
    const text = typeof make === 'function' ? make() : make
    batch.push({ path: p, text, digest: given ?? digestOf(text) })
    // Small batches: pages held longer would outlive the young generation and fill the old.
    if (batch.length >= 32) flush()
  }
  const site = siteInfo(options.siteUrl, options.title)
  const digest = articleDigest(shells, site)

  return {
    article: (item) => {
      const file = articleFile(item.id)
      if (file === null) return
      emit(file, () => articlePage(shells.article, site, item), digest(item))
    },
    finish(head, bundleChanged) {
      const cpuBefore = process.cpuUsage()
      const t = performance.now()
      const same =
        trusted &&
        bundleChanged !== undefined &&
        loaded.shell === shellDigest &&
        loaded.siteUrl === options.siteUrl &&
        loaded.oldPermalinks === oldPermalinks &&
        loaded.pagesVersion === PAGES_VERSION
      const run: Run = {
        options: { ...options, ...(bundleChanged && { bundleChanged }) },
        shells,
        site,
        head,
        writer,
        previous,
        same,
        emit,
        flush,
      }

      // Until now the writer has written only the article pages of the read phase.
      flush()
      const unlisted = new Set(writer.emitted.keys())
      const { lists, pages } = writeArticles(run, same ? loaded.lists : {}, digest, unlisted)
      const cats = writeLists(run)
      writeSitemaps(run, cats, lists)

      // A page written early for an article the archive does not list is not kept.
      for (const file of unlisted) writer.emitted.delete(file)
      // Only files this step wrote before are deleted, never the app's own.
      const stale = Object.keys(loaded?.files ?? {})
        .concat([...distrust], [...unlisted])
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
      if (process.env.FEED_TIMING) {
        const cpu = process.cpuUsage(cpuBefore)
        const s = (n: number) => n.toFixed(2)
        const line = `static pages: ${s((performance.now() - t) / 1000)} s (cpu ${s((cpu.user + cpu.system) / 1e6)} s, all threads)`
        process.stderr.write(`${line}\n`)
      }
      return {
        pages,
        written: writer.written,
        unchanged: writer.unchanged,
        deleted: writer.deleted,
      }
    },
    close: () => writer.finish(),
  }
}

/**
 * What stands for an article page's bytes: a page is made from its item and from what every page
 * shares (the shell, the site, this code), which a probe page made now stands for. Hashing the
 * item instead of the page it makes saves most of the hashing of 100,000 pages.
 */
function articleDigest(shells: Shells, site: SiteInfo): (item: BundleListItem) => Buffer {
  const probe = digestOf(articlePage(shells.article, site, PROBE)).toString('base64')
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

/**
 * An article page per item (and, with --old-permalinks, its old address's redirect), list page by
 * list page of the archive, newest first. A list page the bundle did not rewrite holds the items
 * it held last time (`kept`), so its articles' pages are the same bytes and are not made again.
 * Pages written in the read phase from the same item are left as they are; `unlisted` loses
 * every page the archive lists.
 */
function writeArticles(
  run: Run,
  kept: Record<string, Row[]>,
  digest: (item: BundleListItem) => Buffer,
  unlisted: Set<string>,
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
    // A page written in the read phase from another item than last time is not the one kept.
    const same = ([f, d]: readonly [string, Buffer | undefined]) =>
      d !== undefined && (writer.emitted.get(f) ?? d).equals(d)
    if (before && files!.every(same)) {
      rows = before
      for (const [f, d] of files!) {
        if (!writer.emitted.has(f)) writer.keep(f, d!)
        unlisted.delete(f)
      }
      pages += rows.filter(([id]) => articleFile(id) !== null).length
    } else {
      const page =
        list === 'feed.json' ? head : readJson<BundlePage>(path.join(options.bundleDir, list))
      rows = page.items.map((item) => [item.id, item.date_published, item._reader?.category ?? ''])
      for (const item of page.items) {
        const file = articleFile(item.id)
        if (file !== null) {
          unlisted.delete(file)
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
