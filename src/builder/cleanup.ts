// Cleanup of a post body around rendering: lift the trailing source link, drop the empty `<>` and
// the "返回…｜返回首页" links back to the old site, and derive plain text for summaries and titles.
import { unescapeAll } from './markdown.ts'

export type CleanBody = { markdown: string; externalUrl: string | undefined }

// One footer line: links whose text starts with 返回, separated by ｜ or | (the old site's footer).
const FOOTER_LINE =
  /^\s*\[返回[^\]\n]*\]\([^)\n]*\)(?:\s*[｜|]?\s*\[返回[^\]\n]*\]\([^)\n]*\))*\s*$/
const SOURCE_LINE = /^\s*<(https?:\/\/[^\s<>]+)>\s*$/
const EMPTY_LINK_LINE = /^\s*<>\s*$/

/**
 * Works on the Markdown source, line by line from the end, so the rest of the article is rendered
 * exactly as written: footer lines, then empty `<>` lines, then one `<http…>` line become the
 * external URL. Empty `<>` lines elsewhere are removed too (they render as a stray "<>").
 */
export function cleanBody(body: string, maxUrlChars = Infinity): CleanBody {
  const lines = body.replace(/\r\n?/g, '\n').split('\n')
  let end = lines.length
  const blank = (i: number) => (lines[i] ?? '').trim() === ''
  const skipBlank = () => {
    while (end > 0 && blank(end - 1)) end--
  }
  skipBlank()
  while (end > 0 && FOOTER_LINE.test(lines[end - 1] ?? '')) {
    end--
    skipBlank()
  }
  while (end > 0 && EMPTY_LINK_LINE.test(lines[end - 1] ?? '')) {
    end--
    skipBlank()
  }
  let externalUrl: string | undefined
  const source = SOURCE_LINE.exec(lines[end - 1] ?? '')
  if (end > 0 && source && (source[1] ?? '').length <= maxUrlChars) {
    externalUrl = source[1]
    end--
    skipBlank()
  }
  const kept = lines.slice(0, end).filter((l) => !EMPTY_LINK_LINE.test(l))
  return { markdown: kept.join('\n'), externalUrl }
}

/** Plain text of rendered HTML: no tags, comments, scripts or hidden blocks; entities decoded. */
export function htmlToText(html: string): string {
  const stripped = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<(script|style|template)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ')
    .replace(/<\/?[a-zA-Z][^>]*>/g, ' ')
  return unescapeAll(stripped).replace(/\s+/g, ' ').trim()
}

/** The first `max` characters (code points) of a text, cut at a space when one is near. */
export function truncateText(text: string, max: number): string {
  // Cheap exit: a string of ≤ max UTF-16 units fits.
  if (text.length <= max) return text
  // The end of the first `max` code points, counted in place (no array of characters).
  let end = 0
  for (let n = 0; n < max && end < text.length; n++) {
    const c = text.charCodeAt(end)
    const pair = c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(end + 1) & 0xfc00) === 0xdc00
    end += pair ? 2 : 1
  }
  if (end >= text.length) return text
  let cut = text.slice(0, end)
  const space = cut.lastIndexOf(' ')
  if (space > max * 0.7) cut = cut.slice(0, space)
  return `${cut.trimEnd()}…`
}

const isCjk = (c: number) =>
  (c >= 0x2e80 && c <= 0x9fff) ||
  (c >= 0xac00 && c <= 0xd7af) ||
  (c >= 0xf900 && c <= 0xfaff) ||
  (c >= 0xff00 && c <= 0xffef)

/** Minutes to read: ~400 Chinese characters or ~200 other words a minute, at least 1. */
export function readingMinutes(text: string): number {
  let cjk = 0
  let words = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (isCjk(c)) {
      cjk++
      inWord = false
    } else if (c === 32 || c === 10 || c === 9 || c === 13) {
      inWord = false
    } else if (!inWord) {
      words++
      inWord = true
    }
  }
  return Math.max(1, Math.round(cjk / 400 + words / 200))
}
