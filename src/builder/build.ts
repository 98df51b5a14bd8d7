// The build: read every input file once (or reuse what the last build learned of it), write each
// article's content file as soon as it is parsed, then the paged feeds, categories, tags and report.
// Only metadata stays in memory, so memory grows with the number of posts, not their size.
import fs from 'node:fs'
import path from 'node:path'
import * as v from 'valibot'
import {
  CATEGORY_FEED_TEMPLATE,
  CONTENT_TEMPLATE,
  TAG_FEED_TEMPLATE,
} from '../shared/bundle-paths.ts'
import {
  ARCHIVE_TIME_ZONE,
  BUNDLE_VERSION,
  BundlePageSchema,
  CategoriesFileSchema,
  ReportFileSchema,
  TagsFileSchema,
  describeIssues,
  type ReportEntry,
  type ReportFile,
} from '../shared/feed-bundle.ts'
import {
  categoriesFile,
  categoryDir,
  categoryName,
  compareArticles,
  contentPath,
  feedPages,
  tagDir,
  tagsFile,
  type Article,
  type BundleFile,
  type BundleOptions,
  type PlannedPage,
} from './bundle.ts'
import { assertTimeZone } from './dates.ts'
import { BundleWriter, STATE_FILE } from './output.ts'
import { runParseTask, type ParseSettings, type ParseTask } from './parse-task.ts'
import { MAX_POST_BYTES, isPostFile, slugOf, type PostMeta } from './post.ts'
import { createProgress, type Progress } from './progress.ts'
import { reportFile, type BuildSummary } from './report.ts'
import { listInputs, readSite } from './site.ts'
import {
  STATE_VERSION,
  clearState,
  loadState,
  saveState,
  type BuildState,
  type InputState,
} from './state.ts'

/** Bump when the output for the same input changes: the next build then re-parses everything. */
const BUILDER_VERSION = 1
const DEFAULT_TITLE = 'News archive'

export type BuildOptions = {
  /** A `_posts` folder or a Jekyll site root. */
  input: string
  out: string
  /** The incremental build's state file; default `<out>/.build-state.ndjson`. */
  stateFile?: string
  siteUrl?: string
  timeZone?: string
  progress?: Progress
  /** Check every file against the bundle schema before writing it (on by default). */
  validate?: boolean
}

export type BuildResult = { summary: BuildSummary; report: ReportFile }

/** A failure that stops the run before or while writing (exit code 2 in the CLI). */
export class BuildError extends Error {}

export function build(options: BuildOptions): BuildResult {
  const started = performance.now()
  const progress = options.progress ?? createProgress(process.stderr, false)
  let site
  try {
    site = readSite(options.input)
  } catch (e) {
    throw new BuildError(`cannot read ${options.input}: ${(e as Error).message}`)
  }
  const timeZone = options.timeZone ?? site.timeZone ?? ARCHIVE_TIME_ZONE
  try {
    assertTimeZone(timeZone)
  } catch {
    throw new BuildError(`unknown time zone: ${timeZone}`)
  }
  const out = path.resolve(options.out)
  const postsReal = fs.realpathSync(site.postsDir)
  if (out === postsReal || out.startsWith(postsReal + path.sep))
    throw new BuildError('--out must not be inside the posts folder')

  const stateFile = path.resolve(options.stateFile ?? path.join(out, STATE_FILE))
  const validate = options.validate ?? true
  const bundleOptions: BundleOptions = { title: site.title ?? DEFAULT_TITLE }
  if (options.siteUrl) bundleOptions.siteUrl = options.siteUrl
  const settings = JSON.stringify({ BUILDER_VERSION, timeZone, siteUrl: options.siteUrl ?? null })

  let writer: BundleWriter
  let previous: BuildState | null
  try {
    fs.mkdirSync(out, { recursive: true })
    previous = loadState(stateFile, settings)
    clearState(stateFile)
    writer = new BundleWriter(out, previous?.outputs ?? new Map())
  } catch (e) {
    throw new BuildError(`cannot write to ${options.out}: ${(e as Error).message}`)
  }
  const check = <S extends v.GenericSchema>(schema: S, value: unknown, what: string) => {
    if (!validate) return
    const r = v.safeParse(schema, value)
    if (!r.success)
      throw new Error(`${what} does not match the bundle schema: ${describeIssues(r.issues)}`)
  }
  // Unchanged files were checked when they were written: only what is written now is checked.
  const writeChecked = (file: BundleFile, schema: v.GenericSchema) =>
    writer.write(file.path, file.text, () => check(schema, file.value, file.path))

  const previousOf = cursor(previous?.inputs ?? [])
  const previousOutputs = previous?.outputs ?? new Map<string, string>()

  const files = listInputs(site.postsDir)
  const entries: ReportEntry[] = []
  const inputs: InputState[] = []
  const metas: (PostMeta | undefined)[] = []
  const ids: (string | undefined)[] = []
  const contentDir = writer.folder('content')
  const parseSettings: ParseSettings = { timeZone, bundle: bundleOptions, validate }

  // Ids come from file names alone, so they are decided before any file is parsed (in parallel):
  // the first file in input order keeps a slug, later ones get slug-2, slug-3… (with a warning).
  const usedIds = new Set<string>()
  const idWarnings = new Map<number, string>()
  files.forEach((file, i) => {
    if (!isPostFile(file)) return
    const slug = slugOf(file)
    let id = slug
    for (let n = 2; usedIds.has(id); n++) id = `${slug}-${n}`
    if (id !== slug)
      idWarnings.set(i, `id "${slug}" is taken by an earlier file: this one is "${id}"`)
    usedIds.add(id)
    ids[i] = id
  })

  for (let i = 0; i < files.length; i++) {
    const file = files[i] as string
    if (i % 256 === 0) progress.update(i, files.length, 'reading posts')
    // `file` is a clean relative path from listInputs: no path.join needed (100,000 times).
    const abs = `${site.postsDir}/${file}`
    entries.push({ file, status: 'skipped' })
    const state: InputState = { file, size: 0, mtimeMs: 0, hash: '', warnings: [] }
    inputs.push(state)
    metas.push(undefined)
    let stat: fs.Stats
    try {
      stat = fs.statSync(abs)
    } catch (e) {
      state.reason = `unreadable: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`
      continue
    }
    state.size = stat.size
    state.mtimeMs = stat.mtimeMs
    const id = ids[i]
    if (!stat.isFile()) state.reason = 'not a regular file'
    else if (id === undefined) state.reason = 'not a post: not a Markdown or HTML file'
    // Not even read: a runaway file must not take the memory of the run.
    else if (stat.size > MAX_POST_BYTES)
      state.reason = `too large: ${stat.size} bytes (limit ${MAX_POST_BYTES})`
    if (state.reason !== undefined || id === undefined) continue

    const cached = previousOf(file)
    const contentRel = contentPath(id)
    const contentHash = cached?.contentHash
    // Same size and mtime as last time: reuse what the last build learned, without reading.
    if (cached && cached.size === stat.size && cached.mtimeMs === stat.mtimeMs) {
      if (!cached.meta && cached.reason !== undefined) {
        inputs[i] = cached
        continue
      }
      if (cached.meta && cached.id === id && contentHash && writer.keep(contentRel, contentHash)) {
        inputs[i] = cached
        metas[i] = cached.meta
        continue
      }
    }
    const task: ParseTask = {
      file,
      abs,
      id,
      contentExists: writer.contentFiles.has(contentRel),
      contentAbs: path.join(contentDir, contentRel.slice(contentRel.indexOf('/') + 1)),
    }
    if (cached) {
      task.cached = { hash: cached.hash }
      if (cached.id !== undefined) task.cached.id = cached.id
      if (contentHash !== undefined) task.cached.contentHash = contentHash
    }
    const o = runParseTask(task, parseSettings)
    state.hash = o.hash
    if (o.unchangedInput && cached) {
      inputs[i] = { ...cached, size: state.size, mtimeMs: state.mtimeMs }
      metas[i] = cached.meta
      if (cached.meta && cached.id !== undefined)
        writer.record(contentRel, cached.contentHash ?? '', false)
    } else if (o.skipped) {
      state.reason = o.skipped.reason
      state.warnings = o.skipped.warnings
    } else if (o.imported) {
      state.id = id
      state.contentHash = o.imported.contentHash
      state.meta = o.imported.meta
      state.warnings = o.imported.warnings
      metas[i] = o.imported.meta
      writer.record(contentRel, o.imported.contentHash, o.imported.written)
    }
  }
  progress.update(files.length, files.length, 'reading posts')

  const articles: Article[] = []
  for (let i = 0; i < files.length; i++) {
    const state = inputs[i] as InputState
    const entry = entries[i] as ReportEntry
    const meta = metas[i]
    const warnings = [...state.warnings]
    const idWarning = idWarnings.get(i)
    if (meta && idWarning) warnings.push(idWarning)
    if (meta) {
      const id = ids[i] as string
      entry.status = 'imported'
      entry.id = id
      articles.push({ id, meta, hash: state.hash })
    } else {
      entry.reason = state.reason ?? 'skipped'
    }
    if (warnings.length) entry.warnings = warnings
  }

  articles.sort(compareArticles)
  const byCategory = new Map<string, Article[]>()
  const firstTags = new Map<string, Map<string, number>>()
  const byTag = new Map<string, Article[]>()
  for (const a of articles) {
    const c = a.meta.category
    let list = byCategory.get(c)
    if (!list) byCategory.set(c, (list = []))
    list.push(a)
    const first = a.meta.tags[0]
    if (first !== undefined) {
      let counts = firstTags.get(c)
      if (!counts) firstTags.set(c, (counts = new Map<string, number>()))
      counts.set(first, (counts.get(first) ?? 0) + 1)
    }
    for (const t of a.meta.tags) {
      let tagged = byTag.get(t)
      if (!tagged) byTag.set(t, (tagged = []))
      tagged.push(a)
    }
  }

  const lists = 1 + byCategory.size + byTag.size
  let listsDone = 0
  const previousPages = previous?.pages ?? new Map<string, string>()
  const pages = new Map<string, string>()
  const writePages = (planned: Iterable<PlannedPage>) => {
    for (const page of planned) {
      pages.set(page.path, page.fingerprint)
      const hash = previousOutputs.get(page.path)
      if (
        previousPages.get(page.path) === page.fingerprint &&
        hash &&
        writer.keepPage(page.path, hash)
      )
        continue
      writeChecked(page.make(), BundlePageSchema)
    }
    progress.update(++listsDone, lists, 'writing lists')
  }
  writePages(
    feedPages('', bundleOptions.title, articles, bundleOptions, {
      version: BUNDLE_VERSION,
      total_items: articles.length,
      categories_url: 'categories.json',
      tags_url: 'tags.json',
      content_template: CONTENT_TEMPLATE,
      category_feed_template: CATEGORY_FEED_TEMPLATE,
      tag_feed_template: TAG_FEED_TEMPLATE,
    }),
  )
  const categories = new Map<string, { count: number; name: string }>()
  for (const [slug, list] of byCategory) {
    const name = categoryName(firstTags.get(slug), site.categoryTitles.get(slug), slug)
    categories.set(slug, { count: list.length, name })
    writePages(
      feedPages(categoryDir(slug), name, list, bundleOptions, {
        version: BUNDLE_VERSION,
        total_items: list.length,
      }),
    )
  }
  const tagCounts = new Map<string, number>()
  for (const [tag, list] of byTag) {
    tagCounts.set(tag, list.length)
    writePages(
      feedPages(tagDir(tag), tag, list, bundleOptions, {
        version: BUNDLE_VERSION,
        total_items: list.length,
      }),
    )
  }
  progress.done()

  const categoriesJson = categoriesFile(categories)
  writer.write('categories.json', `${JSON.stringify(categoriesJson, null, 1)}\n`, () =>
    check(CategoriesFileSchema, categoriesJson, 'categories.json'),
  )
  const tagsJson = tagsFile(tagCounts)
  writer.write('tags.json', `${JSON.stringify(tagsJson, null, 1)}\n`, () =>
    check(TagsFileSchema, tagsJson, 'tags.json'),
  )
  const report = reportFile(entries)
  writer.write('report.json', `${JSON.stringify(report, null, 1)}\n`, () =>
    check(ReportFileSchema, report, 'report.json'),
  )

  writer.removeStale()
  saveState(stateFile, {
    version: STATE_VERSION,
    settings,
    inputs,
    outputs: writer.emitted,
    pages,
  })

  return {
    report,
    summary: {
      read: report.summary.read,
      imported: report.summary.imported,
      skipped: report.summary.skipped,
      warnings: report.summary.warnings,
      written: writer.written,
      unchanged: writer.unchanged,
      deleted: writer.deleted,
      seconds: (performance.now() - started) / 1000,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    },
  }
}

/**
 * The previous build's entry for each file, for files asked in ascending order: both lists are
 * sorted the same way, so one walk in step replaces a 100,000-key map (a file missing from an
 * unsorted, hand-edited state is simply parsed again).
 */
function cursor(previous: readonly InputState[]): (file: string) => InputState | undefined {
  let j = 0
  return (file) => {
    while (j < previous.length && (previous[j] as InputState).file < file) j++
    const p = previous[j]
    return p?.file === file ? p : undefined
  }
}
