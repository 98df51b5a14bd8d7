// Post dates: front matter dates with or without an offset, file-name dates, and RFC 3339 output.

/** A parsed date: the instant and the offset (minutes east of UTC) to print it with. */
export type PostDate = { epochMs: number; offsetMinutes: number }

const DATE_TIME =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|z|UTC|[+-]\d{2}(?::?\d{2})?)?$/

const offsetCache = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = offsetCache.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      era: 'short',
    })
    offsetCache.set(timeZone, f)
  }
  return f
}

/** Throws a RangeError for a time zone the runtime does not know. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone)
}

/** The zone's offset from UTC at an instant, in minutes. */
export function zoneOffsetMinutes(epochMs: number, timeZone: string): number {
  const parts: Record<string, number> = {}
  let bc = false
  for (const p of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (p.type === 'era') bc = p.value === 'BC'
    else if (p.type !== 'literal') parts[p.type] = Number(p.value)
  }
  const year = parts.year ?? 1970
  const asUtc = utcMs(
    bc ? 1 - year : year,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  )
  return Math.round((asUtc - (epochMs - (epochMs % 1000))) / 60_000)
}

/**
 * Date.UTC without its two-digit year rule (it reads years 0–99 as 1900–1999): a post dated
 * `0022-06-01` is in the year 22.
 */
function utcMs(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const date = new Date(0)
  date.setUTCFullYear(y, mo, d)
  date.setUTCHours(h, mi, s, ms)
  return date.getTime()
}

/** A wall-clock time in a zone → instant (two passes settle DST edges deterministically). */
function fromZonedWallClock(wallAsUtcMs: number, timeZone: string): PostDate {
  let offset = zoneOffsetMinutes(wallAsUtcMs, timeZone)
  offset = zoneOffsetMinutes(wallAsUtcMs - offset * 60_000, timeZone)
  return { epochMs: wallAsUtcMs - offset * 60_000, offsetMinutes: offset }
}

function parseOffset(s: string): number {
  if (s === 'Z' || s === 'z' || s === 'UTC') return 0
  const sign = s.startsWith('-') ? -1 : 1
  const digits = s.slice(1).replace(':', '')
  const hours = Number(digits.slice(0, 2))
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0
  return sign * (hours * 60 + minutes)
}

/**
 * A front matter date as Jekyll writes them (`2022-06-07 10:31:40 +0800`, ISO 8601, date only).
 * Without an offset it is wall-clock time in `timeZone`. Null when it is not a usable date.
 */
export function parseDateText(text: string, timeZone: string): PostDate | null {
  const m = DATE_TIME.exec(text.trim())
  if (!m) return null
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', off] = m
  const year = Number(y)
  const month = Number(mo)
  const day = Number(d)
  const hour = Number(h)
  const minute = Number(mi)
  const second = Number(s)
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
    return null
  const ms = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0
  const wall = utcMs(year, month - 1, day, hour, minute, Math.min(second, 59), ms)
  // Dates roll 2022-02-31 over into March: a date that is not on the calendar is broken.
  if (new Date(wall).getUTCDate() !== day) return null
  if (off !== undefined) {
    const offsetMinutes = parseOffset(off)
    if (Math.abs(offsetMinutes) > 18 * 60) return null
    return { epochMs: wall - offsetMinutes * 60_000, offsetMinutes }
  }
  return fromZonedWallClock(wall, timeZone)
}

/** The date of a Jekyll post file name (`YYYY-MM-DD-slug.md`), midnight in `timeZone`. */
export function fileNameDate(fileName: string, timeZone: string): PostDate | null {
  const m = /^(\d{4}-\d{1,2}-\d{1,2})-/.exec(fileName)
  return m?.[1] ? parseDateText(m[1], timeZone) : null
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** RFC 3339 with the date's own offset, always `±HH:MM` (also for UTC), e.g. `2022-06-07T10:31:40+08:00`. */
export function formatRfc3339(date: PostDate): string {
  const local = new Date(date.epochMs + date.offsetMinutes * 60_000)
  const ms = local.getUTCMilliseconds()
  const abs = Math.abs(date.offsetMinutes)
  const offset = `${date.offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    (ms ? `.${pad(ms, 3)}` : '') +
    offset
  )
}
