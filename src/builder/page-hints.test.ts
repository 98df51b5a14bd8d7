// What the static pages take from the app's build (.vite/static-pages.json and the CSP): a list
// page carries the app's stylesheet inline only when the CSP lists the hash of its bytes, and each
// kind of page preloads the chunks the app takes it over with.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateArchive } from '../../scripts/gen-archive.ts'
import type { BundlePage } from '../shared/feed-bundle.ts'
import { build } from './build.ts'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'page-hints-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const CSS = '.item{margin:0 0 1rem}.item-title{font-size:1.1rem}'
const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`
const LINK = '<link rel="stylesheet" crossorigin href="/assets/app-X1.css">'

/** A built app's shell whose CSP lists `styleHashes`, with the hints file when `hints` is given. */
function makeApp(dir: string, styleHashes: string[], hints?: unknown) {
  const csp = `default-src 'self'; script-src 'self'; style-src 'self'${styleHashes.map((h) => ` ${h}`).join('')}; object-src 'none'`
  const shell = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <meta
      http-equiv="Content-Security-Policy"
      content="${csp}"
    />
    <link rel="preload" href="/feed/feed.json" as="fetch" crossorigin />
    <title>新闻阅读</title>
    <script type="module" crossorigin src="/assets/index-A1.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/vendor-B1.js">
    ${LINK}
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`
  fs.mkdirSync(path.join(dir, 'assets'), { recursive: true })
  fs.writeFileSync(path.join(dir, 'index.html'), shell)
  fs.writeFileSync(path.join(dir, '404.html'), shell)
  fs.writeFileSync(path.join(dir, 'assets/app-X1.css'), CSS)
  if (hints !== undefined) {
    fs.mkdirSync(path.join(dir, '.vite'), { recursive: true })
    fs.writeFileSync(path.join(dir, '.vite/static-pages.json'), JSON.stringify(hints))
  }
}

const HINTS = {
  base: '/',
  preload: {
    list: ['/assets/tools-C1.js'],
    article: [
      '/assets/article-D1.js',
      '/assets/tools-C1.js',
      '"><script>x</script>.js',
      '//evil.example/x.js',
      '/\\evil.example/x.js',
      7,
    ],
  },
  run: { article: ['/assets/early-body-F1.js', '//evil.example/run.js'], list: 'not a list' },
}

const earlyScripts = (html: string) =>
  [...html.matchAll(/<script type="module" async crossorigin src="([^"]+)"><\/script>/g)].map(
    (m) => m[1],
  )
const modulepreloads = (html: string) =>
  [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map((m) => m[1])

describe('static pages with the build hints', () => {
  const site = path.join(tmp, 'site')
  let pages: (app: string) => { home: string; category: string; article: string }
  beforeAll(() => {
    generateArchive({ count: 12, dir: site, seed: 9 })
    pages = (app) => {
      build({
        input: site,
        out: path.join(app, 'feed'),
        appDir: app,
        siteUrl: 'https://reader.example',
        stateFile: path.join(`${app}-state`),
      })
      const head = JSON.parse(
        fs.readFileSync(path.join(app, 'feed/feed.json'), 'utf8'),
      ) as BundlePage
      const item = head.items[0]!
      const read = (p: string) => fs.readFileSync(path.join(app, p), 'utf8')
      return {
        home: read('index.html'),
        category: read(`category/${item._reader.category}.html`),
        article: read(`article/${item.id}.html`),
      }
    }
  })

  it('inlines the stylesheet on list pages when the CSP lists its hash, and preloads by page', () => {
    const app = path.join(tmp, 'hashed')
    makeApp(app, [hash(CSS)], HINTS)
    const { home, category, article } = pages(app)
    for (const list of [home, category]) {
      const head = list.slice(0, list.indexOf('</head>'))
      expect(head).toContain(`<style>${CSS}</style>`)
      expect(head).not.toContain(LINK)
      // The link, at the end of the body, for a policy sent as a header without the hash.
      expect(list.indexOf(LINK)).toBeGreaterThan(list.indexOf('</main>'))
      expect(list.indexOf(LINK)).toBeLessThan(list.indexOf('</body>'))
      expect(modulepreloads(list)).toEqual(['/assets/vendor-B1.js', '/assets/tools-C1.js'])
    }
    // An article page stays small: the stylesheet linked; its chunks preloaded, nothing else.
    expect(article).toContain(LINK)
    expect(article).not.toContain('<style>')
    expect(modulepreloads(article)).toEqual([
      '/assets/vendor-B1.js',
      '/assets/article-D1.js',
      '/assets/tools-C1.js',
    ])
    // Its content file preloaded in place of the feed head, named for the app to take the body.
    expect(article).not.toContain('href="/feed/feed.json"')
    expect(article).toMatch(
      /<link rel="preload" href="\/feed\/content\/[^"]+\.json" as="fetch" crossorigin data-article="[^"]+" \/>/,
    )
    expect(home).toContain('<link rel="preload" href="/feed/feed.json" as="fetch" crossorigin />')
    expect(article).not.toContain('<script>x')
    expect(article).not.toContain('evil.example')
    // The body's early module runs as soon as it arrives, on article pages only.
    expect(earlyScripts(article)).toEqual(['/assets/early-body-F1.js'])
    expect(article.indexOf('early-body-F1.js')).toBeLessThan(article.indexOf('</head>'))
    for (const list of [home, category]) expect(earlyScripts(list)).toEqual([])
    expect(article).toContain('<article class="article" data-static ')
  })

  it('links the stylesheet when the CSP does not allow those bytes inline', () => {
    const app = path.join(tmp, 'unhashed')
    makeApp(app, [hash(`${CSS} `)], HINTS)
    const { home } = pages(app)
    expect(home).toContain(LINK)
    expect(home).not.toContain('<style>')
    // The stylesheet changed to what the CSP lists: the list pages are written again, inline.
    fs.writeFileSync(path.join(app, 'assets/app-X1.css'), `${CSS} `)
    const again = pages(app)
    expect(again.home).toContain(`<style>${CSS} </style>`)
    expect(again.category).toContain(`<style>${CSS} </style>`)
    // New hints: the article pages are written again with them.
    const hints = { ...HINTS, preload: { ...HINTS.preload, article: ['/assets/article-E2.js'] } }
    fs.writeFileSync(path.join(app, '.vite/static-pages.json'), JSON.stringify(hints))
    expect(modulepreloads(pages(app).article)).toContain('/assets/article-E2.js')
  })

  it('inlines nothing a style-src-elem directive would refuse', () => {
    const app = path.join(tmp, 'elem')
    makeApp(app, [hash(CSS), "; style-src-elem 'self'"], HINTS)
    expect(pages(app).home).not.toContain('<style>')
  })

  it('makes the plain pages of an app built without the hints', () => {
    const app = path.join(tmp, 'no-hints')
    makeApp(app, [hash(CSS)])
    const { home, article } = pages(app)
    expect(home).toContain(LINK)
    expect(modulepreloads(article)).toEqual(['/assets/vendor-B1.js'])
  })
})
