// The static HTML of an article: the built app's shell (./html.ts) with the article's <title>,
// description, Open Graph, Twitter card, canonical link and JSON-LD NewsArticle in its head, and
// inside the root element the markup the app's article view renders (title, source, time, tags,
// the summary as text, the link to the original). The body stays out: it is HTML that only the
// app's one sanitizer policy may put on a page. Pure functions; writing is ./static-site.ts.
import { CONTENT_TEMPLATE, fileKey, fillTemplate } from '../shared/bundle-paths.ts'
import { ARCHIVE_TIME_ZONE, FULL_TIME_FORMAT, type BundleListItem } from '../shared/feed-bundle.ts'
import { escapeHtml, fillShell, scriptJson, type Shell } from './html.ts'

/** The app's words (src/lib/messages.ts), for the markup it renders itself. */
export const TEXT = {
  appName: '新闻阅读',
  skipToContent: '跳到正文',
  mainNav: '主导航',
  navLatest: '最新',
  navCategories: '分类',
  navFavourites: '收藏',
  navSettings: '设置',
  footerNote: '内容来自订阅源，正文经过安全过滤后显示。',
  tags: '标签',
  originalLink: '阅读原文',
  opensNewWindow: '（在新窗口打开）',
  readingTime: (minutes: number) => `约 ${Math.max(1, minutes)} 分钟读完`,
  atomTitle: (name: string) => `${name}（Atom）`,
}

const contentPath = (id: string) => fillTemplate(CONTENT_TEMPLATE, fileKey(id))

/** Where the site is: its absolute URL without a trailing slash, and its path (`/` or `/repo/`). */
export type SiteInfo = { url: string; base: string; title: string }

export function siteInfo(siteUrl: string, title: string): SiteInfo {
  const url = siteUrl.replace(/\/+$/, '')
  const base = new URL(`${url}/`).pathname
  return { url, base, title }
}

export const articleHref = (site: SiteInfo, id: string) =>
  `${site.base}article/${encodeURIComponent(id)}`
export const categoryHref = (site: SiteInfo, slug: string) =>
  `${site.base}category/${encodeURIComponent(slug)}`
export const tagHref = (site: SiteInfo, tag: string) => `${site.base}tag/${encodeURIComponent(tag)}`
export const absolute = (site: SiteInfo, href: string) => new URL(href, `${site.url}/`).href

/**
 * The file of an article's page, or null when the id cannot name one that every host finds from
 * the address: only plain lower-case ASCII ids (those `fileKey` leaves alone; every finews id)
 * get a page, others open in the app through the host's fallback.
 */
export function articleFile(id: string): string | null {
  return fileKey(id) === id ? `article/${id}.html` : null
}

/** The home list's page: the app's own index.html, written over (its shell is then 404.html). */
export const HOME_FILE = 'index.html'

/** A category list's page, for slugs that name a file as they are (like articleFile). */
export const categoryFile = (slug: string) =>
  fileKey(slug) === slug ? `category/${slug}.html` : null

/** The Atom feed of a category, next to its list's address. */
export const categoryAtomFile = (slug: string) => `category/${fileKey(slug)}.xml`
export const ARCHIVE_ATOM_FILE = 'feed.xml'

/** `2022/06/07 10:31` in the archive's zone, as the app writes a full time (Asia/Shanghai). */
let dateTime: Intl.DateTimeFormat | undefined
export function fullTime(iso: string): string {
  dateTime ??= new Intl.DateTimeFormat('zh-CN', {
    timeZone: ARCHIVE_TIME_ZONE,
    ...FULL_TIME_FORMAT,
  })
  const ms = Date.parse(iso)
  return Number.isNaN(ms) ? iso : dateTime.format(ms)
}

/** The source's name as the app shows it: the first tag, else the category. */
export const sourceName = (item: BundleListItem) => item.tags[0] ?? item._reader?.category ?? null

/** The layout every page of the app shares (RootLayout's Shell), around a page's own markup. */
export function layout(site: SiteInfo, main: string, path = ''): string {
  const b = site.base
  const nav = [
    [b, TEXT.navLatest, '/'],
    [`${b}categories`, TEXT.navCategories, '/categories'],
    [`${b}favourites`, TEXT.navFavourites, '/favourites'],
    [`${b}settings`, TEXT.navSettings, '/settings'],
  ]
    .map(([href, label, at]) =>
      at === path
        ? `<li><a aria-current="page" class="active" href="${escapeHtml(href!)}">${label}</a></li>`
        : `<li><a class="" href="${escapeHtml(href!)}">${label}</a></li>`,
    )
    .join('')
  return (
    `<a class="skip-link" href="#main">${TEXT.skipToContent}</a>` +
    `<header class="site-header"><a class="brand" href="${escapeHtml(b)}">${TEXT.appName}</a>` +
    `<nav aria-label="${TEXT.mainNav}"><ul>${nav}</ul></nav></header>` +
    `<main id="main" tabindex="-1">${main}</main>` +
    `<footer class="site-footer"><p>${TEXT.footerNote}</p></footer>`
  )
}

/** Source link and time, as the app's ArticleMeta renders them. */
function meta(site: SiteInfo, item: BundleListItem, extra: string): string {
  const source = sourceName(item)
  const category = item._reader?.category
  const full = fullTime(item.date_published)
  return (
    `<p class="meta">` +
    (source !== null && category
      ? `<a class="source" href="${escapeHtml(categoryHref(site, category))}">${escapeHtml(source)}</a>`
      : '') +
    `<time datetime="${escapeHtml(item.date_published)}" title="${escapeHtml(full)}">${escapeHtml(full)}</time>` +
    extra +
    `</p>`
  )
}

/** The tags other than the source's own name, as links (ArticleTags). */
function tagList(site: SiteInfo, item: BundleListItem): string {
  const source = sourceName(item)
  const tags = item.tags.filter((t) => t !== source)
  if (!tags.length) return ''
  const lis = tags
    .map((t) => `<li><a href="${escapeHtml(tagHref(site, t))}">#${escapeHtml(t)}</a></li>`)
    .join('')
  return `<ul class="tags" aria-label="${TEXT.tags}">${lis}</ul>`
}

/** One line for <meta name="description">: the summary, else the title. */
const description = (item: BundleListItem) => (item.summary || item.title).replace(/\s+/g, ' ')

/** The head tags of an article page: description, links, Open Graph, Twitter card, JSON-LD. */
function articleHead(site: SiteInfo, item: BundleListItem, url: string): string {
  const desc = description(item)
  const source = sourceName(item)
  const m = (attr: 'name' | 'property', key: string, value: string) =>
    `    <meta ${attr}="${key}" content="${escapeHtml(value)}" />\n`
  const ld: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: item.title,
    description: desc,
    datePublished: item.date_published,
    mainEntityOfPage: url,
    url,
    inLanguage: 'zh-CN',
    publisher: { '@type': 'Organization', name: site.title },
  }
  if (source !== null) ld.articleSection = source
  if (item.tags.length) ld.keywords = item.tags.join(',')
  if (item.external_url) ld.isBasedOn = item.external_url
  return (
    m('name', 'description', desc) +
    `    <link rel="canonical" href="${escapeHtml(url)}" />\n` +
    `    <link rel="alternate" type="application/atom+xml" title="${escapeHtml(TEXT.atomTitle(site.title))}" href="${escapeHtml(absolute(site, `${site.base}${ARCHIVE_ATOM_FILE}`))}" />\n` +
    m('property', 'og:type', 'article') +
    m('property', 'og:site_name', site.title) +
    m('property', 'og:title', item.title) +
    m('property', 'og:description', desc) +
    m('property', 'og:url', url) +
    m('property', 'og:locale', 'zh_CN') +
    m('property', 'article:published_time', item.date_published) +
    (source !== null ? m('property', 'article:section', source) : '') +
    item.tags.map((t) => m('property', 'article:tag', t)).join('') +
    m('name', 'twitter:card', 'summary') +
    m('name', 'twitter:title', item.title) +
    m('name', 'twitter:description', desc) +
    `    <script type="application/ld+json">${scriptJson(ld)}</script>\n  `
  )
}

/** The shell's preload of the feed head, and the HTML comment just before it. */
const FEED_PRELOAD =
  /(?:<!--(?:(?!-->)[\s\S])*-->\s*)?<link rel="preload" href="([^"]*\/)feed\.json" as="fetch" crossorigin \/>/

/** The shell's head around its feed preload, found once per shell (every article page asks). */
const preloads = new WeakMap<Shell, { before: string; dir: string; after: string } | null>()
function feedPreload(shell: Shell) {
  let found = preloads.get(shell)
  if (found === undefined) {
    const m = FEED_PRELOAD.exec(shell.head)
    found =
      m === null
        ? null
        : {
            before: shell.head.slice(0, m.index),
            dir: m[1] as string,
            after: shell.head.slice(m.index + m[0].length),
          }
    preloads.set(shell, found)
  }
  return found
}

/** An article's page: what link previews, crawlers and readers without JavaScript see. */
export function articlePage(shell: Shell, site: SiteInfo, item: BundleListItem): string {
  const url = absolute(site, articleHref(site, item.id))
  const minutes = item._reader?.reading_minutes
  const original = item.external_url
    ? `<a href="${escapeHtml(item.external_url)}" target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer">${TEXT.originalLink}<span class="visually-hidden">${TEXT.opensNewWindow}</span></a>`
    : ''
  const article =
    // data-static: the page's own markup, which src/app/early-body.ts fills until the app renders.
    `<article class="article" data-static aria-labelledby="article-title"><header>` +
    `<h1 id="article-title">${escapeHtml(item.title)}</h1>` +
    meta(site, item, minutes ? `<span>${TEXT.readingTime(minutes)}</span>` : '') +
    tagList(site, item) +
    `</header>` +
    (item.summary ? `<p class="summary">${escapeHtml(item.summary)}</p>` : '') +
    `<footer class="article-footer">${original}</footer></article>`
  // The body's content file downloads beside the scripts, in place of the shell's feed head
  // preload (with its comment): the app takes the body from that file, and the head, which only
  // the links below the body need, would share the link with the scripts the body waits for.
  const feed = feedPreload(shell)
  const head =
    feed === null
      ? shell.head
      : `${feed.before}<link rel="preload" href="${feed.dir}${escapeHtml(contentPath(item.id))}" as="fetch" crossorigin data-article="${escapeHtml(item.id)}" />${feed.after}`
  return fillShell(
    { ...shell, head },
    `/article/${encodeURIComponent(item.id)}`,
    `${item.title} · ${TEXT.appName}`,
    articleHead(site, item, url),
    layout(site, article),
  )
}

/**
 * The old site's address of a post (Jekyll's `/:categories/:year/:month/:day/:title.html`, with the
 * bundle's one category and the date as `date_published` writes it), when every part can name a
 * file; else null.
 */
const RESERVED = new Set([
  'article',
  'assets',
  'category',
  'feed',
  'tag',
  'categories',
  'favourites',
  'settings',
])

export function permalinkFile(id: string, date: string, category: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})T/.exec(date)
  if (!d || !category || fileKey(category) !== category || fileKey(id) !== id) return null
  // A category named like a folder of the app or the bundle would write into it.
  if (RESERVED.has(category)) return null
  return `${category}/${d[1]}/${d[2]}/${d[3]}/${id}.html`
}

/**
 * A redirect from an old permalink to the article: `<meta http-equiv="refresh">`, a canonical
 * link, and a plain link for whoever does not follow either. The shell's CSP meta comes along.
 */
export function redirectPage(shell: Shell, site: SiteInfo, item: BundleListItem): string {
  const href = articleHref(site, item.id)
  const url = absolute(site, href)
  const csp = /<meta\s+http-equiv="Content-Security-Policy"[^>]*>/.exec(shell.head)?.[0] ?? ''
  return (
    `<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="UTF-8" />\n${csp}\n` +
    `<meta name="robots" content="noindex" />\n` +
    `<title>${escapeHtml(item.title)} · ${TEXT.appName}</title>\n` +
    `<link rel="canonical" href="${escapeHtml(url)}" />\n` +
    `<meta http-equiv="refresh" content="0; url=${escapeHtml(href)}" />\n</head>\n` +
    `<body><p><a href="${escapeHtml(href)}">${escapeHtml(item.title)}</a></p></body>\n</html>\n`
  )
}
