import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { prefetch } from './prefetch.ts'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'prefetch-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

/** Waits (up to 10 s) until the worker has read `n` paths; returns how many it had. */
function readUpTo(ahead: ReturnType<typeof prefetch>, n: number): number {
  const until = Date.now() + 10_000
  while (ahead.read() < n && Date.now() < until)
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20)
  return ahead.read()
}

describe('reading posts ahead of the parser', () => {
  it('goes past what it must not read (a FIFO, a link, a folder, a missing file) without blocking', () => {
    const fifo = path.join(tmp, 'pipe.md')
    execFileSync('mkfifo', [fifo])
    fs.symlinkSync(fifo, path.join(tmp, 'link.md'))
    fs.mkdirSync(path.join(tmp, 'folder.md'))
    const files = Array.from({ length: 20 }, (_, k) => {
      const f = path.join(tmp, `post-${k}.md`)
      fs.writeFileSync(f, `---\ntitle: ${k}\n---\n`)
      return f
    })
    const paths = [fifo, path.join(tmp, 'link.md'), path.join(tmp, 'folder.md'), 'missing.md']
    paths.push(...files)
    const ahead = prefetch(paths.length, (j) => paths[j] as string, 1, 1000)
    expect(readUpTo(ahead, paths.length)).toBe(paths.length)
    ahead.stop()
  })

  it('stays a bounded number of files ahead, and follows as the parser goes on', () => {
    const paths = Array.from({ length: 50 }, (_, k) => path.join(tmp, `none-${k}.md`))
    const asked: number[] = []
    const ahead = prefetch(paths.length, (j) => (asked.push(j), paths[j] as string), 1, 5)
    // Two chunks of five are handed over at the start, no more until the parser has passed five.
    expect(readUpTo(ahead, 10)).toBe(10)
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200)
    expect(ahead.read()).toBe(10)
    expect(asked).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    for (let k = 0; k < 5; k++) ahead.passed()
    expect(readUpTo(ahead, 15)).toBe(15)
    for (let k = 0; k < 40; k++) ahead.passed()
    expect(readUpTo(ahead, 50)).toBe(50)
    expect(asked).toEqual(paths.map((_, j) => j))
    ahead.stop()
  })

  it('does not start for a few files', () => {
    const ahead = prefetch(2, () => 'a.md', 100)
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100)
    expect(ahead.read()).toBe(0)
  })
})
