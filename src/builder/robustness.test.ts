// What held under attack, kept as tests: builds killed with kill -9 at random moments, each
// followed by a build equal to a clean one; and random edit sequences (adds, edits, deletes,
// renames, moves between _posts/ and old_post/, copies into both) built incrementally equal to
// clean. Fixed seeds and small counts here; `npm run bench:build -- --faults` runs many more
// (FAULT_RUNS, KILL_TRIALS).
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { generateArchive, rng } from '../../scripts/gen-archive.ts'
import { build } from './build.ts'
import { snapshot } from '../../test/support/bundle-files.ts'

const RUNS = Number(process.env.FAULT_RUNS ?? 12)
const KILLS = Number(process.env.KILL_TRIALS ?? 4)
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'builder-robust-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))
let n = 0
const fresh = (what: string) => path.join(tmp, `${what}-${++n}`)

/** Builds `site` into a new folder and compares it with `out`, byte for byte. */
function expectClean(site: string, out: string): void {
  const clean = fresh('clean')
  build({ input: site, out: clean })
  expect(snapshot(out)).toEqual(snapshot(clean))
  fs.rmSync(clean, { recursive: true })
}

type Edit =
  | { kind: 'add'; at: number; folder: string }
  | { kind: 'remove' | 'title' | 'touch' | 'undate' | 'rename' | 'move' | 'copy'; at: number }

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('add' as const),
    at: fc.nat(),
    folder: fc.constantFrom('_posts', 'old_post'),
  }),
  fc.record({
    kind: fc.constantFrom(
      'remove' as const,
      'title' as const,
      'touch' as const,
      'undate' as const,
      'rename' as const,
      'move' as const,
      'copy' as const,
    ),
    at: fc.nat(),
  }),
)

function files(site: string): string[] {
  return ['_posts', 'old_post'].flatMap((d) =>
    fs.existsSync(path.join(site, d))
      ? fs.readdirSync(path.join(site, d)).map((f) => `${d}/${f}`)
      : [],
  )
}

function apply(site: string, e: Edit, k: number): void {
  const all = files(site).sort()
  const file = all[e.at % Math.max(1, all.length)]
  const abs = file && path.join(site, file)
  const other = (f: string) => (f.startsWith('_posts/') ? 'old_post' : '_posts')
  if (e.kind === 'add') {
    const day = String((e.at % 28) + 1).padStart(2, '0')
    fs.mkdirSync(path.join(site, e.folder), { recursive: true })
    const text = `---\ntitle: 新${k}\ndate: 2022-03-${day} 10:00:00 +0800\ncategories: c${e.at % 3}\ntags: 标签${e.at % 4}\n---\n<p>正文${k}</p>\n`
    fs.writeFileSync(path.join(site, e.folder, `2022-03-${day}-new${e.at % 7}.md`), text)
    return
  }
  if (!abs || !file) return
  const text = fs.readFileSync(abs, 'utf8')
  const base = path.basename(file)
  if (e.kind === 'remove') fs.rmSync(abs)
  else if (e.kind === 'title')
    fs.writeFileSync(abs, text.replace(/^title: .*$/m, `title: "改${k}"`))
  else if (e.kind === 'touch') fs.utimesSync(abs, new Date(), new Date(Date.now() + 1000 * (k + 1)))
  else if (e.kind === 'undate') fs.writeFileSync(abs, text.replace(/^date: .*\r?\n/m, ''))
  else if (e.kind === 'rename')
    fs.renameSync(
      abs,
      path.join(path.dirname(abs), base.replace(/^\d{4}-\d\d-\d\d/, `2023-0${(k % 9) + 1}-15`)),
    )
  else {
    fs.mkdirSync(path.join(site, other(file)), { recursive: true })
    const to = path.join(site, other(file), base)
    if (e.kind === 'move') fs.renameSync(abs, to)
    else fs.copyFileSync(abs, to)
  }
}

describe('random edit sequences', () => {
  it('build incrementally to exactly what a clean build writes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(edit, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 3 }),
        (batches) => {
          const site = fresh('site')
          generateArchive({ count: 30, dir: site, seed: 9, oldShare: 0.4, both: 3 })
          const out = fresh('out')
          build({ input: site, out })
          let k = 0
          for (const batch of batches) {
            for (const e of batch) apply(site, e, k++)
            build({ input: site, out })
          }
          expectClean(site, out)
          fs.rmSync(site, { recursive: true })
          fs.rmSync(out, { recursive: true })
        },
      ),
      { seed: 20261202, numRuns: RUNS },
    )
  }, 120_000)
})

/** Runs the CLI build and kills it with SIGKILL after `ms` milliseconds (if still running). */
function killedBuild(site: string, out: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/feed.mjs', 'build', site, '--out', out, '-q'], {
      stdio: 'ignore',
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), ms)
    child.on('exit', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}

describe('kill -9', () => {
  it('at any moment of a clean or incremental build, the next build equals a clean one', async () => {
    const random = rng(1202)
    for (let t = 0; t < KILLS; t++) {
      const site = fresh('kill-site')
      generateArchive({ count: 400, dir: site, seed: 100 + t, oldShare: 0.3, both: 5 })
      const out = fresh('kill-out')
      if (t % 2 === 1) {
        // An incremental build: a bundle exists, then posts change under it.
        build({ input: site, out })
        for (let k = 0; k < 20; k++)
          apply(site, { kind: 'title', at: Math.floor(random() * 1000) }, k)
        apply(site, { kind: 'remove', at: 7 }, 99)
      }
      await killedBuild(site, out, 200 + Math.floor(random() * 1200))
      build({ input: site, out })
      expectClean(site, out)
    }
  }, 120_000)
})
