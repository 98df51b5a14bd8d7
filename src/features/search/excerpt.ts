// A short excerpt of a result's text around its first match, with every match in it located, so
// the page can mark them (as text nodes and <mark> elements, never as HTML). Matching is on the
// normalized text (src/shared/search.ts), positions are the original text's.

export type Excerpt = {
  /** The excerpt, with "…" where the text was cut. */
  text: string
  /** Marked ranges [start, end) in `text`, in order, not overlapping. */
  marks: [number, number][]
}

const SPACE = /\s/

/** Each code point normalized on its own, with where it came from in `text`. */
function normalizedWithMap(text: string) {
  let norm = ''
  const from: number[] = []
  const to: number[] = []
  let at = 0
  for (const ch of text) {
    const n = SPACE.test(ch) ? ' ' : ch.normalize('NFKC').toLowerCase()
    for (let k = 0; k < n.length; k++) {
      from.push(at)
      to.push(at + ch.length)
    }
    norm += n
    at += ch.length
  }
  return { norm, from, to }
}

/** The excerpt of `text` around the first of the (normalized) `terms`, about `width` characters. */
export function excerptOf(text: string, terms: readonly string[], width = 90): Excerpt {
  const { norm, from, to } = normalizedWithMap(text)
  const found: [number, number][] = []
  for (const t of terms) {
    if (!t) continue
    for (let i = norm.indexOf(t); i >= 0; i = norm.indexOf(t, i + 1))
      found.push([from[i] as number, to[i + t.length - 1] as number])
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1])
  const first = found[0]
  let start = first ? Math.max(0, first[0] - Math.floor(width / 4)) : 0
  let end = Math.min(text.length, start + width)
  if (first && end < first[1]) end = Math.min(text.length, first[1])
  // Never split a surrogate pair.
  if (start > 0 && /[\udc00-\udfff]/.test(text[start] ?? '')) start--
  if (end < text.length && /[\udc00-\udfff]/.test(text[end] ?? '')) end++
  const before = start > 0 ? '…' : ''
  const after = end < text.length ? '…' : ''
  const marks: [number, number][] = []
  for (const [a, b] of found) {
    if (a < start || b > end) continue
    const last = marks[marks.length - 1]
    const s = a - start + before.length
    const e = b - start + before.length
    if (last && s <= last[1]) last[1] = Math.max(last[1], e)
    else marks.push([s, e])
  }
  return { text: `${before}${text.slice(start, end)}${after}`, marks }
}
