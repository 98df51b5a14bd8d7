// Text out of what feeds send: HTML reduced to its text, entities decoded, invisible characters
// dropped, and text shortened where people count characters.
import { BASIC_ENTITIES, numericEntity } from '../../../shared/entities.ts'

/** The text of an HTML fragment: tags and comments dropped, entities decoded, whitespace folded. */
export function htmlToText(html: string): string {
  return plainText(
    decodeEntities(
      html
        // Element contents that are never text. Bounded scans: no closing tag costs one pass.
        .replace(/<(script|style|template)\b[^>]*>[\s\S]*?(<\/\1\s*>|$)/gi, ' ')
        .replace(/<!--[\s\S]*?(-->|$)/g, ' ')
        // Only what HTML reads as a tag: `<1%` in a body is text, as the browser shows it.
        .replace(/<[a-z!/?][^>]*(>|$)/gi, ' '),
    ),
  )
}

/**
 * Plain text as it arrives (titles, summaries and tags are text in JSON Feed): control and
 * invisible characters dropped, whitespace collapsed.
 */
export function plainText(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u2028\u2029\ufeff]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  )
}

const named = new Map<string, string>()

/** One named entity through the browser's own table (all 2,231 of HTML), parsed inert. */
function namedEntity(name: string): string | undefined {
  if (typeof DOMParser === 'undefined') return undefined
  let text = named.get(name)
  if (text === undefined) {
    const doc = new DOMParser().parseFromString(`<p>&${name};</p>`, 'text/html')
    text = doc.body.textContent ?? ''
    // Not an entity HTML knows: it stays as written.
    if (text === `&${name};`) text = ''
    if (named.size < 500) named.set(name, text)
  }
  return text === '' ? undefined : text
}

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]{1,31});/gi, (m, e: string) => {
    if (e[0] === '#') return numericEntity(e) ?? ''
    return BASIC_ENTITIES[e] ?? namedEntity(e) ?? m
  })
}

let graphemes: Intl.Segmenter | null | undefined

/** Shortens to `max` characters as people count them (never inside an emoji or a surrogate pair). */
export function cut(s: string, max: number): string {
  // UTF-16 length bounds the character count from above: most text needs no counting.
  if (s.length <= max) return s
  graphemes ??= typeof Intl.Segmenter === 'function' ? new Intl.Segmenter() : null
  const parts = graphemes
    ? Array.from(graphemes.segment(s.slice(0, max * 8)), (g) => g.segment)
    : Array.from(s)
  if (parts.length <= max && parts.join('').length === s.length) return s
  return parts.slice(0, max - 1).join('') + '…'
}
