// Search text, shared by the builder and the app: how text is normalized and what a query says.
import { BASIC_ENTITIES, numericEntity } from './entities.ts'

/** Longest query the app accepts (characters). */
export const MAX_QUERY_CHARS = 200
export const MAX_TERMS = 10

// ---------------------------------------------------------------------------------------------
// Normalization

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g
const SPACES = /[\s\p{Cc}\p{Zs}\u200b-\u200d\u2028\u2029\ufeff]+/gu

/**
 * The text as search compares it: Unicode NFKC (full-width ＡＢＣ１２３ is ABC123), lower case,
 * every run of white space or control characters one space, trimmed, a lone surrogate U+FFFD.
 * Queries and articles alike.
 */
export function normalize(s: string): string {
  return s
    .replace(LONE_SURROGATE, '\ufffd')
    .normalize('NFKC')
    .toLowerCase()
    .replace(SPACES, ' ')
    .trim()
}

/**
 * What an article's terms are matched in: its title and its body text, normalized, joined by a
 * line break (which normalize() never leaves in a term, so no match spans title and body).
 */
export function searchableText(title: string, body: string): string {
  return `${normalize(title)}\n${normalize(body)}`
}

const NAMED: Record<string, string> = {
  ...BASIC_ENTITIES,
  hellip: '\u2026',
  mdash: '\u2014',
  ndash: '\u2013',
  ldquo: '\u201c',
  rdquo: '\u201d',
  lsquo: '\u2018',
  rsquo: '\u2019',
  middot: '\u00b7',
  times: '\u00d7',
  yen: '\u00a5',
  copy: '\u00a9',
  reg: '\u00ae',
}

function entity(match: string, body: string): string {
  return (body[0] === '#' ? numericEntity(body) : NAMED[body.toLowerCase()]) ?? match
}

/**
 * The body text search reads from an article's `content_html`: comments, scripts, styles and
 * tags dropped, numeric and common named entities decoded (others stay as written). The builder
 * indexes it and the app verifies matches with it, from the same content file.
 */
export function searchBodyText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<(script|style|template)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ')
    .replace(/<\/?[a-zA-Z][^>]*>/g, ' ')
    .replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});/g, entity)
}

/** Code points of a string (an astral character is one). */
export const codePoints = (s: string): number[] => Array.from(s, (c) => c.codePointAt(0) as number)

// ---------------------------------------------------------------------------------------------
// Queries

export type ParsedQuery = {
  /** Normalized terms every match contains (at least one). */
  include: string[]
  /** Normalized terms no match contains. */
  exclude: string[]
}

export type QueryProblem = 'empty' | 'unclosed-quote' | 'only-exclusions' | 'too-long'

export type QueryResult = { ok: true; query: ParsedQuery } | { ok: false; problem: QueryProblem }

/**
 * Terms separated by spaces (all must occur: AND); `"…"` is one term with its spaces; a leading
 * `-` excludes a term (`-"…"` too). A lone `-` or empty quotes are nothing. Terms are normalized.
 */
export function parseQuery(input: string): QueryResult {
  if (input.length > MAX_QUERY_CHARS) return { ok: false, problem: 'too-long' }
  // Full-width quotes and minus are normalized first, so “…” typed on a phone quotes too.
  const text = input.normalize('NFKC').replace(/[“”„＂]/g, '"')
  const include: string[] = []
  const exclude: string[] = []
  let i = 0
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i] as string)) i++
    if (i >= text.length) break
    let negative = false
    if (text[i] === '-' && i + 1 < text.length && !/\s/.test(text[i + 1] as string)) {
      negative = true
      i++
    }
    let raw: string
    if (text[i] === '"') {
      const end = text.indexOf('"', i + 1)
      if (end < 0) return { ok: false, problem: 'unclosed-quote' }
      raw = text.slice(i + 1, end)
      i = end + 1
    } else {
      const start = i
      while (i < text.length && !/\s/.test(text[i] as string)) i++
      raw = text.slice(start, i)
      if (raw === '-') continue
    }
    const term = normalize(raw)
    if (term === '') continue
    const list = negative ? exclude : include
    if (!list.includes(term)) list.push(term)
  }
  if (include.length + exclude.length > MAX_TERMS) return { ok: false, problem: 'too-long' }
  if (include.length === 0)
    return { ok: false, problem: exclude.length ? 'only-exclusions' : 'empty' }
  return { ok: true, query: { include, exclude } }
}

/** Whether a normalized article text matches: every included term, no excluded one. */
export function matchesText(text: string, q: ParsedQuery): boolean {
  return q.include.every((t) => text.includes(t)) && !q.exclude.some((t) => text.includes(t))
}
