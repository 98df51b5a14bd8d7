// Dates and numbers through Intl only: times in the archive's zone, relative for recent items.
import { useSyncExternalStore } from 'react'
import { ARCHIVE_TIME_ZONE, FULL_TIME_FORMAT } from '../shared/feed-bundle.ts'
import { messages } from './messages.ts'

// Intl objects are made on first use: a DateTimeFormat with a time zone costs ~150 ms to create in a
// fresh page at 4× CPU slowdown (ICU's zone data), on the critical path of the first list.
// Dates are written from the catalog (messages.fullDate, …) over a zh-CN wall clock; relative times
// and numbers follow the interface's language, so those two are made again when it changes.
const dateTime = new Map<string, Intl.DateTimeFormat>()
let relative: Intl.RelativeTimeFormat | undefined
let number: Intl.NumberFormat | undefined
let madeFor: string = messages.locale
function inLocale(): string {
  if (madeFor !== messages.locale)
    [madeFor, relative, number] = [messages.locale, undefined, undefined]
  return madeFor
}

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

/** Whose clock times are shown on: the archive's (Beijing) or the browser's (a reader's setting). */
let zone: 'archive' | 'browser' = 'archive'
const zoneListeners = new Set<() => void>()
export function setDisplayZone(next: 'archive' | 'browser') {
  if (zone === next) return
  zone = next
  for (const l of zoneListeners) l()
}
/** Components that write times call this, so a new display zone draws them again. */
export function useDisplayZone(): 'archive' | 'browser' {
  return useSyncExternalStore(
    (l) => {
      zoneListeners.add(l)
      return () => zoneListeners.delete(l)
    },
    () => zone,
    () => zone,
  )
}
/**
 * Runs `fn` with the archive's clock: a date-only article's day is the archive's (its midnight
 * there is the evening before in the Americas).
 */
function archiveClock<T>(dateOnly: boolean, fn: () => T): T {
  if (!dateOnly || zone === 'archive') return fn()
  zone = 'archive'
  try {
    return fn()
  } finally {
    zone = 'browser'
  }
}

/** The shown zone's offset from UTC at an instant, in ms (the browser's may change with DST). */
const offsetAt = (ms: number) =>
  zone === 'archive' ? 8 * HOUR : -new Date(ms).getTimezoneOffset() * MINUTE

/** The date and time in the shown zone, in the interface's language. */
export function formatDateTime(ms: number): string {
  const full = wallClock(ms)
  return messages.locale === 'zh-CN' ? full : readWallClock(full).text
}

/** `2026/11/29 08:05` in the shown zone, whatever the language (the parts the catalog writes). */
function wallClock(ms: number): string {
  if (
    (zone === 'browser' || ARCHIVE_TIME_ZONE === 'Asia/Shanghai') &&
    ms >= FIXED_UTC8_FROM &&
    ms < FIXED_UTC8_UNTIL
  ) {
    const d = new Date(ms + offsetAt(ms))
    return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
  }
  return formatWithIntl(ms)
}

/** A wall clock's parts, with its date and time written by the catalog. */
function readWallClock(full: string) {
  const [date = '', time = ''] = full.split(' ')
  const [year = '', month, dom] = date.split('/')
  const [m, d] = [Number(month), Number(dom)]
  const fullDate = messages.fullDate(year, m, d)
  return { year, time, fullDate, monthDay: messages.monthDay(m, d), text: `${fullDate} ${time}` }
}

/** wallClock's text through Intl (any date, any zone); exported for the property test. */
export function formatWithIntl(ms: number): string {
  let format = dateTime.get(zone)
  if (!format) dateTime.set(zone, (format = makeDateTime()))
  return format.format(ms)
}

function makeDateTime() {
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone: zone === 'archive' ? ARCHIVE_TIME_ZONE : undefined,
    ...FULL_TIME_FORMAT,
  })
}

/** The calendar day of an instant in the shown zone (days since 1970). */
const archiveDay = (ms: number) => Math.floor((ms + offsetAt(ms)) / DAY)

/** "5分钟前" within the last day, else the full date and time in Asia/Shanghai. */
export function formatWhen(ms: number, now: number = Date.now()): string {
  const diff = ms - now
  if (diff > MINUTE || -diff >= DAY) return formatDateTime(ms)
  const locale = inLocale()
  relative ??= new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  if (-diff < MINUTE) return relative.format(0, 'second')
  if (-diff < HOUR) return relative.format(Math.round(diff / MINUTE), 'minute')
  return relative.format(Math.round(diff / HOUR), 'hour')
}

/**
 * A list item's time, as short as the reader needs: relative today ("5分钟前"), "昨天 21:30",
 * "11月28日 21:30" this year, the date before that. A date-only article shows its day alone.
 */
export function formatListTime(ms: number, now: number, dateOnly = false): string {
  return archiveClock(dateOnly, () => listTime(ms, now, dateOnly))
}

function listTime(ms: number, now: number, dateOnly: boolean): string {
  const [day, today] = [archiveDay(ms), archiveDay(now)]
  const { year, time, fullDate, monthDay } = readWallClock(wallClock(ms))
  const sameYear = year === wallClock(now).slice(0, 4)
  if (dateOnly) return day === today ? messages.today : sameYear ? monthDay : fullDate
  if (day === today && ms <= now + MINUTE) return formatWhen(ms, now)
  if (day === today - 1) return `${messages.yesterday} ${time}`
  return sameYear ? `${monthDay} ${time}` : fullDate
}

/** The heading of a day's group in a list: 今天, 昨天, or "11月28日 星期五". */
export function formatDayLabel(ms: number, now: number, dateOnly = false): string {
  return archiveClock(dateOnly, () => dayLabel(ms, now))
}

function dayLabel(ms: number, now: number): string {
  const [day, today] = [archiveDay(ms), archiveDay(now)]
  if (day === today) return messages.today
  if (day === today - 1) return messages.yesterday
  const { year, monthDay } = readWallClock(wallClock(ms))
  const label = messages.dayHeading(monthDay, messages.weekdays[(day + 4) % 7]!)
  return year === wallClock(now).slice(0, 4) ? label : messages.withYear(label, year)
}

/** The day of an instant, to group a list by. */
export const dayKey = (ms: number, dateOnly = false) => archiveClock(dateOnly, () => archiveDay(ms))

/** The day alone of a date-only article, in the archive's calendar. */
export const formatDay = (ms: number) =>
  archiveClock(true, () => readWallClock(wallClock(ms)).fullDate)

/** Whether this browser keeps the archive's time (UTC+8 now): else times say they are Beijing's. */
export function inArchiveZone(): boolean {
  return zone === 'browser' || new Date().getTimezoneOffset() === -480
}

/** A time's full form for its tooltip, saying it is Beijing time when the browser is elsewhere. */
export function formatFullTime(ms: number, dateOnly = false): string {
  const full = dateOnly ? formatDay(ms) : formatDateTime(ms)
  return inArchiveZone() ? full : `${full}${messages.beijingTime}`
}

export function formatNumber(n: number): string {
  const locale = inLocale()
  number ??= new Intl.NumberFormat(locale)
  return number.format(n)
}
