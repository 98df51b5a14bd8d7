// Byte budgets of the production build (issue 6): the gzip bytes a browser must download to show the
// list route, and those of the lazy article route. Deterministic, so CI can assert them; the
// benchmark (npm run bench) reports the same figures next to its timings.
//   npx tsx scripts/check-budgets.ts [distDir]    exit 1 when a budget is exceeded
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'

/**
 * Budgets in bytes (1 KB = 1,000 bytes: the stricter reading of the issue's figures), asserted in CI
 * by test/budgets.e2e.test.ts.
 */
export const BUDGETS = { initialGzip: 120_000, articleGzip: 15_000 } as const

/**
 * Route modules as they appear in the manifest (keys are source paths). The list route may be part
 * of the entry's static graph or a lazy chunk loaded at start; the article route must be lazy.
 */
export const LIST_ROUTE = /^src\/app\/routes\/(home|index|latest|list|feed)[^/]*\.tsx?$/
export const ARTICLE_ROUTE = /^src\/app\/routes\/article[^/]*\.tsx?$/

/** A string found only in DOMPurify's own code, minified or not. */
const DOMPURIFY_MARK = 'cannot be sanitized in-place'

export type ManifestChunk = {
  file: string
  name?: string
  src?: string
  isEntry?: boolean
  isDynamicEntry?: boolean
  imports?: string[]
  dynamicImports?: string[]
  css?: string[]
}
export type Manifest = Record<string, ManifestChunk>

export type SizedFile = { file: string; bytes: number; gzip: number }
export type FileGroup = { files: SizedFile[]; jsGzip: number; cssGzip: number; gzip: number }

export type BudgetReport = {
  dist: string
  /** Everything the list route needs at start: entry, its static imports, their CSS, the list route. */
  initial: FileGroup
  /** What opening an article adds: the article route chunk and its imports not already loaded. */
  article: FileGroup | null
  listRouteKey: string | null
  articleRouteKey: string | null
  domPurifyInInitial: boolean
  domPurifyInArticle: boolean
  problems: string[]
}

/** gzip at zlib's default level, what an on-the-fly compressing server sends. */
export function gzipSize(data: Buffer | string): number {
  return gzipSync(data).length
}

/** Keys reachable from `roots` through static `imports` (the roots included). */
export function staticClosure(manifest: Manifest, roots: Iterable<string>): Set<string> {
  const seen = new Set<string>()
  const stack = [...roots]
  for (let key = stack.pop(); key !== undefined; key = stack.pop()) {
    if (seen.has(key)) continue
    const chunk = manifest[key]
    if (!chunk) throw new Error(`manifest has no chunk ${key}`)
    seen.add(key)
    stack.push(...(chunk.imports ?? []))
  }
  return seen
}

/** JS and CSS files of a set of chunks, in a stable order. */
export function filesOf(manifest: Manifest, keys: Iterable<string>): string[] {
  const files = new Set<string>()
  for (const key of keys) {
    const chunk = manifest[key]
    if (!chunk) continue
    files.add(chunk.file)
    for (const css of chunk.css ?? []) files.add(css)
  }
  return [...files].sort()
}

/** Asset URLs index.html makes the browser fetch at once: module scripts, modulepreloads, CSS. */
export function assetsInHtml(html: string): string[] {
  const urls: string[] = []
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const isScript = /^<script/i.test(tag) && /type=["']?module/i.test(tag)
    const rel = /\brel=["']?([^"'\s>]+)/i.exec(tag)?.[1]?.toLowerCase()
    const isLink = rel === 'modulepreload' || rel === 'stylesheet'
    const url = /\b(?:src|href)=["']?([^"'\s>]+)/i.exec(tag)?.[1]
    if ((isScript || isLink) && url && !/^(https?:)?\/\//.test(url)) urls.push(url)
  }
  return urls
}

function findKey(manifest: Manifest, pattern: RegExp): string | null {
  const keys = Object.keys(manifest).filter((k) => pattern.test(k))
  return keys.length === 1 ? keys[0]! : null
}

export function checkBudgets(distDir: string, manifest?: Manifest): BudgetReport {
  const dist = path.resolve(distDir)
  const m =
    manifest ??
    (JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Manifest)
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8')
  const problems: string[] = []
  const read = (file: string): Buffer => readFileSync(path.join(dist, file))
  const size = (file: string): SizedFile => {
    const data = read(file)
    return { file, bytes: data.length, gzip: gzipSize(data) }
  }
  const group = (files: string[]): FileGroup => {
    const sized = files.map(size)
    const sum = (ext: string) =>
      sized.filter((f) => f.file.endsWith(ext)).reduce((n, f) => n + f.gzip, 0)
    return {
      files: sized,
      jsGzip: sum('.js'),
      cssGzip: sum('.css'),
      gzip: sum('.js') + sum('.css'),
    }
  }

  // An entry with no code of its own is dropped from the manifest (main.tsx is in the app's chunk
  // group): index.html then names the chunks it imported as module scripts. Other entries (the
  // static article pages' early body) are not the app's start.
  const scripts = new Set(assetsInHtml(html).map((url) => url.replace(/^.*?\/(?=assets\/)/, '')))
  const entries = Object.keys(m).filter(
    (k) => (m[k]?.isEntry && k.endsWith('.html')) || scripts.has(m[k]?.file ?? ''),
  )
  if (entries.length === 0)
    throw new Error('manifest has no entry: was the build made with manifest: true?')
  const listRouteKey = findKey(m, LIST_ROUTE)
  const articleRouteKey = findKey(m, ARTICLE_ROUTE)
  const initialKeys = staticClosure(m, entries)
  if (listRouteKey && !initialKeys.has(listRouteKey)) {
    for (const k of staticClosure(m, [listRouteKey])) initialKeys.add(k)
  }
  const initialFiles = new Set(filesOf(m, initialKeys))
  // index.html may name assets the manifest graph does not (a hand-written preload): count them too.
  const base = /\/assets\//
  for (const url of assetsInHtml(html)) {
    const i = url.search(base)
    if (i >= 0) initialFiles.add(url.slice(i + 1))
  }
  const initial = group([...initialFiles].sort())

  let article: FileGroup | null = null
  if (!articleRouteKey) problems.push('no article route module found in the manifest')
  else {
    if (!m[articleRouteKey]?.isDynamicEntry) problems.push(`${articleRouteKey} is not a lazy chunk`)
    const files = filesOf(m, staticClosure(m, [articleRouteKey])).filter(
      (f) => !initialFiles.has(f),
    )
    article = group(files)
  }
  const hasPurify = (g: FileGroup | null) =>
    !!g && g.files.some((f) => f.file.endsWith('.js') && read(f.file).includes(DOMPURIFY_MARK))
  const domPurifyInInitial = hasPurify(initial)
  const domPurifyInArticle = hasPurify(article)

  if (initial.gzip > BUDGETS.initialGzip)
    problems.push(`initial JS+CSS ${initial.gzip} B gzip > ${BUDGETS.initialGzip} B`)
  if (article && article.gzip > BUDGETS.articleGzip)
    problems.push(`article chunk ${article.gzip} B gzip > ${BUDGETS.articleGzip} B`)
  if (domPurifyInInitial) problems.push('DOMPurify is in the initial chunks')
  return {
    dist,
    initial,
    article,
    listRouteKey,
    articleRouteKey,
    domPurifyInInitial,
    domPurifyInArticle,
    problems,
  }
}

export function formatReport(r: BudgetReport): string {
  const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`
  const lines = [`Byte budgets of ${r.dist} (gzip, 1 KB = 1,000 B)`]
  const list = (title: string, g: FileGroup, budget: number) => {
    lines.push(
      `  ${title}: ${kb(g.gzip)} (JS ${kb(g.jsGzip)}, CSS ${kb(g.cssGzip)}) / ${kb(budget)}`,
    )
    for (const f of g.files)
      lines.push(`    ${f.file.padEnd(40)} ${kb(f.bytes).padStart(9)} → ${kb(f.gzip)}`)
  }
  list(
    `initial (list route${r.listRouteKey ? `, ${r.listRouteKey}` : ''})`,
    r.initial,
    BUDGETS.initialGzip,
  )
  if (r.article) list(`article route (${r.articleRouteKey})`, r.article, BUDGETS.articleGzip)
  lines.push(
    `  DOMPurify: ${r.domPurifyInInitial ? 'in the initial chunks' : r.domPurifyInArticle ? 'in the article chunk only' : 'not found'}`,
  )
  lines.push(r.problems.length ? r.problems.map((p) => `  ✗ ${p}`).join('\n') : '  ✓ within budget')
  return lines.join('\n')
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const report = checkBudgets(process.argv[2] ?? 'dist')
  console.log(formatReport(report))
  if (report.problems.length) process.exitCode = 1
}
