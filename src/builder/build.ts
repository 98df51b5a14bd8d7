// The build: open (check the folders, take the lock, load the last state), then the read phase
// (./read-phase.ts), the plan phase (./plan.ts) and the write phase (./write-phase.ts), then
// delete what no longer belongs to the bundle and save the state.
import fs from 'node:fs'
import path from 'node:path'
import { ARCHIVE_TIME_ZONE, type BundlePage } from '../shared/feed-bundle.ts'
import { contentPath, type BundleOptions } from './bundle.ts'
import { assertTimeZone } from './dates.ts'
import { digestOf } from './digest.ts'
import { BuildError, causeOf, guard } from './errors.ts'
import { listInputs } from './inputs.ts'
import { listAhead, type ListAhead } from './list-ahead.ts'
import { lockOutput } from './lock.ts'
import { BundleWriter } from './output.ts'
import { planBundle } from './plan.ts'
import { createProgress, type Progress } from './progress.ts'
import { readPhase } from './read-phase.ts'
import { firstSkipped, reportSummary, type BuildSummary } from './report.ts'
import { SearchSpool } from './search-index/spool.ts'
import { searchThreads } from './search-index/thread.ts'
import { checkPlaces, readSite, type Site } from './site.ts'
import {
  STATE_FILE,
  journalFile,
  loadState,
  readJournal,
  saveState,
  type BuildState,
} from './state.ts'
import { openStore, removeOldStores, storeHolds } from './store-generations.ts'
import { writePhase } from './write-phase.ts'
import {
  openStaticSite,
  type StaticSite,
  type StaticSiteOptions,
  type StaticSiteSummary,
} from './static-site.ts'

/** Bump when the output for the same input changes: the next build then re-parses everything. */
const BUILDER_VERSION = 3
const DEFAULT_TITLE = 'News archive'

export type BuildOptions = {
  /** A Jekyll site root (its `_posts/` and `old_post/` are read) or a posts folder. */
  input: string
  /** Further posts folders, read after the site's own. */
  posts?: readonly string[]
  out: string
  /** The incremental build's state file; default `<out>/.build-state`. */
  stateFile?: string
  siteUrl?: string
  timeZone?: string
  progress?: Progress
  /** Check every file against the bundle schema before writing it (on by default). */
  validate?: boolean
  /** Articles per search index segment: tests use small ones (default SEGMENT_SIZE). */
  searchSegmentSize?: number
  /** The built app (vite build's dist/): write article pages, Atom, sitemaps into it (needs siteUrl). */
  appDir?: string
  /** With appDir: also write the old site's permalinks as redirect pages. */
  oldPermalinks?: boolean
  /** Write the search index on a thread of its own, beside the static pages (decision 028). */
  searchThread?: boolean
  /** Share the search segments to write with a helper thread (by default: without appDir). */
  searchHelper?: boolean
  /** List and lstat the posts on a thread while the state loads (by default: for big archives). */
  listAhead?: boolean
}

/** What the static pages need besides the title (--app). */
type PagesStep = Omit<StaticSiteOptions, 'head' | 'bundleChanged'>

export type BuildResult = {
  summary: BuildSummary
  /** What --app wrote, when given. */
  pages?: StaticSiteSummary
  /** The first skipped input files and why (all of them are in report.json). */
  skipped: { file: string; reason: string }[]
}

export function build(options: BuildOptions): BuildResult {
  const started = performance.now()
  let site: Site
  try {
    site = readSite(options.input, options.posts ?? [])
  } catch (e) {
    throw new BuildError(`cannot read ${options.input}: ${causeOf(e)}`)
  }
  const timeZone = options.timeZone ?? site.timeZone ?? ARCHIVE_TIME_ZONE
  try {
    assertTimeZone(timeZone)
  } catch {
    throw new BuildError(`unknown time zone: ${timeZone}`)
  }
  const out = path.resolve(options.out)
  const stateFile = path.resolve(options.stateFile ?? path.join(out, STATE_FILE))
  checkPlaces(out, stateFile, site)
  guard('create', out, () => fs.mkdirSync(out, { recursive: true }))
  const stateDir = path.dirname(stateFile)
  guard('create', stateDir, () => fs.mkdirSync(stateDir, { recursive: true }))
  if (options.appDir !== undefined && !options.siteUrl)
    throw new BuildError('--app needs --site-url: pages carry absolute links')
  const lock = lockOutput(out)
  // Listing starts now, while the state loads (./list-ahead.ts).
  const ahead = listAhead(
    site.folders.map((f) => f.abs),
    stateFile,
    options.listAhead === undefined ? {} : { fromBytes: options.listAhead ? 0 : Infinity },
  )
  try {
    const { appDir, siteUrl } = options
    const pages: PagesStep | undefined =
      appDir !== undefined && siteUrl
        ? {
            appDir,
            bundleDir: out,
            siteUrl,
            oldPermalinks: options.oldPermalinks ?? false,
            stateFile,
            progress: options.progress ?? createProgress(process.stderr, false),
          }
        : undefined
    return run(options, site, timeZone, out, stateFile, started, pages, ahead)
  } finally {
    ahead.stop()
    lock.release()
  }
}

/** Whether the bundle is still the one the state describes: its feed.json is as it was written. */
function bundleIntact(previous: BuildState, out: string, distrust: ReadonlySet<string>): boolean {
  if (distrust.has('feed.json')) return true
  const want = previous.outputs.get('feed.json')?.digest
  try {
    return want !== undefined && digestOf(fs.readFileSync(path.join(out, 'feed.json'))).equals(want)
  } catch {
    return false
  }
}

function run(
  options: BuildOptions,
  site: Site,
  timeZone: string,
  out: string,
  stateFile: string,
  started: number,
  pagesStep: PagesStep | undefined,
  ahead: ListAhead,
): BuildResult {
  const progress = options.progress ?? createProgress(process.stderr, false)
  const validate = options.validate ?? true
  const bundle: BundleOptions = { title: site.title ?? DEFAULT_TITLE }
  if (options.siteUrl) bundle.siteUrl = options.siteUrl
  const settings = JSON.stringify({ BUILDER_VERSION, timeZone, siteUrl: options.siteUrl ?? null })
  const outReal = fs.realpathSync(out)
  const phase = phaseTimer()
  const loaded = loadState(stateFile)
  // A state written for another --out says nothing about this one.
  const previous = loaded?.outRoot === outReal ? loaded : null
  const journaled = readJournal(stateFile)
  const distrust = new Set(journaled)
  const trusted = previous !== null && bundleIntact(previous, out, distrust)
  const cache = trusted && previous.settings === settings && storeHolds(stateFile, previous)

  const writer = new BundleWriter(out, journalFile(stateFile))
  const stores = openStore(stateFile, cache ? previous : null, loaded?.itemStore ?? 0)
  const { store, previousStore, generation } = stores
  const spool = new SearchSpool(`${stateFile}.search-spool`, 1024)
  // Opened before the read phase, which writes each parsed article's page (./static-site.ts).
  let staticSite: StaticSite | null = null
  let pages: StaticSiteSummary | undefined
  try {
    if (pagesStep) staticSite = openStaticSite({ ...pagesStep, title: bundle.title }, writer)
    phase('load state')
    const listing = listInputs(site, ahead)
    phase('list inputs')
    const read = readPhase({
      site,
      listing,
      previous,
      cache,
      distrust,
      writer,
      store,
      previousStore,
      timeZone,
      bundle,
      validate,
      progress,
      spool,
      ...(staticSite && { onArticle: staticSite.article }),
    })
    phase('read phase')
    const plan = planBundle(read, bundle.title, site.categoryTitles)
    phase('plan phase')
    const summary = reportSummary(listing.inputs, listing.idNotes)
    writePhase({
      writer,
      articles: read.articles,
      store,
      plan,
      inputs: listing.inputs,
      idNotes: listing.idNotes,
      summary,
      previous: (p) => (trusted && !distrust.has(p) ? previous.outputs.get(p) : undefined),
      homePageUrl: options.siteUrl,
      validate,
      progress,
      out,
      spool,
      ...(options.searchSegmentSize !== undefined && { segmentSize: options.searchSegmentSize }),
      previousPaths: () => (trusted ? previous.outputs.keys() : []),
      ...searchThreads(options, journalFile(stateFile)),
      ...(staticSite && {
        whileIndexing: (head: BundlePage, changed: ReadonlySet<string>) =>
          (pages = (staticSite as StaticSite).finish(head, changed)),
      }),
    })

    // Only files the builder wrote are ever deleted: the last state's and the journal's.
    phase('write phase')
    const stale = new Set<string>()
    for (const p of previous?.outputs.keys() ?? []) if (!writer.emitted.has(p)) stale.add(p)
    for (const id of read.removed) stale.add(contentPath(id))
    const current = journaled.some((p) => p.startsWith('content/'))
      ? new Set(read.articles.ids.map(contentPath))
      : new Set<string>()
    for (const p of journaled) if (!writer.emitted.has(p) && !current.has(p)) stale.add(p)
    writer.journal([...stale])
    writer.remove(stale)

    store.flush()
    const fingerprints = new Map(plan.pages.map((p) => [p.path, p.fingerprint]))
    guard('write', stateFile, () =>
      saveState(stateFile, {
        settings,
        outRoot: outReal,
        itemStore: generation,
        folders: site.folders.map((f, k) => folderSpan(listing.inputs.folder, k, f)),
        inputs: listing.inputs,
        articles: read.articles,
        categories: read.categories.names,
        tags: read.tags.names,
        outputs: writer.emitted,
        fingerprint: (p) => fingerprints.get(p),
      }),
    )
    phase('stale files and state')
    fs.rmSync(journalFile(stateFile), { force: true })
    removeOldStores(stateFile, generation)
    return {
      ...(pages && { pages }),
      skipped: firstSkipped(listing.inputs, 20),
      summary: {
        ...summary,
        written: writer.written,
        unchanged: writer.unchanged,
        deleted: writer.deleted,
        seconds: (performance.now() - started) / 1000,
        maxRssMb: process.resourceUsage().maxRSS / 1024,
      },
    }
  } finally {
    spool.dispose()
    store.close()
    previousStore?.close()
    try {
      writer.finish()
    } finally {
      // After the thread it shares is stopped: its temporary folder may still be in use until then.
      staticSite?.close()
    }
  }
}

/** With FEED_TIMING set, each phase's seconds and the RSS after it on stderr. */
function phaseTimer(): (name: string) => void {
  let last = performance.now()
  return (name) => {
    if (!process.env.FEED_TIMING) return
    const now = performance.now()
    const rss = process.memoryUsage().rss >> 20
    process.stderr.write(`${name}: ${((now - last) / 1000).toFixed(2)} s (rss ${rss} MB)\n`)
    last = now
  }
}

function folderSpan(folder: Uint16Array, k: number, f: Site['folders'][number]) {
  const start = folder.indexOf(k)
  const end = folder.lastIndexOf(k)
  return {
    real: f.real,
    name: f.name,
    start: start < 0 ? 0 : start,
    count: start < 0 ? 0 : end - start + 1,
  }
}
