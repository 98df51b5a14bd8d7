// The synthetic archive generator: deterministic, skewed category sizes, realistic lengths, and the
// real archive's format (front matter, source link, footer) with its quirks.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { categoryCount, generateArchive } from './gen-archive.ts'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gen-archive-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const read = (dir: string) =>
  fs
    .readdirSync(path.join(dir, '_posts'))
    .sort()
    .map((f) => [f, fs.readFileSync(path.join(dir, '_posts', f), 'utf8')] as const)

describe('gen-archive', () => {
  const a = path.join(tmp, 'a')
  const result = generateArchive({ count: 1500, dir: a, seed: 42 })
  const posts = read(a)

  it('is deterministic for a seed and differs for another', () => {
    const b = path.join(tmp, 'b')
    generateArchive({ count: 1500, dir: b, seed: 42 })
    expect(read(b)).toEqual(posts)
    const c = path.join(tmp, 'c')
    generateArchive({ count: 50, dir: c, seed: 43 })
    expect(read(c)[0]?.[1]).not.toBe(posts[0]?.[1])
  })

  it('spreads posts over many categories with a skewed (Zipf-like) distribution', () => {
    expect(categoryCount(100_000)).toBe(2000)
    expect(categoryCount(300)).toBeGreaterThanOrEqual(10)
    const sizes = new Map<string, number>()
    for (const [, text] of posts) {
      const cat = /^categories: (\S+)$/m.exec(text)?.[1] ?? ''
      sizes.set(cat, (sizes.get(cat) ?? 0) + 1)
    }
    const sorted = [...sizes.values()].sort((x, y) => y - x)
    expect(sizes.size).toBe(result.categories)
    expect(sorted[0]!).toBeGreaterThan(sorted[Math.floor(sorted.length / 2)]! * 5)
    expect(fs.readdirSync(path.join(a, 'category')).length).toBe(result.categories)
  })

  it('writes the real archive format, Chinese text of 300 to 3,000 characters, and quirks', () => {
    const lengths = posts.map(
      ([, t]) =>
        t.replace(/^---[\s\S]*?---/, '').replace(/<[^>]*>|\[[^\]]*\]\([^)]*\)/g, '').length,
    )
    expect(Math.min(...lengths)).toBeGreaterThanOrEqual(300)
    expect(Math.max(...lengths)).toBeLessThan(4000)
    const all = posts.map(([, t]) => t).join('\n')
    expect(all).toMatch(/<http:\/\/finews\.example\.com\/news\/\d+\.html>/)
    expect(all).toMatch(/\[返回[^\]]+\]\([^)]+\)｜\[返回首页\]/)
    expect(all).toContain('\r\n')
    expect(all).toContain('title: ""')
    expect(all).toMatch(/^date: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\r?$/m)
    expect(all).toMatch(/^> /m)
    expect(all).toContain('<center><img')
    expect(posts.every(([f]) => /^\d{4}-\d\d-\d\d-\d{18}\.md$/.test(f))).toBe(true)
  })
})
