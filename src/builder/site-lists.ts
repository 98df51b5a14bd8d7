// The static site's list phases: the first screen of the home list and of each source, the Atom
// feeds, sitemaps and robots.txt (see ./static-site.ts for the whole step).
import path from 'node:path'
import type { BundlePage } from '../shared/feed-bundle.ts'
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
import {
  ARCHIVE_ATOM_FILE,
  HOME_FILE,
  TEXT,
  absolute,
  articleHref,
  categoryAtomFile,
  categoryFile,
  categoryHref,
  type SiteInfo,
} from './html-pages.ts'
import { listPage } from './list-page.ts'
import type { BundleWriter } from './output.ts'
import type { Progress } from './progress.ts'
import {
  categories,
  firstItems,
  newestChanged,
  readJson,
  type Category,
  type Shells,
} from './site-bundle.ts'
import type { Row } from './site-manifest.ts'
import { digestOf } from './digest.ts'

/** What every phase works with. */
export type Run = {
  options: {
    bundleDir: string
    bundleChanged?: ReadonlySet<string>
    oldPermalinks?: boolean
    progress: Progress
  }
  shells: Shells
  site: SiteInfo
  head: BundlePage
  writer: BundleWriter
  /** The digest a file had when last written, where the manifest can vouch for it. */
  previous: (p: string) => Buffer | undefined
  /** Whether pages are made the same way as last time (same shell, site, options, format). */
  same: boolean
  /**
   * Queues a file (written in batches, each batch's changes journaled in one append). `digest`
   * when something cheaper than its bytes stands for them; then `text` may be a function, called
   * only when that digest is not the one the file was last written with.
   */
  emit: (p: string, text: string | (() => string), digest?: Buffer) => void
  flush: () => void
}

/**
 * The home list's first page (the archive's head, as the app's first render shows it); per
 * category its list's first page when its slug can name a file, and its Atom feed of its newest
 * 50, each made again only when the bundle rewrote what it shows.
 */
export function writeLists(run: Run): Category[] {
  const { options, site, head, writer, previous, same } = run
  const changed = options.bundleChanged
  run.emit(
    HOME_FILE,
    listPage(run.shells.list, site, {
      path: '/',
      from: 'all',
      heading: '最新文章',
      title: TEXT.appName,
      description: `${site.title}：最新文章`,
      atom: absolute(site, `${site.base}${ARCHIVE_ATOM_FILE}`),
      items: head.items,
      total: head._reader?.total_items ?? 0,
    }),
  )
  const cats = categories(options.bundleDir)
  for (const c of cats) {
    const page = categoryFile(c.slug)
    if (page !== null) {
      const before = previous(page)
      if (same && before !== undefined && !changed?.has(c.feed)) writer.keep(page, before)
      else {
        const heading = `来源：${c.name}`
        run.emit(
          page,
          listPage(run.shells.list, site, {
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
    if (same && before !== undefined && changed && !newestChanged(changed, c)) {
      writer.keep(file, before)
      continue
    }
    run.emit(
      file,
      atomFeed(site, {
        self: absolute(site, `${site.base}${file}`),
        alternate: absolute(site, categoryHref(site, c.slug)),
        title: `${c.name} · ${site.title}`,
        entries: firstItems(options.bundleDir, c.feed, ATOM_ENTRIES).map((i) => atomEntry(site, i)),
      }),
    )
  }
  return cats
}

/**
 * Sitemaps (the home page, the articles oldest first, then every source, so that adding posts or
 * sources leaves the full files of older articles unchanged), robots.txt, and last the archive's
 * Atom feed: the sentinel that vouches for the manifest.
 */
export function writeSitemaps(run: Run, cats: Category[], lists: Record<string, Row[]>): void {
  const { site, options } = run
  // An address, or an article's row (its address is made only for a sitemap that changed).
  const refs: (string | Row)[] = [absolute(site, site.base)]
  const chainPaths = Object.keys(lists)
  for (let k = chainPaths.length - 1; k >= 0; k--) {
    const rows = lists[chainPaths[k]!]!
    for (let r = rows.length - 1; r >= 0; r--) refs.push(rows[r]!)
  }
  for (const c of cats) refs.push(absolute(site, categoryHref(site, c.slug)))
  const url = (ref: string | Row): SitemapUrl =>
    typeof ref === 'string'
      ? { loc: ref }
      : { loc: absolute(site, articleHref(site, ref[0])), lastmod: ref[1] }
  // A sitemap is made from its entries and from the site and this code, which a probe sitemap
  // stands for: their digest stands for its bytes, and a full file of older articles is not
  // made again when posts are added.
  const probe = digestOf(sitemapFile([url(['probe', '2020-01-02T03:04:05+08:00', 'probe'])]))
  const files: string[] = []
  for (let k = 0; k * SITEMAP_URLS < refs.length; k++) {
    const name = sitemapName(k + 1)
    const slice = refs.slice(k * SITEMAP_URLS, (k + 1) * SITEMAP_URLS)
    files.push(absolute(site, `${site.base}${name}`))
    const digest = digestOf(`${probe.toString('base64')}\0${JSON.stringify(slice)}`)
    run.emit(name, () => sitemapFile(slice.map(url)), digest)
  }
  run.emit('sitemap.xml', sitemapIndex(files))
  run.emit('robots.txt', robotsTxt(site))
  run.flush()
  run.emit(
    ARCHIVE_ATOM_FILE,
    atomFeed(site, {
      self: absolute(site, `${site.base}${ARCHIVE_ATOM_FILE}`),
      alternate: absolute(site, site.base),
      title: site.title,
      entries: firstItems(options.bundleDir, 'feed.json', ATOM_ENTRIES, run.head).map((i) =>
        atomEntry(site, i),
      ),
    }),
  )
  run.flush()
}
