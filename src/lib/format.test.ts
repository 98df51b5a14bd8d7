// Times in the archive's zone (Asia/Shanghai) whatever the machine's zone, relative when recent.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  formatDateTime,
  formatDayLabel,
  formatListTime,
  formatWhen,
  formatWithIntl,
  setDisplayZone,
} from './format.ts'

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

  it('keeps a list item’s time short: relative today, then yesterday, then the date', () => {
    const at = (iso: string) => Date.parse(iso)
    expect(formatListTime(at('2026-11-29T11:55:00+08:00'), now)).toBe('5分钟前')
    expect(formatListTime(at('2026-11-29T00:30:00+08:00'), now)).toBe('11小时前')
    expect(formatListTime(at('2026-11-28T21:30:00+08:00'), now)).toBe('昨天 21:30')
    expect(formatListTime(at('2026-11-20T08:05:00+08:00'), now)).toBe('11月20日 08:05')
    expect(formatListTime(at('2025-12-31T23:00:00+08:00'), now)).toBe('2025/12/31')
    // A date that came from a file name: the day, never an invented 00:00.
    expect(formatListTime(at('2026-11-20T00:00:00+08:00'), now, true)).toBe('11月20日')
    expect(formatListTime(at('2026-11-29T00:00:00+08:00'), now, true)).toBe('今天')
  })

  it('names the days a list is grouped by, in the archive’s calendar', () => {
    expect(formatDayLabel(Date.parse('2026-11-29T00:10:00+08:00'), now)).toBe('今天')
    // 23:50 in Beijing is still the 28th, whatever the machine's zone.
    expect(formatDayLabel(Date.parse('2026-11-28T15:50:00Z'), now)).toBe('昨天')
    expect(formatDayLabel(Date.parse('2026-11-27T10:00:00+08:00'), now)).toBe('11月27日 星期五')
    expect(formatDayLabel(Date.parse('2025-11-27T10:00:00+08:00'), now)).toBe(
      '2025年11月27日 星期四',
    )
  })

  it('shows the browser’s own clock when the reader chooses it, exactly as Intl does', () => {
    const local = () =>
      new Intl.DateTimeFormat('zh-CN', {
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
    // A zone with daylight saving time: the offset must be the instant's, not today's.
    const machineZone = process.env.TZ
    process.env.TZ = 'America/New_York'
    setDisplayZone('browser')
    const format = local()
    try {
      fc.assert(
        fc.property(fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
          expect(formatDateTime(ms)).toBe(format.format(ms))
        }),
      )
      // A date-only article keeps the archive's day: its midnight there is the evening before here.
      const day = Date.parse('2026-11-01T00:00:00+08:00')
      expect(formatListTime(day, Date.parse('2026-11-20T12:00:00+08:00'), true)).toBe('11月1日')
      expect(formatDayLabel(day, Date.parse('2026-11-20T12:00:00+08:00'), true)).toMatch(/^11月1日/)
      expect(formatDateTime(day)).toMatch(/2026.10.31/)
    } finally {
      setDisplayZone('archive')
      if (machineZone === undefined) delete process.env.TZ
      else process.env.TZ = machineZone
    }
    expect(formatDateTime(Date.parse('2026-11-28T13:30:00Z'))).toMatch(/21:30/)
  })
})
