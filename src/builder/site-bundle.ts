// What the static site reads: the bundle just written (its pages, newest first, one page in memory
// at a time; its categories) and the built app's shell.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {
  PAGE_SIZE,
  type BundleListItem,
  type BundlePage,
  type CategoriesPage,
} from '../shared/feed-bundle.ts'
import { BuildError, causeOf } from './errors.ts'
import {
  GENERATOR,
  escapeHtml,
  parseShell,
  withHeadEnd,
  withInlineStyle,
  type Shell,
} from './html.ts'
import { utf8Text } from './utf8.ts'

export const readJson = <T>(file: string): T => {
  try {
    return JSON.parse(utf8Text(fs.readFileSync(file))) as T
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

/** What `vite build` leaves for the static pages (scripts/vite-plugins.ts, staticPageHints). */
const HINTS = '.vite/static-pages.json'
const STYLESHEET = /<link rel="stylesheet"[^>]*?href="([^"]+)"[^>]*>/g

/** The shells pages are made from, and a digest of everything that went into them. */
export type Shells = {
  /** The app's shell as it is (redirect pages take its CSP). */
  plain: Shell
  /** A list's first page: the app's stylesheets inline where its CSP allows them, list chunks preloaded. */
  list: Shell
  /** An article's page: the article's chunks preloaded. */
  article: Shell
  digest: string
}

/**
 * The shells of each kind of page: the app's shell with what its build named for them (HINTS;
 * without that file, the plain shell). A stylesheet is inlined only when the shell's CSP lists the
 * sha256 of the file's bytes, so a page never carries a style its policy blocks.
 */
export function readShells(appDir: string): Shells {
  const { shell, text } = readShell(appDir)
  const digest = createHash('sha256').update(text)
  let hints: {
    base?: unknown
    preload?: Partial<Record<'list' | 'article', unknown>>
    run?: Partial<Record<'list' | 'article', unknown>>
  } = {}
  try {
    const raw = fs.readFileSync(path.join(appDir, HINTS), 'utf8')
    digest.update(raw)
    hints = JSON.parse(raw) as typeof hints
  } catch {
    // An app built without the hints: pages still work, the chunks come as the app asks.
  }
  const scripts = (hrefs: unknown, tag: (href: string) => string) =>
    Array.isArray(hrefs)
      ? hrefs
          .filter((h): h is string => typeof h === 'string' && /^\/(?![/\\])[^"<>\\]*\.js$/.test(h))
          .map((h) => `  ${tag(escapeHtml(h))}\n`)
          .join('')
      : ''
  // Chunks the app takes the page over with, and modules that run as soon as they arrive.
  const preload = (kind: 'list' | 'article') =>
    scripts(hints.preload?.[kind], (h) => `<link rel="modulepreload" crossorigin href="${h}">`) +
    scripts(
      hints.run?.[kind],
      (h) => `<script type="module" async crossorigin src="${h}"></script>`,
    )
  let list = withHeadEnd(shell, preload('list'))
  const styles = styleSources(shell.head)
  const base = typeof hints.base === 'string' ? hints.base : null
  for (const [tag, href] of shell.middle.matchAll(STYLESHEET)) {
    if (!href || base === null || !href.startsWith(base) || !styles) continue
    const file = path.join(appDir, path.normalize(href.slice(base.length)))
    const bytes = file.startsWith(`${appDir}${path.sep}`) ? readIfFile(file) : null
    if (!bytes) continue
    digest.update(bytes)
    const hash = `'sha256-${createHash('sha256').update(bytes).digest('base64')}'`
    if (!styles.includes(hash)) continue
    if (!Buffer.from(bytes.toString('utf8')).equals(bytes)) continue
    list = withInlineStyle(list, tag, bytes.toString('utf8'))
  }
  return {
    plain: shell,
    list,
    article: withHeadEnd(shell, preload('article')),
    digest: digest.digest('hex'),
  }
}

/**
 * The sources the shell's CSP allows a <style> element from: `style-src-elem`, else `style-src`,
 * else `default-src` (the order CSP falls back in); null without a policy.
 */
function styleSources(head: string): string[] | null {
  const csp = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(head)?.[1]
  if (csp === undefined) return null
  const directives = new Map<string, string[]>()
  for (const part of csp.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/)
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources)
  }
  return (
    directives.get('style-src-elem') ??
    directives.get('style-src') ??
    directives.get('default-src') ??
    null
  )
}

function readIfFile(file: string): Buffer | null {
  try {
    return fs.readFileSync(file)
  } catch {
    return null
  }
}

/** The first `n` items of a feed (newest first), reading only the pages that hold them. */
export function firstItems(
  dir: string,
  head: string,
  n: number,
  /** The head page, when it is not on disk yet. */
  first?: BundlePage,
): BundleListItem[] {
  const items: BundleListItem[] = []
  let file: string | undefined = path.join(dir, head)
  let given = first
  while (file && items.length < n) {
    const page: BundlePage = given ?? readJson<BundlePage>(file)
    given = undefined
    items.push(...page.items)
    file = page.next_url ? path.join(path.dirname(file), page.next_url) : undefined
  }
  return items.slice(0, n)
}

/** The paths of a feed's pages, newest first, from its head alone (feed-bundle.md: paging). */
export function chain(head: BundlePage): string[] {
  const paths = ['feed.json']
  const next = head.next_url
  const m = next ? /^page-(\d{6})\.json$/.exec(next) : null
  if (next && !m) throw new BuildError(`feed.json: unexpected next_url ${next}`)
  for (let k = m ? Number(m[1]) : -1; k >= 0; k--)
    paths.push(`page-${String(k).padStart(6, '0')}.json`)
  return paths
}

/** Every category: slug, name and the folder of its feed inside the bundle. */
export type Category = { slug: string; name: string; count: number; feed: string }

export function categories(bundleDir: string): Category[] {
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

/**
 * Whether the bundle rewrote a page of a category's feed that holds some of its newest 50: the
 * head, and the numbered page it links to (named from the count, feed-bundle.md: paging).
 */
export function newestChanged(changed: ReadonlySet<string>, c: Category): boolean {
  if (changed.has(c.feed)) return true
  const numbered = c.count === 0 ? 0 : Math.floor((c.count - 1) / PAGE_SIZE)
  if (numbered === 0) return false
  const next = `${path.posix.dirname(c.feed)}/page-${String(numbered - 1).padStart(6, '0')}.json`
  return changed.has(next)
}
