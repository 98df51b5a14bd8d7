import { describe, expect, it } from 'vitest'
import { excerptOf } from './excerpt.ts'

const marked = (e: { text: string; marks: [number, number][] }) =>
  e.marks.map(([a, b]) => e.text.slice(a, b))

describe('excerptOf', () => {
  it('cuts around the first match and marks every match in the excerpt', () => {
    const text = `${'甲'.repeat(100)}东营市的东营港${'乙'.repeat(100)}`
    const e = excerptOf(text, ['东营'])
    expect(e.text.startsWith('…')).toBe(true)
    expect(e.text.endsWith('…')).toBe(true)
    expect(marked(e)).toEqual(['东营', '东营'])
  })
  it('marks the original characters of a normalized match', () => {
    const e = excerptOf('买入ＥＴＦ基金和etf', ['etf'])
    expect(e.text).toBe('买入ＥＴＦ基金和etf')
    expect(marked(e)).toEqual(['ＥＴＦ', 'etf'])
  })
  it('merges overlapping matches and shows the start when nothing matches', () => {
    expect(marked(excerptOf('工业互联网', ['工业互', '互联网']))).toEqual(['工业互联网'])
    expect(excerptOf('短文', ['无'])).toEqual({ text: '短文', marks: [] })
  })
})
