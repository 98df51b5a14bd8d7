// Dates and numbers through Intl only: times in the archive's zone, relative for recent items.
import { ARCHIVE_TIME_ZONE } from '../shared/feed-bundle.ts'
import { LOCALE } from './messages.ts'

const dateTime = new Intl.DateTimeFormat(LOCALE, {
  timeZone: ARCHIVE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
})
const relative = new Intl.RelativeTimeFormat(LOCALE, { numeric: 'auto' })
const number = new Intl.NumberFormat(LOCALE)

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

export function formatDateTime(ms: number): string {
  return dateTime.format(ms)
}

/** "5 分钟前" within the last day, else the full date and time in Asia/Shanghai. */
export function formatWhen(ms: number, now: number = Date.now()): string {
  const diff = ms - now
  if (diff > MINUTE || -diff >= DAY) return formatDateTime(ms)
  if (-diff < MINUTE) return relative.format(0, 'second')
  if (-diff < HOUR) return relative.format(Math.round(diff / MINUTE), 'minute')
  return relative.format(Math.round(diff / HOUR), 'hour')
}

export function formatNumber(n: number): string {
  return number.format(n)
}
