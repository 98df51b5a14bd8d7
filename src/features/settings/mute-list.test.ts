import { describe, expect, it } from 'vitest'
import { cleanMuteList, MUTE_MAX_CHARS, MUTE_MAX_ENTRIES, muteTest } from './mute-list.ts'

describe('muted lists', () => {
  it('keep text entries trimmed, once each as search compares them, and drop the rest', () => {
    const long = 'x'.repeat(MUTE_MAX_CHARS + 1)
    expect(
      cleanMuteList([' 夜跑 ', '', '  ', 3, null, 'ＡＢＣ', 'abc', long, '夜跑', 'Abc']),
    ).toEqual(['夜跑', 'ＡＢＣ'])
    const many = Array.from({ length: MUTE_MAX_ENTRIES + 5 }, (_, i) => `w${i}`)
    expect(cleanMuteList(many)).toHaveLength(MUTE_MAX_ENTRIES)
  })

  it('match words in the title as search does: NFKC, case-folded, substring', () => {
    const test = muteTest(['ＳＰＡＣＥＸ', 'ipo'], [])!
    expect(test('SpaceX 发射成功', null, null)).toBe(true)
    expect(test('港股 ＩＰＯ 速递', null, null)).toBe(true)
    expect(test('天气预报', null, null)).toBe(false)
    expect(muteTest([], [])).toBeUndefined()
  })

  it('match a source by its whole name, and the body only when given', () => {
    const test = muteTest(['四分钟'], ['科技日报'])!
    expect(test('开源小工具', '科技日报', null)).toBe(true)
    expect(test('开源小工具', '科技日报社', null)).toBe(false)
    expect(test('地铁加开班次', '城市快讯', null)).toBe(false)
    expect(test('地铁加开班次', '城市快讯', '间隔缩短到四分钟。')).toBe(true)
  })
})
