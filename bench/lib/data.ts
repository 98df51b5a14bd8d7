// Benchmark archives: `npm run gen` writes N synthetic posts, `npm run feed -- build` turns them into
// a bundle, both under .bench-data/<N>/ (gitignored). A stamp of the generator's and the builder's
// source lets a later run reuse what the same code already produced: 100,000 posts take minutes.
import { createHash } from 'node:crypto'
import {
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  mkdirSync,
  statSync,
} from 'node:fs'
import { spawnSync } from 'node:child_process'
import path from 'node:path'

export const DATA_DIR = '.bench-data'

/**
 * The environment `npm run feed` gives the builder (package.json): two malloc arenas for its
 * threads (decisions/028), so a build measured here is the one a user runs.
 */
export const FEED_ENV = { ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2' }
const GENERATOR = 'scripts/gen-archive.ts'
const BUILDER_SOURCES = ['src/builder', 'src/shared']

export type BenchBundle = { size: number; postsDir: string; feedDir: string; reused: boolean }

/** A hash over the files (or every non-test .ts file under the folders) given. */
export function sourceHash(paths: string[]): string {
  const h = createHash('sha256')
  const walk = (p: string) => {
    if (!existsSync(p)) return
    if (statSync(p).isDirectory()) {
      for (const e of readdirSync(p).sort()) walk(path.join(p, e))
    } else if (/\.tsx?$/.test(p) && !/\.test\.tsx?$/.test(p)) {
      h.update(p).update('\0').update(readFileSync(p)).update('\0')
    }
  }
  for (const p of paths) walk(p)
  return h.digest('hex').slice(0, 16)
}

export function toolsPresent(): { gen: boolean; feed: boolean } {
  return { gen: existsSync(GENERATOR), feed: existsSync('src/builder/cli.ts') }
}

function run(cmd: string, args: string[]) {
  const started = Date.now()
  const r = spawnSync(cmd, args, { stdio: 'inherit' })
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}`)
  return (Date.now() - started) / 1000
}

type Stamp = { gen: string; builder: string }

/** The bundle of `size` generated posts, made or reused. */
export function ensureBundle(size: number, log: (l: string) => void): BenchBundle {
  const dir = path.join(DATA_DIR, String(size))
  const postsDir = path.join(dir, 'posts')
  const feedDir = path.join(dir, 'feed')
  const stampFile = path.join(dir, 'stamp.json')
  const tools = toolsPresent()
  if (!tools.gen || !tools.feed) {
    throw new Error(
      `cannot build the ${size}-post archive: ${GENERATOR} or src/builder/cli.ts is missing`,
    )
  }
  const want: Stamp = { gen: sourceHash([GENERATOR]), builder: sourceHash(BUILDER_SOURCES) }
  const have = existsSync(stampFile)
    ? (JSON.parse(readFileSync(stampFile, 'utf8')) as Partial<Stamp>)
    : {}
  mkdirSync(dir, { recursive: true })
  let reused = true
  if (have.gen !== want.gen || !existsSync(postsDir)) {
    rmSync(postsDir, { recursive: true, force: true })
    rmSync(feedDir, { recursive: true, force: true })
    log(`generating ${size} posts…`)
    const s = run('npm', ['run', '--silent', 'gen', '--', String(size), postsDir])
    log(`  ${s.toFixed(1)} s`)
    reused = false
  }
  const hasFeed = existsSync(path.join(feedDir, 'feed.json'))
  if (have.builder !== want.builder || !reused || !hasFeed) {
    // Built beside the old bundle and swapped in: a builder that fails mid-change leaves the last
    // good bundle (same posts, same bundle contract) for the app measurements.
    const next = `${feedDir}.next`
    rmSync(next, { recursive: true, force: true })
    log(`building the ${size}-post feed bundle…`)
    try {
      const s = run('npm', ['run', '--silent', 'feed', '--', 'build', postsDir, '--out', next])
      log(`  ${s.toFixed(1)} s`)
      rmSync(feedDir, { recursive: true, force: true })
      renameSync(next, feedDir)
      reused = false
    } catch (e) {
      rmSync(next, { recursive: true, force: true })
      if (!reused || !hasFeed) throw e
      log(`  the builder failed (${(e as Error).message}): using the bundle of the previous build`)
      return { size, postsDir, feedDir, reused: true }
    }
  }
  writeFileSync(stampFile, JSON.stringify(want))
  return { size, postsDir, feedDir, reused }
}
