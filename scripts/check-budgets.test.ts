// The budget checker on small hand-made builds: which files count as initial, which as the article
// route, and that an oversized or misplaced chunk is reported. The real build is checked by
// test/budgets.e2e.test.ts.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { assetsInHtml, BUDGETS, checkBudgets, gzipSize, type Manifest } from './check-budgets.ts'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

/** A build folder with the given files (path → content) and manifest. */
function fakeBuild(files: Record<string, string | Buffer>, manifest: Manifest, html: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'budgets-'))
  dirs.push(dir)
  mkdirSync(path.join(dir, 'assets'))
  mkdirSync(path.join(dir, '.vite'))
  for (const [f, content] of Object.entries(files)) writeFileSync(path.join(dir, f), content)
  writeFileSync(path.join(dir, '.vite/manifest.json'), JSON.stringify(manifest))
  writeFileSync(path.join(dir, 'index.html'), html)
  return dir
}

const HTML = `<!doctype html><head>
<script type="module" crossorigin src="/assets/index.js"></script>
<link rel="modulepreload" crossorigin href="/assets/vendor.js">
<link rel="stylesheet" crossorigin href="/assets/index.css">
<link rel="preload" as="fetch" crossorigin href="/feed/feed.json">
</head>`

const MANIFEST: Manifest = {
  'index.html': {
    file: 'assets/index.js',
    src: 'index.html',
    isEntry: true,
    imports: ['_vendor.js'],
    dynamicImports: ['src/app/routes/article.tsx', 'src/app/routes/home.tsx'],
    css: ['assets/index.css'],
  },
  '_vendor.js': { file: 'assets/vendor.js' },
  '_shared.js': { file: 'assets/shared.js', imports: ['_vendor.js'] },
  '_purify.js': { file: 'assets/purify.js' },
  'src/app/routes/home.tsx': {
    file: 'assets/home.js',
    src: 'src/app/routes/home.tsx',
    isDynamicEntry: true,
    imports: ['_shared.js'],
  },
  'src/app/routes/article.tsx': {
    file: 'assets/article.js',
    src: 'src/app/routes/article.tsx',
    isDynamicEntry: true,
    imports: ['_shared.js', '_purify.js'],
    css: ['assets/article.css'],
  },
}

const small = (s: string) => `export const x = ${JSON.stringify(s)};`
const FILES = {
  'assets/index.js': small('entry'),
  'assets/vendor.js': small('react'),
  'assets/index.css': 'body{margin:0}',
  'assets/shared.js': small('shared'),
  'assets/home.js': small('list'),
  'assets/article.js': small('article'),
  'assets/article.css': 'h1{font-size:2em}',
  'assets/purify.js': small('root node is forbidden and cannot be sanitized in-place'),
}

describe('checkBudgets', () => {
  it('counts the entry graph and the list route as initial, the rest of the article route as lazy', () => {
    const r = checkBudgets(fakeBuild(FILES, MANIFEST, HTML))
    expect(r.initial.files.map((f) => f.file)).toEqual([
      'assets/home.js',
      'assets/index.css',
      'assets/index.js',
      'assets/shared.js',
      'assets/vendor.js',
    ])
    expect(r.article?.files.map((f) => f.file)).toEqual([
      'assets/article.css',
      'assets/article.js',
      'assets/purify.js',
    ])
    expect(r.initial.gzip).toBe(r.initial.files.reduce((n, f) => n + f.gzip, 0))
    expect(r.initial.cssGzip).toBe(gzipSize('body{margin:0}'))
    expect(r.domPurifyInInitial).toBe(false)
    expect(r.domPurifyInArticle).toBe(true)
    expect(r.problems).toEqual([])
  })

  it('starts from the module scripts of index.html when the entry was empty and left the manifest', () => {
    // The entry's code is in a chunk group: vite drops the empty entry and names its chunks.
    const { 'index.html': entry, ...rest } = MANIFEST
    const manifest: Manifest = {
      ...rest,
      '_app.js': { ...entry!, file: 'assets/app.js', isEntry: false, imports: ['_shared.js'] },
    }
    const html = HTML.replace('/assets/index.js', '/assets/app.js')
    const files = { ...FILES, 'assets/app.js': small('entry') }
    const r = checkBudgets(fakeBuild(files, manifest, html))
    expect(r.initial.files.map((f) => f.file)).toEqual([
      'assets/app.js',
      'assets/home.js',
      'assets/index.css',
      'assets/shared.js',
      'assets/vendor.js',
    ])
    expect(r.problems).toEqual([])
  })

  it('leaves out an entry index.html does not load, and counts what it shares with the article route there', () => {
    // The static article pages' early body: an entry of its own that shares the sanitizer.
    const manifest: Manifest = {
      ...MANIFEST,
      'src/app/early-body.ts': {
        file: 'assets/early-body.js',
        src: 'src/app/early-body.ts',
        isEntry: true,
        imports: ['_purify.js'],
      },
    }
    const files = { ...FILES, 'assets/early-body.js': small('early') }
    const r = checkBudgets(fakeBuild(files, manifest, HTML))
    expect(r.initial.files.map((f) => f.file)).not.toContain('assets/early-body.js')
    expect(r.initial.files.map((f) => f.file)).not.toContain('assets/purify.js')
    expect(r.article?.files.map((f) => f.file)).toContain('assets/purify.js')
    expect(r.domPurifyInInitial).toBe(false)
    expect(r.problems).toEqual([])
  })

  it('reports an initial graph over budget', () => {
    const big = randomBytes(2 * BUDGETS.initialGzip).toString('base64')
    const r = checkBudgets(fakeBuild({ ...FILES, 'assets/vendor.js': small(big) }, MANIFEST, HTML))
    expect(r.initial.gzip).toBeGreaterThan(BUDGETS.initialGzip)
    expect(r.problems).toEqual([
      expect.stringMatching(
        new RegExp(`^initial JS\\+CSS \\d+ B gzip > ${BUDGETS.initialGzip} B$`),
      ),
    ])
  })

  it('reports an article chunk over budget, and DOMPurify loaded at start', () => {
    const big = randomBytes(2 * BUDGETS.articleGzip).toString('base64')
    const manifest: Manifest = {
      ...MANIFEST,
      'index.html': { ...MANIFEST['index.html']!, imports: ['_vendor.js', '_purify.js'] },
    }
    const r = checkBudgets(fakeBuild({ ...FILES, 'assets/article.js': small(big) }, manifest, HTML))
    expect(r.domPurifyInInitial).toBe(true)
    expect(r.article?.files.map((f) => f.file)).toEqual(['assets/article.css', 'assets/article.js'])
    expect(r.problems).toEqual([
      expect.stringMatching(/^article chunk \d+ B gzip > 15000 B$/),
      'DOMPurify is in the initial chunks',
    ])
  })

  it('says so when the article route is not a lazy chunk', () => {
    const rest = { ...MANIFEST }
    delete rest['src/app/routes/article.tsx']
    const eager: Manifest = {
      ...rest,
      'src/app/routes/article.tsx': {
        ...MANIFEST['src/app/routes/article.tsx']!,
        isDynamicEntry: false,
      },
    }
    expect(checkBudgets(fakeBuild(FILES, eager, HTML)).problems).toContain(
      'src/app/routes/article.tsx is not a lazy chunk',
    )
    expect(checkBudgets(fakeBuild(FILES, rest, HTML)).problems).toContain(
      'no article route module found in the manifest',
    )
  })
})

describe('assetsInHtml', () => {
  it('lists module scripts, modulepreloads and stylesheets, not fetch preloads or other hosts', () => {
    const html = `${HTML}<script type="module" src="https://cdn.example/x.js"></script><script src="/classic.js"></script>`
    expect(assetsInHtml(html)).toEqual([
      '/assets/index.js',
      '/assets/vendor.js',
      '/assets/index.css',
    ])
  })
})
