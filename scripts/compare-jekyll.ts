// Builds the shared corpus (plus the seed post) with Jekyll 4.3 and with the feed builder, and
// compares every post Jekyll publishes: title, category, tags, date and the text of the body.
//   npx tsx scripts/compare-jekyll.ts [--corpus ../shared/corpus/finews] [--seed file.md]… [--keep]
// Exit 0 when everything matches, 1 on any difference, 2 when Jekyll or the corpus is missing.
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { pathToFileURL } from 'node:url'
import { build } from '../src/builder/build.ts'
import { contentPath } from '../src/builder/bundle.ts'
import { htmlToText } from '../src/builder/cleanup.ts'
import type { BundleContentItem, ReportEntry, ReportFile } from '../src/shared/feed-bundle.ts'

export const DEFAULT_CORPUS = path.resolve(import.meta.dirname, '../../shared/corpus/finews')
export const DEFAULT_SEEDS = [
  path.resolve(import.meta.dirname, '../../shared/seeds/2022-06-07-202206072403767554.md'),
]

/** What Jekyll says of one post, emitted as JSON by the comparison site's layout. */
type JekyllPost = {
  title: unknown
  date: string
  categories: string[]
  tags: string[]
  path: string
  content: string
}

export type FileOutcome = {
  file: string
  /** compared: Jekyll published it and we imported it; the rest say why nothing was compared. */
  status: 'compared' | 'skipped-by-both' | 'builder-only' | 'jekyll-only'
  differences: string[]
  note?: string
}

export type Comparison = { outcomes: FileOutcome[]; compared: number; differences: number }

const LAYOUT = `{"title":{{ page.title | jsonify }},"date":{{ page.date | date: "%Y-%m-%dT%H:%M:%S%z" | jsonify }},"categories":{{ page.categories | jsonify }},"tags":{{ page.tags | jsonify }},"path":{{ page.path | jsonify }},"content":{{ content | jsonify }}}
`

export function jekyllAvailable(): boolean {
  return spawnSync('jekyll', ['--version'], { stdio: 'ignore' }).status === 0
}

/** The body text to compare: tags dropped, entities decoded, whitespace folded to single spaces. */
export function comparableText(html: string): string {
  return htmlToText(html)
}

/** Jekyll's rendering of what the builder removes on purpose: source link, empty <>, footer. */
export function jekyllComparableText(html: string, externalUrl: string | undefined): string {
  let text = comparableText(html)
  // Footer links back to the old site, at the very end ("返回东财滚动新闻｜返回首页").
  text = text.replace(/(?:\s*[｜|]?\s*返回[^\s｜|]*)+\s*$/u, '')
  text = text.replace(/(?:^|\s)<>(?=\s|$)/g, ' ').trim()
  if (externalUrl && text.endsWith(externalUrl)) text = text.slice(0, -externalUrl.length)
  return text.replace(/\s+/g, ' ').trim()
}

const BARE_DATE = /^date:\s*['"]?\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?['"]?\s*$/m
const OFFSET_DATE =
  /^date:\s*['"]?\d{4}-\d{1,2}-\d{1,2}[ T][\d:.]+\s*(?:Z|[+-]\d{2}:?\d{2})['"]?\s*$/m

export function compareWithJekyll(options: {
  corpusDir: string
  seeds: string[]
  workDir: string
}): Comparison {
  const { corpusDir, seeds, workDir } = options
  const site = path.join(workDir, 'site')
  const posts = path.join(site, '_posts')
  fs.mkdirSync(path.join(site, '_layouts'), { recursive: true })
  fs.cpSync(path.join(corpusDir, '_posts'), posts, { recursive: true })
  for (const seed of seeds) fs.copyFileSync(seed, path.join(posts, path.basename(seed)))
  if (fs.existsSync(path.join(corpusDir, 'category')))
    fs.cpSync(path.join(corpusDir, 'category'), path.join(site, 'category'), { recursive: true })
  fs.writeFileSync(
    path.join(site, '_config.yml'),
    [
      'timezone: Asia/Shanghai',
      'future: true',
      'permalink: /jk/:year/:month/:day/:title.html',
      'exclude: [category]',
      '',
    ].join('\n'),
  )
  fs.writeFileSync(path.join(site, '_layouts', 'post.html'), LAYOUT)
  const dest = path.join(workDir, 'jekyll-site')
  execFileSync('jekyll', ['build', '--quiet', '--source', site, '--destination', dest], {
    env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8', JEKYLL_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'pipe'],
  })

  const jekyll = new Map<string, JekyllPost>()
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, e.name)
      if (e.isDirectory()) walk(abs)
      else if (e.name.endsWith('.html')) {
        const post = JSON.parse(fs.readFileSync(abs, 'utf8')) as JekyllPost
        jekyll.set(post.path, post)
      }
    }
  }
  walk(path.join(dest, 'jk'))

  const out = path.join(workDir, 'bundle')
  build({ input: site, out })
  const report = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8')) as ReportFile
  const outcomes: FileOutcome[] = []
  // report.json names files from the site root (`_posts/…`), as Jekyll's page.path does.
  const inputs = new Set(fs.readdirSync(posts).map((f) => `_posts/${f}`))
  for (const entry of report.files) {
    inputs.delete(entry.file)
    outcomes.push(compareOne(entry, jekyll.get(entry.file), site, out))
    jekyll.delete(entry.file)
  }
  for (const file of inputs)
    outcomes.push({ file, status: 'jekyll-only', differences: ['not in report.json'] })
  for (const file of jekyll.keys())
    outcomes.push({
      file,
      status: 'jekyll-only',
      differences: ['published by Jekyll, not in report'],
    })
  return {
    outcomes,
    compared: outcomes.filter((o) => o.status === 'compared').length,
    differences: outcomes.reduce((n, o) => n + o.differences.length, 0),
  }
}

function compareOne(
  entry: ReportEntry,
  jk: JekyllPost | undefined,
  site: string,
  out: string,
): FileOutcome {
  const file = entry.file
  if (!jk) {
    return entry.status === 'skipped'
      ? { file, status: 'skipped-by-both', differences: [], note: entry.reason ?? '' }
      : { file, status: 'builder-only', differences: [], note: 'Jekyll does not publish it' }
  }
  if (entry.status !== 'imported' || !entry.id)
    return { file, status: 'jekyll-only', differences: [`skipped: ${entry.reason ?? ''}`] }
  const item = JSON.parse(
    fs.readFileSync(path.join(out, contentPath(entry.id)), 'utf8'),
  ) as BundleContentItem
  const differences: string[] = []
  const differ = (what: string, ours: unknown, theirs: unknown) => {
    if (JSON.stringify(ours) !== JSON.stringify(theirs))
      differences.push(`${what}: ours ${JSON.stringify(ours)} ≠ Jekyll ${JSON.stringify(theirs)}`)
  }
  // Jekyll keeps YAML's type: `title: 2022` is a number there.
  const jkTitle =
    typeof jk.title === 'string' || typeof jk.title === 'number' || typeof jk.title === 'boolean'
      ? String(jk.title)
      : ''
  if (jkTitle.trim() !== '') differ('title', item.title, jkTitle.replace(/\s+/g, ' ').trim())
  else if (!entry.warnings?.some((w) => w.startsWith('empty title')))
    differences.push('empty title not reported')
  differ('category', item._reader.category, jk.categories[0] ?? 'uncategorized')
  differ('tags', item.tags, jk.tags)

  const source = fs.readFileSync(path.join(site, file), 'utf8')
  const ours = Date.parse(item.date_published)
  const theirs = Date.parse(jk.date.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))
  if (OFFSET_DATE.test(source)) differ('date instant', ours, theirs)
  else if (BARE_DATE.test(source))
    // Jekyll reads a bare YAML timestamp as UTC; the archive meant Beijing time (see README).
    differ('date instant (bare date, Beijing time)', ours, theirs - 8 * 3600_000)

  differ(
    'text',
    comparableText(item.content_html),
    jekyllComparableText(jk.content, item.external_url),
  )
  return { file, status: 'compared', differences }
}

function cli(): number {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', default: DEFAULT_CORPUS },
      seed: { type: 'string', multiple: true },
      keep: { type: 'boolean', default: false },
    },
  })
  const corpusDir = path.resolve(values.corpus)
  const seeds = (values.seed ?? DEFAULT_SEEDS).filter((s) => fs.existsSync(s))
  if (!fs.existsSync(path.join(corpusDir, '_posts'))) {
    console.error(`no corpus at ${corpusDir}`)
    return 2
  }
  if (!jekyllAvailable()) {
    console.error('jekyll is not installed (apt-get install -y jekyll)')
    return 2
  }
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'compare-jekyll-'))
  try {
    const result = compareWithJekyll({ corpusDir, seeds, workDir })
    const by = (s: FileOutcome['status']) => result.outcomes.filter((o) => o.status === s).length
    for (const o of result.outcomes) {
      if (o.differences.length || o.status !== 'compared')
        console.log(`${o.status.padEnd(16)} ${o.file}${o.note ? `  (${o.note})` : ''}`)
      for (const d of o.differences) console.log(`    ${d}`)
    }
    console.log(
      `files ${result.outcomes.length}: compared ${by('compared')}, skipped by both ${by('skipped-by-both')},` +
        ` builder only ${by('builder-only')}, Jekyll only ${by('jekyll-only')}; differences ${result.differences}`,
    )
    return result.differences === 0 ? 0 : 1
  } finally {
    if (values.keep) console.log(`kept ${workDir}`)
    else fs.rmSync(workDir, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = cli()
