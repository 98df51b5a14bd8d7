// `--app DIR`: after the bundle is written, the static site beside the built app: an HTML page per
// article (./html-pages.ts), Atom feeds, sitemaps and robots.txt (./atom.ts). It reads the bundle
// it just wrote (the archive's pages, newest first, one page in memory at a time) and the app's
// index.html (the shell: CSP and hashed assets come from there), and writes through a
// BundleWriter rooted at the app folder: whole-file replace, only files whose bytes changed, a
// journal, and deletion of only the files it wrote before (its manifest, `<state>.pages`).
import fs from 'node:fs'
import path from 'node:path'
import type { BundleListItem, BundlePage, CategoriesPage } from '../shared/feed-bundle.ts'
import {
  ARCHIVE_ATOM_FILE,
  absolute,
  articleFile,
  articlePage,
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
  siteUrl: string
  /** The build's state file: the manifest is `<state>.pages`, its journal `<state>.pages-journal`. */
  stateFile: string
  progress: Progress
}

export type StaticSiteSummary = {
  pages: number
  written: number
  unchanged: number
  deleted: number
}

const MANIFEST_VERSION = 1
export const manifestFile = (stateFile: string) => `${stateFile}.pages`
const pagesJournal = (stateFile: string) => `${stateFile}.pages-journal`

type Manifest = { version: number; appRoot: string; shell: string; files: Record<string, string> }

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

/** Every item of a feed, newest first, one page in memory at a time. */
function* feedItems(dir: string, head: string): Generator<BundleListItem> {
  let file: string | undefined = path.join(dir, head)
  for (let guard = 0; file && guard < 10_000_000; guard++) {
    const page: BundlePage = readJson<BundlePage>(file)
    yield* page.items
    file = page.next_url ? path.join(path.dirname(file), page.next_url) : undefined
  }
}

/** slug → display name, from the paged categories.json. */
function categoryNames(bundleDir: string): Map<string, string> {
  const names = new Map<string, string>()
  let file: string | undefined = path.join(bundleDir, 'categories.json')
  while (file && fs.existsSync(file)) {
    const page: CategoriesPage | CategoriesPage['items'] = readJson(file)
    const items = Array.isArray(page) ? page : page.items
    for (const e of items) names.set(e.slug, e.name)
    file =
      !Array.isArray(page) && page.next_url
        ? path.join(path.dirname(file), page.next_url)
        : undefined
  }
  return names
}

export function writeStaticSite(options: StaticSiteOptions): StaticSiteSummary {
  const appDir = path.resolve(options.appDir)
  const { shell, text: shellText } = readShell(appDir)
  const archive = readJson<BundlePage>(path.join(options.bundleDir, 'feed.json'))
  const site = siteInfo(options.siteUrl, archive.title)
  const appRoot = fs.realpathSync(appDir)

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

    const archiveEntries: { date: string; xml: string }[] = []
    const byCategory = new Map<string, { date: string; xml: string }[]>()
    const articleUrls: SitemapUrl[] = []
    let pages = 0
    let seen = 0
    for (const item of feedItems(options.bundleDir, 'feed.json')) {
      if (++seen % 1000 === 0)
        options.progress.update(seen, archive._reader?.total_items ?? seen, 'writing pages')
      const file = articleFile(item.id)
      if (file !== null) {
        emit(file, articlePage(shell, site, item))
        pages++
      }
      articleUrls.push({
        loc: absolute(site, `${site.base}article/${encodeURIComponent(item.id)}`),
        lastmod: item.date_published,
      })
      const category = item._reader?.category
      const list = category === undefined ? undefined : (byCategory.get(category) ?? [])
      const wantArchive = archiveEntries.length < ATOM_ENTRIES
      const wantCategory = list !== undefined && list.length < ATOM_ENTRIES
      if (wantArchive || wantCategory) {
        const entry = atomEntry(site, item)
        if (wantArchive) archiveEntries.push(entry)
        if (wantCategory) {
          list.push(entry)
          byCategory.set(category, list)
        }
      }
    }

    const names = categoryNames(options.bundleDir)
    const slugs = [...byCategory.keys()].sort()
    for (const slug of slugs) {
      const name = names.get(slug) ?? slug
      emit(
        categoryAtomFile(slug),
        atomFeed(site, {
          self: absolute(site, `${site.base}${categoryAtomFile(slug)}`),
          alternate: absolute(site, categoryHref(site, slug)),
          title: `${name} · ${site.title}`,
          entries: byCategory.get(slug)!,
        }),
      )
    }

    // Sitemaps: the home page and every source first, then the articles oldest first, so that
    // adding posts leaves the full files of older articles unchanged.
    const urls: SitemapUrl[] = [
      { loc: absolute(site, site.base) },
      ...slugs.map((s) => ({ loc: absolute(site, categoryHref(site, s)) })),
      ...articleUrls.reverse(),
    ]
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
        entries: archiveEntries,
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
      appRoot,
      shell: digestOf(shellText).toString('hex'),
      files: Object.fromEntries(
        [...writer.emitted].map(([p, d]) => [p, d.toString('hex')] as const),
      ),
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
