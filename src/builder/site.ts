// The Jekyll site around the posts: which folder holds them, `_config.yml`'s time zone and title,
// and the category pages' titles. Also lists the input files in a stable order.
import fs from 'node:fs'
import path from 'node:path'
import { parse as parseYaml } from 'yaml'
import { scalarText, splitFrontMatter } from './front-matter.ts'

export type Site = {
  postsDir: string
  /** Set when a site root was given. */
  root?: string
  timeZone?: string
  title?: string
  /** category slug → its category page's title */
  categoryTitles: Map<string, string>
  warnings: string[]
}

export function readSite(dir: string): Site {
  const abs = path.resolve(dir)
  const stat = fs.statSync(abs)
  if (!stat.isDirectory()) throw new Error(`not a folder: ${dir}`)
  const posts = path.join(abs, '_posts')
  const site: Site = { postsDir: abs, categoryTitles: new Map(), warnings: [] }
  if (!fs.existsSync(posts) || !fs.statSync(posts).isDirectory()) return site
  site.postsDir = posts
  site.root = abs
  try {
    const config: unknown = parseYaml(fs.readFileSync(path.join(abs, '_config.yml'), 'utf8'))
    if (config && typeof config === 'object') {
      const c = config as Record<string, unknown>
      const tz = scalarText(c.timezone).trim()
      if (tz) site.timeZone = tz
      const title = scalarText(c.title).trim()
      if (title) site.title = title
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
      site.warnings.push(`_config.yml not read: ${(e as Error).message.split('\n')[0]}`)
  }
  const categoryDir = path.join(abs, 'category')
  let pages: string[] = []
  try {
    pages = fs
      .readdirSync(categoryDir)
      .filter((f) => /\.(html|md)$/i.test(f))
      .sort()
  } catch {
    // No category pages: names come from tags or slugs.
  }
  for (const name of pages) {
    try {
      const { data } = splitFrontMatter(fs.readFileSync(path.join(categoryDir, name), 'utf8'))
      const slug = scalarText(data.category).trim() || name.replace(/\.[^.]+$/, '')
      const title = scalarText(data.title).trim()
      if (title && !site.categoryTitles.has(slug)) site.categoryTitles.set(slug, title)
    } catch (e) {
      site.warnings.push(`category page ${name} not read: ${(e as Error).message}`)
    }
  }
  return site
}

/**
 * Every file under the posts folder (sub-folders too, as Jekyll reads them), as POSIX paths
 * relative to it, in code-unit order: the input order of the report. Dot-files are ignored like
 * Jekyll ignores them.
 */
export function listInputs(postsDir: string): string[] {
  const out: string[] = []
  const walk = (rel: string) => {
    const abs = rel ? path.join(postsDir, rel) : postsDir
    for (const e of fs.readdirSync(abs, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue
      const child = rel ? `${rel}/${e.name}` : e.name
      if (e.isDirectory()) walk(child)
      else out.push(child)
    }
  }
  walk('')
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}
