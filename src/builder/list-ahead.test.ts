// The thread that lists the posts folders and lstats their entries while the state loads gives
// what the build thread alone would: the same names, the same stats, and nothing where it failed.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { listAhead } from './list-ahead.ts'
import { listFolder } from './site.ts'
import { FILE, LINK, OTHER, lstatAll } from './stat-many.ts'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'list-ahead-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))
const state = path.join(tmp, 'state')
fs.writeFileSync(state, 'x'.repeat(100))

function folder(name: string, files: string[]): string {
  const dir = path.join(tmp, name)
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true })
    fs.writeFileSync(path.join(dir, f), f.repeat(3))
  }
  return dir
}

const a = folder('a', [
  ...Array.from({ length: 23 }, (_, k) => `2024-01-${10 + k}-post-${k}.md`),
  'sub/2024-02-01-deeper.md',
  'sub/inner/2024-02-02-deepest.md',
  '.hidden.md',
  '2024-03-01-新闻.md',
  'Zeta.md',
  'notes.txt',
])
fs.symlinkSync('/etc/passwd', path.join(a, '2024-04-01-link.md'))
fs.mkdirSync(path.join(a, 'empty'))
spawnSync('mkfifo', [path.join(a, '2024-05-01-pipe.md')])
const b = folder('b', ['2020-01-01-old.md', '2020-01-02-older.md'])
const empty = folder('c', [])
fs.mkdirSync(empty, { recursive: true })

describe('listAhead', () => {
  it("lists each folder as listFolder does, and shares the entries' lstat", () => {
    const dirs = [a, empty, b]
    const ahead = listAhead(dirs, state, { fromBytes: 0, chunk: 4 })
    const lists = dirs.map((_, k) => ahead.take(k))
    expect(lists).toEqual(dirs.map(listFolder))
    const paths = lists.flatMap((l, k) => (l ?? []).map((n) => `${dirs[k]}/${n}`))
    const stats = ahead.stats((i) => paths[i]!)
    const want = lstatAll(paths, Infinity)
    expect(stats && [...stats.kind]).toEqual([...want.kind])
    expect(stats && [...stats.size]).toEqual([...want.size])
    expect(stats && [...stats.mtimeMs]).toEqual([...want.mtimeMs])
    expect(new Set(stats?.kind)).toEqual(new Set([FILE, LINK, OTHER]))
    ahead.stop()
  })

  it('shares the lstat with the build thread, errors too', () => {
    const h = folder('h', [
      ...Array.from({ length: 30 }, (_, k) => `2024-06-${10 + k}-held-${k}.md`),
      'sub/2024-07-01-a.md',
      'sub/2024-07-02-b.md',
    ])
    // The worker lstats nothing until the build thread asks: a folder listed is then a file.
    const ahead = listAhead([h], state, { fromBytes: 0, chunk: 4, held: true })
    const names = ahead.take(0) ?? []
    expect(names).toEqual(listFolder(h))
    fs.rmSync(path.join(h, 'sub'), { recursive: true })
    fs.writeFileSync(path.join(h, 'sub'), 'now a file')
    const paths = names.map((n) => `${h}/${n}`)
    const stats = ahead.stats((i) => paths[i]!)
    const want = lstatAll(paths, Infinity)
    expect(stats && [...stats.kind]).toEqual([...want.kind])
    expect(stats && [...stats.size]).toEqual([...want.size])
    expect(stats?.errors).toEqual(want.errors)
    expect([...want.errors.values()]).toEqual(['ENOTDIR', 'ENOTDIR'])
  })

  it('leaves a folder it could not list to the build thread, and then every lstat', () => {
    const ahead = listAhead([b, path.join(tmp, 'gone')], state, { fromBytes: 0 })
    expect(ahead.take(0)).toEqual(listFolder(b))
    expect(ahead.take(1)).toBeUndefined()
    expect(ahead.stats(() => b)).toBeNull()
    ahead.stop()
  })

  it('starts no thread for a small archive', () => {
    const ahead = listAhead([a, b], state)
    expect(ahead.take(0)).toBeUndefined()
    expect(ahead.stats(() => a)).toBeNull()
  })
})
