import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { SearchSpool } from './spool.ts'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'spool-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

describe('the search spool', () => {
  it('gives back each document, in any order, small or larger than what it reads at once', () => {
    const spool = new SearchSpool(path.join(tmp, 'spool'), 4)
    const docs = new Map<number, string>()
    for (let row = 0; row < 300; row++) {
      // Chinese and ASCII, some documents far larger than a read window (256 KB).
      const doc =
        row % 50 === 7 ? `长${'新闻'.repeat(80_000)}${row}` : `{"id":"${row}","text":"市场${row}"}`
      spool.add(row * 2, doc)
      docs.set(row * 2, doc)
    }
    const rows = [...docs.keys()]
    const shuffled = rows.map((_, k) => rows[(k * 97) % rows.length] as number)
    for (const row of [...rows, ...shuffled, ...rows.reverse()])
      expect(spool.get(row)).toBe(docs.get(row))
    expect(spool.get(1)).toBeNull()
    expect(spool.has(2)).toBe(true)
    expect(spool.has(3)).toBe(false)
    // Appended after reads: still found.
    spool.add(1000, 'late')
    expect(spool.get(1000)).toBe('late')
    expect(spool.get(0)).toBe(docs.get(0))
    spool.dispose()
  })
})
