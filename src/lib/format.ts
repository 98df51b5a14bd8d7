// Dates and numbers through Intl only: times in the archive's zone, relative for recent items.
import { ARCHIVE_TIME_ZONE } from '../shared/feed-bundle.ts'
import { LOCALE } from './messages.ts'

// Intl objects are made on first use: a DateTimeFormat with a time zone costs ~150 ms to create in a
// fresh page at 4× CPU slowdown (ICU's zone data), on the critical path of the first list.
let dateTime: Intl.DateTimeFormat | undefined
let relative: Intl.RelativeTimeFormat | undefined
let number: Intl.NumberFormat | undefined

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/**
 * Asia/Shanghai has been a fixed UTC+8 since China's last daylight saving time ended in September
 * 1991: from 1992 on, its wall-clock time is plain arithmetic, written the way Intl writes zh-CN
 * (`2026/11/29 08:05`; a property test holds the two equal). Other dates and zones go through Intl.
 */
const FIXED_UTC8_FROM = Date.UTC(1992, 0, 1)
const FIXED_UTC8_UNTIL = Date.UTC(10_000, 0, 1)
const pad = (n: number) => (n < 10 ? `0${n}` : String(n))

export function formatDateTime(ms: number): string {
  if (
    ARCHIVE_TIME_ZONE === 'Asia/Shanghai' &&
    LOCALE === 'zh-CN' &&
    ms >= FIXED_UTC8_FROM &&
    ms < FIXED_UTC8_UNTIL
  ) {
    const d = new Date(ms + 8 * HOUR)
    return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
  }
  return formatWithIntl(ms)
}

/** The same text through Intl (any date, any zone); exported for the property test. */
export function formatWithIntl(ms: number): string {
  dateTime ??= new Intl.DateTimeFormat(LOCALE, {
    timeZone: ARCHIVE_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
  return dateTime.format(ms)
}

/** "5 分钟前" within the last day, else the full date and time in Asia/Shanghai. */
export function formatWhen(ms: number, now: number = Date.now()): string {
  const diff = ms - now
  if (diff > MINUTE || -diff >= DAY) return formatDateTime(ms)
  relative ??= new Intl.RelativeTimeFormat(LOCALE, { numeric: 'auto' })
  if (-diff < MINUTE) return relative.format(0, 'second')
  if (-diff < HOUR) return relative.format(Math.round(diff / MINUTE), 'minute')
  return relative.format(Math.round(diff / HOUR), 'hour')
}

export function formatNumber(n: number): string {
  number ??= new Intl.NumberFormat(LOCALE)
  return number.format(n)
}
