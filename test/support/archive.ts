// A generated archive for browser tests that need more than the hand-written fixture: `npm run gen`
// posts built by the feed builder into a temporary folder (both as a user would run them).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

export type Archive = {
  /** The site root (`_posts/`, `category/`, `_config.yml`). */
  siteDir: string
  /** The built bundle, to serve under /feed/. */
  feedDir: string
  /** Every imported post's id, in input order. */
  ids: string[]
  remove: () => void
}

function run(args: string[]) {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed:\n${r.stderr}`)
}

/** With `pages`, the build also writes the static pages (--app, --site-url) into that app folder. */
export type Pages = { appDir: string; siteUrl: string }

export function makeArchive(count: number, seed = 1, start = '2026-10-01', pages?: Pages): Archive {
  const dir = mkdtempSync(path.join(tmpdir(), 'news-reader-archive-'))
  const siteDir = path.join(dir, 'site')
  const feedDir = path.join(dir, 'feed')
  const tsx = path.resolve('node_modules/tsx/dist/cli.mjs')
  run([
    tsx,
    'scripts/gen-archive.ts',
    String(count),
    siteDir,
    '--seed',
    String(seed),
    '--start',
    start,
  ])
  const withPages = pages
    ? ['--app', pages.appDir, '--site-url', pages.siteUrl, '--state', path.join(dir, 'state')]
    : []
  run(['scripts/feed.mjs', 'build', siteDir, '--out', feedDir, '--quiet', ...withPages])
  const report = JSON.parse(readFileSync(path.join(feedDir, 'report.json'), 'utf8')) as {
    files: { status: string; id?: string }[]
  }
  const ids = report.files.flatMap((f) => (f.status === 'imported' && f.id ? [f.id] : []))
  return { siteDir, feedDir, ids, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
