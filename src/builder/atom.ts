// Atom 1.0 feeds (RFC 4287) of the newest articles, the old site's `feed.xml` (jekyll-feed) kept,
// and sitemaps (sitemaps.org 0.9: at most 50,000 URLs a file, an index naming the files) and
// robots.txt. Pure functions of their entries: the same entries give the same bytes.
import type { BundleListItem } from '../shared/feed-bundle.ts'
import { escapeXml } from './html.ts'
import { absolute, articleHref, sourceName, type SiteInfo } from './html-pages.ts'

/** Articles in an Atom feed: the newest 50, as jekyll-feed offered. */
export const ATOM_ENTRIES = 50
/** URLs in one sitemap file (the protocol's limit). */
export const SITEMAP_URLS = 50_000

/** One <entry>, made once per article while the archive is read (kept as text, not objects). */
export function atomEntry(site: SiteInfo, item: BundleListItem): { date: string; xml: string } {
  const url = absolute(site, articleHref(site, item.id))
  const source = sourceName(item)
  const category = item._reader?.category
  const xml =
    `  <entry>\n` +
    `    <id>${escapeXml(url)}</id>\n` +
    `    <title type="text">${escapeXml(item.title)}</title>\n` +
    `    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>\n` +
    (item.external_url
      ? `    <link rel="related" type="text/html" href="${escapeXml(item.external_url)}"/>\n`
      : '') +
    `    <published>${escapeXml(item.date_published)}</published>\n` +
    `    <updated>${escapeXml(item.date_published)}</updated>\n` +
    (source !== null ? `    <author><name>${escapeXml(source)}</name></author>\n` : '') +
    (category
      ? `    <category term="${escapeXml(category)}"${source !== null ? ` label="${escapeXml(source)}"` : ''}/>\n`
      : '') +
    (item.summary ? `    <summary type="text">${escapeXml(item.summary)}</summary>\n` : '') +
    `  </entry>\n`
  return { date: item.date_published, xml }
}

/** The latest instant among RFC 3339 dates, as RFC 3339 (UTC); the epoch for none. */
function newest(dates: readonly string[]): string {
  let best = -Infinity
  let text = '1970-01-01T00:00:00Z'
  for (const d of dates) {
    const ms = Date.parse(d)
    if (ms > best) {
      best = ms
      text = d
    }
  }
  return text
}

export type AtomFeed = {
  /** The feed's own address (absolute). */
  self: string
  /** The HTML page of the same list (absolute). */
  alternate: string
  title: string
  entries: readonly { date: string; xml: string }[]
}

export function atomFeed(site: SiteInfo, feed: AtomFeed): string {
  return (
    `<?xml version="1.0" encoding="utf-8"?>\n` +
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">\n` +
    `  <id>${escapeXml(feed.self)}</id>\n` +
    `  <title type="text">${escapeXml(feed.title)}</title>\n` +
    `  <updated>${escapeXml(newest(feed.entries.map((e) => e.date)))}</updated>\n` +
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.self)}"/>\n` +
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.alternate)}"/>\n` +
    `  <author><name>${escapeXml(site.title)}</name></author>\n` +
    `  <generator>news-reader</generator>\n` +
    feed.entries.map((e) => e.xml).join('') +
    `</feed>\n`
  )
}

export type SitemapUrl = { loc: string; lastmod?: string }

export function sitemapFile(urls: readonly SitemapUrl[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n` +
    urls
      .map(
        (u) =>
          `<url><loc>${escapeXml(u.loc)}</loc>${u.lastmod ? `<lastmod>${escapeXml(u.lastmod)}</lastmod>` : ''}</url>\n`,
      )
      .join('') +
    `</urlset>\n`
  )
}

export function sitemapIndex(files: readonly string[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n` +
    files.map((f) => `<sitemap><loc>${escapeXml(f)}</loc></sitemap>\n`).join('') +
    `</sitemapindex>\n`
  )
}

export const sitemapName = (n: number) => `sitemap-${String(n).padStart(6, '0')}.xml`

export function robotsTxt(site: SiteInfo): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absolute(site, `${site.base}sitemap.xml`)}\n`
}
