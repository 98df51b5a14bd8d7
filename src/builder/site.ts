// The Jekyll site around the posts: which folder holds them, `_config.yml`'s time zone and title,
// and the category pages' titles. Also lists the input files in a stable order.
import fs from 'node:fs'
import path from 'node:path'
import { parse as parseYaml } from 'yaml'
import type { Inputs } from './catalog.ts'
import { BuildError } from './errors.ts'
import { scalarText, splitFrontMatter } from './front-matter.ts'
import { workerCode } from './worker-code.ts'

/** One folder of posts; `name` prefixes its files in report.json ('' when it is the input itself). */
export type PostFolder = { name: string; abs: string; real: string }

export type Site = {
  /** In reading order: an id in an earlier folder wins over the same id in a later one. */
  folders: PostFolder[]
  /** Set when a site root was given. */
  root?: string
  timeZone?: string
  title?: string
  /** category slug → its category page's title */
  categoryTitles: Map<string, string>
  warnings: string[]
}

/** Folders a Jekyll site root keeps posts in, first one first (old posts are moved to old_post/). */
export const SITE_POST_FOLDERS = ['_posts', 'old_post']

const isDir = (p: string) => fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() === true

/**
 * The site around `dir` (a site root with `_posts/`, or a posts folder itself) and its post
 * folders, plus any `extraPosts` folders, in that order.
 */
export function readSite(dir: string, extraPosts: readonly string[] = []): Site {
  const abs = path.resolve(dir)
  if (!isDir(abs)) throw new Error(`not a folder: ${dir}`)
  const site: Site = { folders: [], categoryTitles: new Map(), warnings: [] }
  const add = (name: string, folder: string) => {
    const real = fs.realpathSync(folder)
    const same = site.folders.find((f) => f.real === real)
    if (same) site.warnings.push(`posts folder ${folder} is ${same.abs} again: read once`)
    else site.folders.push({ name, abs: folder, real })
  }
  if (isDir(path.join(abs, '_posts'))) {
    site.root = abs
    for (const name of SITE_POST_FOLDERS)
      if (isDir(path.join(abs, name))) add(name, path.join(abs, name))
    readConfig(site, abs)
  } else {
    add('', abs)
  }
  for (const extra of extraPosts) {
    const folder = path.resolve(extra)
    if (!isDir(folder)) throw new Error(`not a folder: ${extra}`)
    const rel = site.root ? path.relative(site.root, folder) : ''
    const inside = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)
    add((inside ? rel : folder).split(path.sep).join('/'), folder)
  }
  return site
}

function readConfig(site: Site, abs: string): void {
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
}

/**
 * Every entry under a posts folder (sub-folders too, as Jekyll reads them), as POSIX paths
 * relative to it, in code-unit order. Dot-files are ignored like Jekyll ignores them; symbolic
 * links are listed (and reported, never followed), and folders behind them are not entered.
 */
export const listFolder = (postsDir: string): string[] => walkFolder(fs, postsDir, () => {})

/**
 * listFolder() as plain JavaScript, so that a worker runs the very same code (./list-ahead.ts);
 * `entered` is called at each folder it reads.
 */
export const WALK_FOLDER = `(fs, dir, entered) => {
  const out = []
  const walk = (rel) => {
    entered()
    for (const e of fs.readdirSync(rel ? dir + '/' + rel : dir, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue
      const child = rel ? rel + '/' + e.name : e.name
      if (e.isDirectory()) walk(child)
      else out.push(child)
    }
  }
  walk('')
  // The default sort compares UTF-16 code units, like \`<\`, without a comparator call per pair.
  return out.sort()
}`
const walkFolder =
  workerCode<(fsModule: typeof fs, dir: string, entered: () => void) => string[]>(WALK_FOLDER)

/** Where input `i` is on disk. */
export function inputPath(site: Site, inputs: Inputs, i: number): string {
  const folder = site.folders[inputs.folder[i] as number]!
  // Names are clean relative paths from listFolder(): no path.join needed (a million times).
  return `${folder.abs}${path.sep}${inputs.names[i] as string}`
}

/** `dir`'s real path, or its nearest existing ancestor's real path with the rest appended. */
function realPath(dir: string): string {
  const rest: string[] = []
  let at = dir
  for (;;) {
    try {
      return path.join(fs.realpathSync(at), ...rest.reverse())
    } catch {
      const up = path.dirname(at)
      if (up === at) return dir
      rest.push(path.basename(at))
      at = up
    }
  }
}

const inside = (child: string, parent: string) =>
  child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep)

/** Refuses --out or --state inside a posts folder (real paths: a symlink does not get past). */
export function checkPlaces(out: string, stateFile: string, site: Site): void {
  const outReal = realPath(out)
  const stateReal = realPath(stateFile)
  for (const f of site.folders) {
    if (inside(outReal, f.real))
      throw new BuildError(`--out ${out} is inside the posts folder ${f.abs}: refused`)
    if (inside(stateReal, f.real))
      throw new BuildError(`--state ${stateFile} is inside the posts folder ${f.abs}: refused`)
  }
}
