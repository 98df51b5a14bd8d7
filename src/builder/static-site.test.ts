// `build --app`: every article page read as a link-preview fetcher reads it (an HTML parser, no
// browser), the shell's CSP and assets carried over, hostile titles kept as text, the Atom feeds
// through a third-party feed parser and an XML validator, sitemaps and robots.txt, and incremental
// builds that rewrite only the files a change touches.
import { parseFeed } from '@rowanmanning/feed-parser'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parse, type DefaultTreeAdapterMap } from 'parse5'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateArchive } from '../../scripts/gen-archive.ts'
import type { BundleListItem, BundlePage } from '../shared/feed-bundle.ts'
import { build } from './build.ts'
import { escapeHtml, scriptJson } from './html.ts'
import { articleFile } from './html-pages.ts'
import { openStaticSite, writeStaticSite } from './static-site.ts'

type Node = DefaultTreeAdapterMap['node']
type Element = DefaultTreeAdapterMap['element']

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'static-site-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; trusted-types news-reader-html"
/** What vite build writes (shape of dist/index.html): the test's stand-in for the built app. */
const SHELL = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="Content-Security-Policy" content="${CSP}" />
    <link rel="preload" href="/feed/feed.json" as="fetch" crossorigin />
    <title>新闻阅读</title>
    <script type="module" crossorigin src="/assets/index-AbC123.js"></script>
    <link rel="stylesheet" crossorigin href="/assets/app-XyZ789.css">
  </head>
  <body>
    <div id="root"></div>
    <noscript>本阅读器需要启用 JavaScript。</noscript>
  </body>
</html>
`
const SITE_URL = 'https://reader.example/news'

function makeApp(dir: string): string {
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(path.join(dir, 'index.html'), SHELL)
  fs.writeFileSync(path.join(dir, '404.html'), SHELL)
  return dir
}

const elements = function* (node: Node): Generator<Element> {
  if ('tagName' in node) yield node
  if ('childNodes' in node) for (const c of node.childNodes) yield* elements(c)
  if ('content' in node) yield* elements(node.content)
}
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value
const text = (node: Node): string =>
  'value' in node && node.nodeName === '#text'
    ? node.value
    : 'childNodes' in node
      ? node.childNodes.map(text).join('')
      : ''

/** What a link-preview fetcher takes from a page: its <head> meta, links, title, JSON-LD. */
function preview(html: string) {
  const doc = parse(html)
  const all = [...elements(doc)]
  const head = all.find((e) => e.tagName === 'head')!
  const inHead = [...elements(head)]
  const meta = new Map<string, string[]>()
  for (const m of inHead.filter((e) => e.tagName === 'meta')) {
    const key = attr(m, 'property') ?? attr(m, 'name') ?? attr(m, 'http-equiv')
    if (key) meta.set(key, [...(meta.get(key) ?? []), attr(m, 'content') ?? ''])
  }
  const one = (k: string) => meta.get(k)?.[0]
  const ld = inHead.filter(
    (e) => e.tagName === 'script' && attr(e, 'type') === 'application/ld+json',
  )
  return {
    all,
    one,
    meta,
    title: text(inHead.find((e) => e.tagName === 'title')!),
    canonical: attr(
      inHead.find((e) => e.tagName === 'link' && attr(e, 'rel') === 'canonical')!,
      'href',
    ),
    alternate: inHead
      .filter((e) => e.tagName === 'link' && attr(e, 'rel') === 'alternate')
      .map((e) => attr(e, 'href')),
    scripts: all.filter((e) => e.tagName === 'script' && attr(e, 'type') !== 'application/ld+json'),
    ld: ld.map((e) => JSON.parse(text(e)) as Record<string, unknown>),
    h1: all.filter((e) => e.tagName === 'h1').map(text)[0] ?? '',
  }
}

/** Every list item of the archive's feed, newest first. */
function archiveItems(out: string): BundleListItem[] {
  const items: BundleListItem[] = []
  let file: string | undefined = path.join(out, 'feed.json')
  while (file) {
    const page = JSON.parse(fs.readFileSync(file, 'utf8')) as BundlePage
    items.push(...page.items)
    file = page.next_url ? path.join(path.dirname(file), page.next_url) : undefined
  }
  return items
}

describe('build --app on a generated archive', () => {
  const site = path.join(tmp, 'gen')
  const app = path.join(tmp, 'gen-app')
  const out = path.join(app, 'feed')
  const state = path.join(tmp, 'gen-state')
  let items: BundleListItem[]
  let title: string
  let result: ReturnType<typeof build>
  beforeAll(() => {
    generateArchive({ count: 130, dir: site, seed: 3 })
    makeApp(app)
    result = build({ input: site, out, appDir: app, siteUrl: SITE_URL, stateFile: state })
    expect(result.pages?.pages).toBe(130)
    items = archiveItems(out)
    title = (JSON.parse(fs.readFileSync(path.join(out, 'feed.json'), 'utf8')) as BundlePage).title
  })

  it('gives every article a page a link-preview fetcher reads in full', () => {
    expect(items).toHaveLength(130)
    for (const item of items) {
      const file = articleFile(item.id)
      expect(file).not.toBeNull()
      const p = preview(fs.readFileSync(path.join(app, file!), 'utf8'))
      const url = `${SITE_URL}/article/${item.id}`
      expect(p.one('og:type')).toBe('article')
      expect(p.one('og:title')).toBe(item.title)
      expect(p.one('og:url')).toBe(url)
      expect(p.one('og:site_name')).toBe(title)
      expect(p.one('og:description')).toBe((item.summary || item.title).replace(/\s+/g, ' '))
      expect(p.one('description')).toBe(p.one('og:description'))
      expect(p.one('article:published_time')).toBe(item.date_published)
      expect(p.one('twitter:card')).toBe('summary')
      expect(p.one('twitter:title')).toBe(item.title)
      expect(p.canonical).toBe(url)
      expect(p.alternate).toContain(`${SITE_URL}/feed.xml`)
      expect(p.title).toBe(`${item.title} · 新闻阅读`)
      expect(p.h1).toBe(item.title)
      expect(p.ld).toHaveLength(1)
      expect(p.ld[0]).toMatchObject({
        '@type': 'NewsArticle',
        headline: item.title,
        datePublished: item.date_published,
        url,
      })
      // The built app's CSP and assets, taken from its index.html.
      expect(p.meta.get('Content-Security-Policy')).toEqual([CSP])
      expect(p.scripts.map((s) => attr(s, 'src'))).toEqual(['/assets/index-AbC123.js'])
      if (item.external_url)
        expect(p.all.some((e) => e.tagName === 'a' && attr(e, 'href') === item.external_url)).toBe(
          true,
        )
    }
  })

  it('writes each article page once, while reading, the same as the pages step alone makes it', () => {
    // A clean build writes every page once (no list page here is cut to the size limit): a page
    // written while reading and again after would count as unchanged the second time.
    expect(result.pages?.unchanged).toBe(0)
    const alone = makeApp(path.join(tmp, 'gen-app-alone'))
    const progress = { update: () => {}, done: () => {} }
    const stateFile = path.join(tmp, 'gen-state-alone')
    writeStaticSite({ appDir: alone, bundleDir: out, siteUrl: SITE_URL, stateFile, progress })
    const pages = fs.readdirSync(path.join(alone, 'article'))
    expect(pages).toHaveLength(130)
    for (const p of pages)
      expect(fs.readFileSync(path.join(app, 'article', p), 'utf8'), p).toBe(
        fs.readFileSync(path.join(alone, 'article', p), 'utf8'),
      )
  })

  it('keeps each article page under 6 KB gzip before assets', async () => {
    const { gzipSync } = await import('node:zlib')
    for (const item of items) {
      const bytes = fs.readFileSync(path.join(app, articleFile(item.id)!))
      expect(gzipSync(bytes).length).toBeLessThan(6 * 1024)
    }
  })

  it('writes Atom feeds that a feed parser reads and an XML validator accepts', () => {
    const xml = fs.readFileSync(path.join(app, 'feed.xml'), 'utf8')
    expect(XMLValidator.validate(xml)).toBe(true)
    const feed = parseFeed(xml)
    expect(feed.meta.type).toBe('atom')
    expect(feed.items).toHaveLength(50)
    expect(feed.items.map((i) => i.title)).toEqual(items.slice(0, 50).map((i) => i.title))
    expect(feed.items[0]!.url).toBe(`${SITE_URL}/article/${items[0]!.id}`)
    expect(feed.self).toBe(`${SITE_URL}/feed.xml`)
    const categories = fs.readdirSync(path.join(app, 'category')).filter((n) => n.endsWith('.xml'))
    expect(categories.length).toBeGreaterThan(0)
    for (const name of categories) {
      const c = fs.readFileSync(path.join(app, 'category', name), 'utf8')
      expect(XMLValidator.validate(c)).toBe(true)
      const parsed = parseFeed(c)
      const slug = name.replace(/\.xml$/, '')
      const want = items.filter((i) => i._reader.category === slug).slice(0, 50)
      expect(parsed.items.map((i) => i.url)).toEqual(want.map((i) => `${SITE_URL}/article/${i.id}`))
    }
  })

  it('writes a sitemap index, sitemaps of every article and source, and robots.txt', () => {
    const index = fs.readFileSync(path.join(app, 'sitemap.xml'), 'utf8')
    expect(XMLValidator.validate(index)).toBe(true)
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
    const locs = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])
    expect(locs).toEqual([`${SITE_URL}/sitemap-000001.xml`])
    const map = fs.readFileSync(path.join(app, 'sitemap-000001.xml'), 'utf8')
    expect(XMLValidator.validate(map)).toBe(true)
    const urls = [...map.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])
    expect(urls[0]).toBe(`${SITE_URL}/`)
    for (const item of items) expect(urls).toContain(`${SITE_URL}/article/${item.id}`)
    // The sources last: new posts and new sources leave the full files of older articles alone.
    const firstSource = urls.findIndex((u) => u!.startsWith(`${SITE_URL}/category/`))
    expect(firstSource).toBe(1 + items.length)
    for (const c of new Set(items.map((i) => i._reader.category)))
      expect(urls.slice(firstSource)).toContain(`${SITE_URL}/category/${encodeURIComponent(c)}`)
    expect(fs.readFileSync(path.join(app, 'robots.txt'), 'utf8')).toBe(
      `User-agent: *\nAllow: /\n\nSitemap: ${SITE_URL}/sitemap.xml\n`,
    )
  })

  it('writes the home list over index.html and leaves 404.html, the fallback shell, alone', () => {
    expect(fs.readFileSync(path.join(app, '404.html'), 'utf8')).toBe(SHELL)
    const home = preview(fs.readFileSync(path.join(app, 'index.html'), 'utf8'))
    expect(home.h1).toBe('最新文章')
    expect(home.one('news-reader-page')).toBe('/')
    expect(home.meta.get('Content-Security-Policy')).toEqual([CSP])
    expect(home.alternate).toContain(`${SITE_URL}/feed.xml`)
    const head = JSON.parse(fs.readFileSync(path.join(out, 'feed.json'), 'utf8')) as BundlePage
    const titles = home.all.filter((e) => e.tagName === 'h2').map((e) => text(e))
    expect(titles).toEqual(head.items.map((i) => i.title))
    // A category's list page: its head's items, its Atom feed linked.
    const slug = items[0]!._reader.category
    const cat = preview(fs.readFileSync(path.join(app, `category/${slug}.html`), 'utf8'))
    expect(cat.alternate).toContain(`${SITE_URL}/category/${slug}.xml`)
    expect(cat.one('news-reader-page')).toBe(`/category/${slug}`)
    // Built again on its own output, the shell is still the app's (404.html), not a page.
    build({ input: site, out, appDir: app, siteUrl: SITE_URL, stateFile: state })
    expect(preview(fs.readFileSync(path.join(app, 'index.html'), 'utf8')).scripts.length).toBe(1)
  })
})

/** Path → inode and mtime of every file under `dir` but the bundle: what a rebuild touched. */
function stamps(dir: string): Map<string, string> {
  const m = new Map<string, string>()
  for (const rel of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (rel.startsWith('feed/') || rel === 'feed') continue
    const s = fs.statSync(path.join(dir, rel))
    if (s.isFile()) m.set(rel, `${s.ino}:${s.mtimeMs}`)
  }
  return m
}
const changed = (a: Map<string, string>, b: Map<string, string>) =>
  [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort()

/** Every file under `dir` but the bundle and the builder's own, with its bytes. */
function pagesOf(dir: string): Map<string, string> {
  const m = new Map<string, string>()
  for (const rel of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    if (rel.startsWith('feed') || rel.startsWith('.')) continue
    const file = path.join(dir, rel)
    if (fs.statSync(file).isFile()) m.set(rel, fs.readFileSync(file, 'utf8'))
  }
  return m
}

describe('an archive big enough for the writer thread', () => {
  it('gives the same pages, each written once, clean and after new posts', () => {
    const site = path.join(tmp, 'big')
    const app = makeApp(path.join(tmp, 'big-app'))
    const state = path.join(tmp, 'big-state')
    const options = { input: site, out: path.join(app, 'feed'), appDir: app, siteUrl: SITE_URL }
    // Past 512 files the bundle's writer thread writes the article pages too.
    generateArchive({ count: 600, dir: site, seed: 11 })
    const first = build({ ...options, stateFile: state, validate: false })
    expect(first.pages).toMatchObject({ pages: 600, unchanged: 0 })

    generateArchive({ count: 7, dir: site, seed: 12, start: '2036-01-01' })
    const next = build({ ...options, stateFile: state, validate: false })
    expect(next.pages?.pages).toBe(607)
    const clean = makeApp(path.join(tmp, 'big-clean'))
    build({
      ...options,
      out: path.join(clean, 'feed'),
      appDir: clean,
      stateFile: path.join(tmp, 'big-clean-state'),
      validate: false,
    })
    expect(pagesOf(app)).toEqual(pagesOf(clean))
  })
})

describe('an article page written in the read phase from another item than its list holds', () => {
  it('is made again from the listed item, clean and with a trusted manifest', () => {
    // The list pages cut an item to their size limit: the page then follows the listed item.
    const site = path.join(tmp, 'cut')
    const out = path.join(tmp, 'cut-bundle')
    generateArchive({ count: 12, dir: site, seed: 21 })
    build({ input: site, out, stateFile: path.join(tmp, 'cut-state') })
    const head = JSON.parse(fs.readFileSync(path.join(out, 'feed.json'), 'utf8')) as BundlePage
    const item = head.items[3]!
    const longer = { ...item, summary: `${item.summary} 还有更多` }
    const progress = { update: () => {}, done: () => {} }
    const base = { bundleDir: out, siteUrl: SITE_URL, progress, title: head.title }
    const expected = makeApp(path.join(tmp, 'cut-expected'))
    writeStaticSite({ ...base, appDir: expected, stateFile: path.join(tmp, 'cut-expected-state') })
    const page = (dir: string) => fs.readFileSync(path.join(dir, articleFile(item.id)!), 'utf8')

    const app = makeApp(path.join(tmp, 'cut-app'))
    const stateFile = path.join(tmp, 'cut-app-state')
    for (const bundleChanged of [undefined, new Set<string>()]) {
      // The second time the manifest says the page holds the listed item, as it did.
      const opened = openStaticSite({ ...base, appDir: app, stateFile })
      try {
        opened.article(longer)
        const r = opened.finish(head, bundleChanged)
        expect(r.pages).toBe(12)
      } finally {
        opened.close()
      }
      expect(page(app)).toBe(page(expected))
    }
  })
})

describe('incremental builds with --app', () => {
  const site = path.join(tmp, 'inc')
  const app = path.join(tmp, 'inc-app')
  const out = path.join(app, 'feed')
  const state = path.join(tmp, 'inc-state')
  const run = () => build({ input: site, out, appDir: app, siteUrl: SITE_URL, stateFile: state })
  beforeAll(() => {
    generateArchive({ count: 120, dir: site, seed: 5, start: '2026-01-01' })
    makeApp(app)
    run()
  })

  it('rewrites nothing when nothing changed', () => {
    const before = stamps(app)
    const r = run()
    expect(r.pages?.written).toBe(0)
    expect(changed(before, stamps(app))).toEqual([])
  })

  it('a new post rewrites its page, the Atom feeds it is in and the last sitemap only', () => {
    const items = archiveItems(out)
    const category = items[0]!._reader.category
    fs.writeFileSync(
      path.join(site, '_posts', '2027-01-01-202701010000000001.md'),
      `---\ntitle: 新的一篇\ndate: 2027-01-01 08:00:00 +0800\ncategories: ${category}\ntags: ${items[0]!.tags[0]}\n---\n<p>正文</p>\n\n<http://source.example/1.html>\n`,
    )
    const before = stamps(app)
    const r = run()
    expect(changed(before, stamps(app))).toEqual(
      [
        'article/202701010000000001.html',
        'index.html',
        `category/${category}.html`,
        'feed.xml',
        `category/${category}.xml`,
        'sitemap-000001.xml',
      ].sort(),
    )
    expect(r.pages?.written).toBe(6)
  })

  it('an edited title rewrites that page; a removed post deletes its page', () => {
    const items = archiveItems(out)
    const old = items.at(-1)!
    const category = old._reader.category
    const inCategoryAtom = items
      .filter((i) => i._reader.category === category)
      .slice(0, 50)
      .some((i) => i.id === old.id)
    const inCategoryHead = (
      JSON.parse(
        fs.readFileSync(path.join(out, 'category', category, 'feed.json'), 'utf8'),
      ) as BundlePage
    ).items.some((i) => i.id === old.id)
    const atom = [
      ...(inCategoryAtom ? [`category/${category}.xml`] : []),
      ...(inCategoryHead ? [`category/${category}.html`] : []),
    ]
    const file = fs.readdirSync(path.join(site, '_posts')).find((n) => n.endsWith(`-${old.id}.md`))!
    const p = path.join(site, '_posts', file)
    fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replace(/^title: .*$/m, 'title: "改过的标题"'))
    let before = stamps(app)
    run()
    expect(changed(before, stamps(app))).toEqual([`article/${old.id}.html`, ...atom].sort())
    fs.rmSync(p)
    before = stamps(app)
    run()
    const after = stamps(app)
    expect(after.has(`article/${old.id}.html`)).toBe(false)
    expect(changed(before, after)).toEqual(
      // The lists' counts (aria-setsize, N 篇未读) change with a removal.
      [
        `article/${old.id}.html`,
        ...atom,
        `category/${category}.html`,
        'index.html',
        'sitemap-000001.xml',
      ]
        .filter((f, k, all) => all.indexOf(f) === k)
        .sort(),
    )
  })

  it('rewrites every article page when the app shell changes', () => {
    const shell = path.join(app, '404.html')
    const before = fs.readFileSync(shell, 'utf8')
    fs.writeFileSync(
      shell,
      before.replace('</head>', '<meta name="x-new-build" content="1" />\n</head>'),
    )
    try {
      const r = run()
      for (const item of archiveItems(out)) {
        const page = fs.readFileSync(path.join(app, articleFile(item.id)!), 'utf8')
        expect(page).toContain('x-new-build')
      }
      expect(r.pages!.written).toBeGreaterThanOrEqual(r.pages!.pages)
    } finally {
      fs.writeFileSync(shell, before)
      run()
    }
  })

  it('writes every page again after the app folder was emptied (vite build)', () => {
    fs.rmSync(app, { recursive: true, force: true })
    makeApp(app)
    const r = run()
    expect(r.pages?.unchanged).toBe(0)
    expect(r.pages!.written).toBeGreaterThan(r.pages!.pages)
    expect(fs.existsSync(path.join(app, 'feed.xml'))).toBe(true)
    for (const item of archiveItems(out))
      expect(fs.existsSync(path.join(app, articleFile(item.id)!))).toBe(true)
  })
})

describe('hostile titles and summaries', () => {
  const site = path.join(tmp, 'hostile')
  const app = path.join(tmp, 'hostile-app')
  const out = path.join(app, 'feed')
  const TITLES = [
    '</script><script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    "' onmouseover='alert(1)",
    '</title><script>alert(1)</script>',
    '<!-- <script> & ]]> --> </noscript>',
    'AT&amp;T &lt;b&gt; 文字',
    '</style><svg onload=alert(1)>',
  ]
  beforeAll(() => {
    fs.mkdirSync(path.join(site, '_posts'), { recursive: true })
    TITLES.forEach((t, k) => {
      fs.writeFileSync(
        path.join(site, '_posts', `2026-03-0${k + 1}-hostile${k}.md`),
        `---\ntitle: ${JSON.stringify(t)}\ndate: 2026-03-0${k + 1} 08:00:00 +0800\ncategories: evil\ntags: ${JSON.stringify(`标签${t}`)}\n---\n${escapeHtml(t)} 正文 ${escapeHtml(t)}\n\n<http://source.example/${k}.html?a=1&b="2">\n`,
      )
    })
    makeApp(app)
    build({
      input: path.join(site, '_posts'),
      out,
      appDir: app,
      siteUrl: SITE_URL,
      stateFile: path.join(tmp, 'hostile-state'),
    })
  })

  it('keeps them as text: no element, attribute or script of theirs, the same text everywhere', () => {
    const titles = new Map(archiveItems(out).map((i) => [i.id, i.title]))
    TITLES.forEach((t, k) => {
      expect(titles.get(`hostile${k}`)).toBe(t)
      const html = fs.readFileSync(path.join(app, `article/hostile${k}.html`), 'utf8')
      const p = preview(html)
      expect(p.h1).toBe(t)
      expect(p.one('og:title')).toBe(t)
      expect(p.title).toBe(`${t} · 新闻阅读`)
      expect(p.ld[0]!.headline).toBe(t)
      // Only the shell's own script and the JSON-LD: nothing a title could have added.
      expect(p.scripts.map((s) => attr(s, 'src'))).toEqual(['/assets/index-AbC123.js'])
      expect(p.all.filter((e) => ['img', 'svg', 'style'].includes(e.tagName))).toEqual([])
      expect(p.all.some((e) => e.attrs.some((a) => /^on/i.test(a.name)))).toBe(false)
      expect(html).not.toContain('<script>alert')
    })
  })

  it('keeps them valid in Atom, read back by the feed parser as the same text', () => {
    const xml = fs.readFileSync(path.join(app, 'feed.xml'), 'utf8')
    expect(XMLValidator.validate(xml)).toBe(true)
    // A strict XML parser reads back exactly the text (the lenient feed parser decodes entities a
    // second time, so a title holding a literal `&amp;` is left to this check).
    const strict = new XMLParser({ ignoreAttributes: false }).parse(xml) as {
      feed: { entry: { title: { '#text': string } }[] }
    }
    expect(new Set(strict.feed.entry.map((e) => e.title['#text']))).toEqual(new Set(TITLES))
    const feed = parseFeed(xml)
    expect(new Set(feed.items.map((i) => i.title))).toEqual(
      new Set([...TITLES.filter((t) => !/&\w+;/.test(t)), 'AT&T <b> 文字']),
    )
  })

  it('writes JSON-LD no HTML parser can end early', () => {
    const json = scriptJson({ a: '</script><!--<script>&\u2028' })
    expect(json).not.toMatch(/[<>&\u2028\u2029]/)
    expect(JSON.parse(json)).toEqual({ a: '</script><!--<script>&\u2028' })
  })
})

describe('old permalinks (--old-permalinks)', () => {
  const site = path.join(tmp, 'old')
  const app = path.join(tmp, 'old-app')
  const out = path.join(app, 'feed')
  const state = path.join(tmp, 'old-state')
  const run = (oldPermalinks: boolean) =>
    build({ input: site, out, appDir: app, siteUrl: SITE_URL, stateFile: state, oldPermalinks })

  it('writes a redirect at each old address, and removes them when the flag is off', () => {
    generateArchive({ count: 20, dir: site, seed: 9 })
    makeApp(app)
    run(true)
    const items = archiveItems(out)
    for (const item of items) {
      const [y, m, d] = item.date_published.slice(0, 10).split('-')
      const file = path.join(app, item._reader.category, y!, m!, d!, `${item.id}.html`)
      const p = preview(fs.readFileSync(file, 'utf8'))
      expect(p.one('refresh')).toBe(`0; url=/news/article/${item.id}`)
      expect(p.canonical).toBe(`${SITE_URL}/article/${item.id}`)
      expect(p.meta.get('Content-Security-Policy')).toEqual([CSP])
      expect(p.scripts).toEqual([])
    }
    run(false)
    const item = items[0]!
    const [y, m, d] = item.date_published.slice(0, 10).split('-')
    expect(
      fs.existsSync(path.join(app, item._reader.category, y!, m!, d!, `${item.id}.html`)),
    ).toBe(false)
  })
})
