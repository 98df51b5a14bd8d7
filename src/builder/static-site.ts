// `--app DIR`: after the bundle is written, the static site beside the built app: an HTML page per
// article (./html-pages.ts), Atom feeds, sitemaps and robots.txt (./atom.ts). It reads the bundle
// it just wrote (the archive's pages, newest first, one page in memory at a time) and the app's
// index.html (the shell: CSP and hashed assets come from there), and writes through a
// BundleWriter rooted at the app folder: whole-file replace, only files whose bytes changed, a
// journal, and deletion of only the files it wrote before (its manifest, `<state>.pages`).
import fs from 'node:fs'
import path from 'node:path'
import {
  PAGE_SIZE,
  type BundleListItem,
  type BundlePage,
  type CategoriesPage,
} from '../shared/feed-bundle.ts'
import {
  ARCHIVE_ATOM_FILE,
  absolute,
  HOME_FILE,
  TEXT,
  articleFile,
  articleHref,
  articlePage,
  categoryFile,
  listPage,
  permalinkFile,
  redirectPage,
  categoryAtomFile,
  categoryHref,
  siteInfo,
} from './html-pages.ts'
import {
  ATOM_ENTRIES,
  SITEMAP_URLS,
  atomEntry,
  atomFeed,
  robotsTxt,
  sitemapFile,
  sitemapIndex,
  sitemapName,
  type SitemapUrl,
} from './atom.ts'
import { digestOf } from './digest.ts'
import { BuildError, causeOf } from './errors.ts'
import { GENERATOR, parseShell, type Shell } from './html.ts'
import { BundleWriter } from './output.ts'
import type { Progress } from './progress.ts'

export type StaticSiteOptions = {
  /** The built app (vite build's dist/): index.html is read from it, pages are written into it. */
  appDir: string
  /** The bundle just written (--out). */
  bundleDir: string
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

/** Bump when what a page holds changes for the same items: every page is then written again. */
const PAGES_VERSION = 3
const MANIFEST_VERSION = 3
export const manifestFile = (stateFile: string) => `${stateFile}.pages`
const pagesJournal = (stateFile: string) => `${stateFile}.pages-journal`

/** An article of an archive list page, as the sitemap needs it: id and date. */
type Row = [id: string, date: string, category: string]

type Manifest = {
  version: number
  pagesVersion: number
  appRoot: string
  siteUrl: string
  oldPermalinks: boolean
  /** Digest of the shell the pages were made from. */
  shell: string
  /** Every file written, with the digest of its bytes. */
  files: Record<string, string>
  /** Per archive list page (bundle path), the articles it held. */
  lists: Record<string, Row[]>
}

function loadManifest(file: string): Manifest | null {
  try {
    const m = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest
    return m.version === MANIFEST_VERSION && typeof m.files === 'object' ? m : null
  } catch {
    return null
  }
}

const readJson = <T>(file: string): T => {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T
  } catch (e) {
    throw new BuildError(`cannot read ${file}: ${causeOf(e)}`)
  }
}

/**
 * The app's shell: its index.html, or (once the home page is a page the builder wrote) its
 * 404.html, the copy of index.html the build writes for hosts' fallback.
 */
export function readShell(appDir: string): { shell: Shell; text: string } {
  const index = path.join(appDir, 'index.html')
  let file = index
  let text: string
  try {
    text = fs.readFileSync(index, 'utf8')
    if (text.includes(GENERATOR)) {
      file = path.join(appDir, '404.html')
      text = fs.readFileSync(file, 'utf8')
    }
  } catch (e) {
    throw new BuildError(`cannot read ${file} (--app must be the built app): ${causeOf(e)}`)
  }
  return { shell: parseShell(text, file), text }
}

/** The first `n` items of a feed (newest first), reading only the pages that hold them. */
function firstItems(dir: string, head: string, n: number): BundleListItem[] {
  const items: BundleListItem[] = []
  let file: string | undefined = path.join(dir, head)
  while (file && items.length < n) {
    const page: BundlePage = readJson<BundlePage>(file)
    items.push(...page.items)
    file = page.next_url ? path.join(path.dirname(file), page.next_url) : undefined
  }
  return items.slice(0, n)
}

/** The paths of a feed's pages, newest first, from its head alone (feed-bundle.md: paging). */
function chain(head: BundlePage): string[] {
  const paths = ['feed.json']
  const next = head.next_url
  const m = next ? /^page-(\d{6})\.json$/.exec(next) : null
  if (next && !m) throw new BuildError(`feed.json: unexpected next_url ${next}`)
  for (let k = m ? Number(m[1]) : -1; k >= 0; k--)
    paths.push(`page-${String(k).padStart(6, '0')}.json`)
  return paths
}

/** Every category: slug, name and the folder of its feed inside the bundle. */
type Category = { slug: string; name: string; count: number; feed: string }

function categories(bundleDir: string): Category[] {
  const out: Category[] = []
  let file: string | undefined = path.join(bundleDir, 'categories.json')
  while (file && fs.existsSync(file)) {
    const page: CategoriesPage | CategoriesPage['items'] = readJson(file)
    const items = Array.isArray(page) ? page : page.items
    for (const e of items)
      out.push({ slug: e.slug, name: e.name, count: e.count, feed: e.feed_url })
    file =
      !Array.isArray(page) && page.next_url
        ? path.join(path.dirname(file), page.next_url)
        : undefined
  }
  return out.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
}

export function writeStaticSite(options: StaticSiteOptions): StaticSiteSummary {
  const appDir = path.resolve(options.appDir)
  const { shell, text: shellText } = readShell(appDir)
  const shellDigest = digestOf(shellText).toString('hex')
  const head = readJson<BundlePage>(path.join(options.bundleDir, 'feed.json'))
  const site = siteInfo(options.siteUrl, head.title)
  const appRoot = fs.realpathSync(appDir)
  const bundleChanged = options.bundleChanged
  const oldPermalinks = options.oldPermalinks ?? false
  /** The files of an article: its page and, with --old-permalinks, its old address's redirect. */
  const filesOf = (id: string, date: string, category: string): string[] => {
    const files: string[] = []
    const page = articleFile(id)
    if (page !== null) files.push(page)
    const old = oldPermalinks ? permalinkFile(id, date, category) : null
    if (old !== null) files.push(old)
    return files
  }

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
  // Pages made the same way as last time: a list page the bundle did not rewrite holds the same
  // items, so its articles' pages are the same bytes and need not be made again.
  const same =
    trusted &&
    bundleChanged !== undefined &&
    loaded.shell === shellDigest &&
    loaded.siteUrl === options.siteUrl &&
    loaded.oldPermalinks === oldPermalinks &&
    loaded.pagesVersion === PAGES_VERSION
  const unchangedList = (p: string) => same && !bundleChanged.has(p) && loaded.lists[p]

  const writer = new BundleWriter(appDir, journalPath)
  try {
    // Pages are written in batches: each batch's changed paths are journaled in one append.
    let batch: { path: string; text: string; digest: Buffer }[] = []
    const flush = () => {
      writer.journal(batch.filter((f) => !previous(f.path)?.equals(f.digest)).map((f) => f.path))
      for (const f of batch) writer.write(f.path, f.text, previous(f.path), undefined, f.digest)
      batch = []
    }
    const emit = (p: string, text: string) => {
      batch.push({ path: p, text, digest: digestOf(text) })
      if (batch.length >= 256) flush()
    }

    // Articles: list page by list page of the archive, newest first.
    const lists: Record<string, Row[]> = {}
    const total = head._reader?.total_items ?? 0
    let pages = 0
    let seen = 0
    for (const list of chain(head)) {
      const kept = unchangedList(list)
      let rows: Row[]
      if (kept && kept.every((r) => filesOf(...r).every((f) => previous(f)))) {
        rows = kept
        for (const r of rows) for (const f of filesOf(...r)) writer.keep(f, previous(f)!)
        pages += rows.filter(([id]) => articleFile(id) !== null).length
      } else {
        const page =
          list === 'feed.json' ? head : readJson<BundlePage>(path.join(options.bundleDir, list))
        rows = page.items.map((item) => [
          item.id,
          item.date_published,
          item._reader?.category ?? '',
        ])
        for (const item of page.items) {
          const file = articleFile(item.id)
          if (file !== null) {
            emit(file, articlePage(shell, site, item))
            pages++
          }
          const old = oldPermalinks
            ? permalinkFile(item.id, item.date_published, item._reader?.category ?? '')
            : null
          if (old !== null) emit(old, redirectPage(shell, site, item))
        }
      }
      lists[list] = rows
      seen += rows.length
      if (seen % 1000 < rows.length) options.progress.update(seen, total, 'writing pages')
    }
    flush()

    // The home list's first page: the archive's head, as the app's first render shows it.
    emit(
      HOME_FILE,
      listPage(shell, site, {
        path: '/',
        from: 'all',
        heading: '最新文章',
        title: TEXT.appName,
        description: `${site.title}：最新文章`,
        atom: absolute(site, `${site.base}${ARCHIVE_ATOM_FILE}`),
        items: head.items,
        total,
      }),
    )

    // Atom per category: its newest 50, read from its own feed when it changed; and its list's
    // first page when its slug can name a file.
    const cats = categories(options.bundleDir)
    for (const c of cats) {
      const page = categoryFile(c.slug)
      if (page !== null) {
        const before = previous(page)
        if (same && before !== undefined && !bundleChanged.has(c.feed)) writer.keep(page, before)
        else {
          const heading = `来源：${c.name}`
          emit(
            page,
            listPage(shell, site, {
              path: `/category/${c.slug}`,
              from: `category:${c.slug}`,
              heading,
              title: heading,
              description: `${c.name}：${site.title}`,
              atom: absolute(site, `${site.base}${categoryAtomFile(c.slug)}`),
              items: readJson<BundlePage>(path.join(options.bundleDir, c.feed)).items,
              total: c.count,
            }),
          )
        }
      }
      const file = categoryAtomFile(c.slug)
      const before = previous(file)
      if (same && before !== undefined && !newestChanged(bundleChanged, c)) {
        writer.keep(file, before)
        continue
      }
      const entries = firstItems(options.bundleDir, c.feed, ATOM_ENTRIES).map((i) =>
        atomEntry(site, i),
      )
      emit(
        file,
        atomFeed(site, {
          self: absolute(site, `${site.base}${file}`),
          alternate: absolute(site, categoryHref(site, c.slug)),
          title: `${c.name} · ${site.title}`,
          entries,
        }),
      )
    }

    // Sitemaps: the home page and every source first, then the articles oldest first, so that
    // adding posts leaves the full files of older articles unchanged.
    const urls: SitemapUrl[] = [
      { loc: absolute(site, site.base) },
      ...cats.map((c) => ({ loc: absolute(site, categoryHref(site, c.slug)) })),
    ]
    const chainPaths = Object.keys(lists)
    for (let k = chainPaths.length - 1; k >= 0; k--) {
      const rows = lists[chainPaths[k]!]!
      for (let r = rows.length - 1; r >= 0; r--) {
        const [id, date] = rows[r]!
        urls.push({ loc: absolute(site, articleHref(site, id)), lastmod: date })
      }
    }
    const files: string[] = []
    for (let k = 0; k * SITEMAP_URLS < urls.length; k++) {
      const name = sitemapName(k + 1)
      files.push(absolute(site, `${site.base}${name}`))
      emit(name, sitemapFile(urls.slice(k * SITEMAP_URLS, (k + 1) * SITEMAP_URLS)))
    }
    emit('sitemap.xml', sitemapIndex(files))
    emit('robots.txt', robotsTxt(site))
    flush()
    // The sentinel last: it vouches for the manifest (see `trusted`).
    emit(
      ARCHIVE_ATOM_FILE,
      atomFeed(site, {
        self: absolute(site, `${site.base}${ARCHIVE_ATOM_FILE}`),
        alternate: absolute(site, site.base),
        title: site.title,
        entries: firstItems(options.bundleDir, 'feed.json', ATOM_ENTRIES).map((i) =>
          atomEntry(site, i),
        ),
      }),
    )
    flush()

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
 * Whether the bundle rewrote a page of a category's feed that holds some of its newest 50: the
 * head, and the numbered page it links to (named from the count, feed-bundle.md: paging).
 */
function newestChanged(changed: ReadonlySet<string>, c: Category): boolean {
  if (changed.has(c.feed)) return true
  const numbered = c.count === 0 ? 0 : Math.floor((c.count - 1) / PAGE_SIZE)
  if (numbered === 0) return false
  const next = `${path.posix.dirname(c.feed)}/page-${String(numbered - 1).padStart(6, '0')}.json`
  return changed.has(next)
}

function readLines(file: string): string[] {
  try {
    return fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l !== '')
  } catch {
    return []
  }
}

function sameDigest(file: string, hex: string | undefined): boolean {
  if (hex === undefined) return false
  try {
    return digestOf(fs.readFileSync(file)).toString('hex') === hex
  } catch {
    return false
  }
}
