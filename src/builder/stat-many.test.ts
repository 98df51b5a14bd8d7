import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { FAILED, FILE, LINK, MISSING, OTHER, lstatAll } from './stat-many.ts'

describe('lstatAll', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stat-many-'))
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
  const paths: string[] = []
  const want: number[] = []
  for (let i = 0; i < 40; i++) {
    const p = path.join(dir, `2022-01-${i}-post.md`)
    fs.writeFileSync(p, 'x'.repeat(i))
    paths.push(p)
    want.push(FILE)
  }
  fs.symlinkSync('/etc/passwd', path.join(dir, 'link.md'))
  fs.mkdirSync(path.join(dir, 'folder.md'))
  paths.push(
    path.join(dir, 'link.md'),
    path.join(dir, 'folder.md'),
    path.join(dir, 'gone.md'),
    path.join(dir, `${'n'.repeat(300)}.md`),
    path.join(dir, '2022-01-0-post.md', 'under-a-file.md'),
  )
  want.push(LINK, OTHER, MISSING, FAILED, FAILED)

  it('tells files, links, other things, missing paths and errors apart, on a thread or not', () => {
    for (const shareFrom of [Infinity, 2]) {
      const s = lstatAll(paths, shareFrom)
      expect([...s.kind]).toEqual(want)
      for (let i = 0; i < 40; i++) {
        expect(s.size[i]).toBe(i)
        expect(s.mtimeMs[i]).toBe(fs.lstatSync(paths[i]!).mtimeMs)
      }
      expect([...s.errors.values()]).toEqual(['ENAMETOOLONG', 'ENOTDIR'])
      expect([...s.errors.keys()]).toEqual([43, 44])
    }
  })
})
