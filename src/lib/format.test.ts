// Times in the archive's zone (Asia/Shanghai) whatever the machine's zone, relative when recent.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatDateTime, formatWhen, formatWithIntl } from './format.ts'

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

  it('writes times exactly as Intl does (the UTC+8 fast path included)', () => {
    const from = Date.UTC(1985, 0, 1)
    const until = Date.UTC(2200, 0, 1)
    fc.assert(
      fc.property(fc.integer({ min: from, max: until }), (ms) => {
        expect(formatDateTime(ms)).toBe(formatWithIntl(ms))
      }),
      { numRuns: 2_000 },
    )
    // Midnight is 00, not 24; a summer day of 1991 (daylight saving time) through Intl.
    expect(formatDateTime(Date.parse('2026-11-28T16:05:00Z'))).toBe('2026/11/29 00:05')
    expect(formatDateTime(Date.parse('1991-07-01T00:00:00Z'))).toBe(
      formatWithIntl(Date.parse('1991-07-01T00:00:00Z')),
    )
  })
})
