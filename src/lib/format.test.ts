// Times in the archive's zone (Asia/Shanghai) whatever the machine's zone, relative when recent.
import { describe, expect, it } from 'vitest'
import { formatDateTime, formatWhen } from './format.ts'

const now = Date.parse('2026-11-29T12:00:00+08:00')

describe('format', () => {
  it('shows the full time in Asia/Shanghai', () => {
    expect(formatDateTime(Date.parse('2026-11-28T13:30:00Z'))).toMatch(/2026.11.28.*21:30/)
  })

  it('says how long ago within the last day', () => {
    expect(formatWhen(now - 20_000, now)).toBe('现在')
    expect(formatWhen(now - 5 * 60_000, now)).toBe('5分钟前')
    expect(formatWhen(now - 3 * 3_600_000, now)).toBe('3小时前')
    expect(formatWhen(now - 25 * 3_600_000, now)).toMatch(/2026.11.28.*11:00/)
  })

  it('shows a future date in full', () => {
    expect(formatWhen(now + 3_600_000, now)).toMatch(/2026.11.29.*13:00/)
  })
})
