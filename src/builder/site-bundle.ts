// What the static site reads: the bundle just written (its pages, newest first, one page in memory
// at a time; its categories) and the built app's shell.
import fs from 'node:fs'
import path from 'node:path'
import {
  PAGE_SIZE,
  type BundleListItem,
  type BundlePage,
  type CategoriesPage,
} from '../shared/feed-bundle.ts'
import { BuildError, causeOf } from './errors.ts'
import { GENERATOR, parseShell, type Shell } from './html.ts'

export const readJson = <T>(file: string): T => {
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
