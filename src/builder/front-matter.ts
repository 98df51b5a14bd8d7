// Front matter of a Jekyll post: split it from the body and read it with the `yaml` package (never a
// JS-evaluating engine), falling back to a line reader for the simple keys when YAML rejects it.
import { parse as parseYaml } from 'yaml'

export type FrontMatter = {
  /** The front matter as a plain object; empty when there is none. */
  data: Record<string, unknown>
  body: string
  /** False when the file has no `---` front matter block at all. */
  found: boolean
  warnings: string[]
}

// Jekyll's own rule: the file starts with `---`, the block ends at the next `---` or `...` line.
const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m

export function splitFrontMatter(text: string): FrontMatter {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const m = src.startsWith('---') ? FRONT_MATTER.exec(src) : null
  if (!m || m.index !== 0) {
    return { data: {}, body: src, found: false, warnings: [] }
  }
  const yamlText = (m[1] ?? '').replace(/\r\n?/g, '\n')
  const body = src.slice(m[0].length)
  const warnings: string[] = []
  let data: Record<string, unknown>
  try {
    const fast = simpleYaml(yamlText)
    const parsed: unknown = fast
      ? fast
      : yamlText.trim() === ''
        ? {}
        : parseYaml(yamlText, { prettyErrors: false, logLevel: 'error' })
    if (parsed === null || parsed === undefined) data = {}
    else if (typeof parsed === 'object' && !Array.isArray(parsed))
      data = parsed as Record<string, unknown>
    else throw new Error('front matter is not a mapping')
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e)
    warnings.push(`front matter is not valid YAML (${why}); read line by line`)
    data = readLines(yamlText)
  }
  return { data, body, found: true, warnings }
}

const SIMPLE_LINE = /^([A-Za-z_][\w-]*):(?:[ \t]+(.*?))?[ \t]*$/
// Plain scalars the core schema would turn into null, booleans or numbers: left to the yaml package.
const TYPED_PLAIN =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?\d+|0o[0-7]+|0x[\da-fA-F]+|[-+]?(?:\.\d+|\d+(?:\.\d*)?)(?:[eE][-+]?\d+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/
const PLAIN_START = /^[^\s\-?:,[\]{}#&*!|>'"%@`]/

/**
 * The front matter of nearly every post is a few `key: plain` or `key: "quoted"` lines. This reads
 * exactly those (and returns null for anything else, which goes to the yaml package), giving the
 * same result as YAML's core schema at a fraction of the cost; a property test holds it to that.
 */
export function simpleYaml(text: string): Record<string, unknown> | null {
  const data: Record<string, unknown> = {}
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue
    const m = SIMPLE_LINE.exec(line)
    if (!m) return null
    const key = m[1] as string
    const raw = m[2] ?? ''
    if (Object.hasOwn(data, key) || key === '__proto__') return null
    if (raw === '') data[key] = null
    else if (raw.startsWith('"')) {
      if (!/^"[^"\\]*"$/.test(raw)) return null
      data[key] = raw.slice(1, -1)
    } else if (PLAIN_START.test(raw) && !/:(?:\s|$)|\s#|[\t]/.test(raw) && !TYPED_PLAIN.test(raw)) {
      data[key] = raw
    } else return null
  }
  return data
}

/** Lenient `key: value` reader for the few keys a post needs (strings, `[a, b]`, `- a` lists). */
export function readLines(yamlText: string): Record<string, unknown> {
  const data: Record<string, unknown> = {}
  let listKey: string | null = null
  for (const raw of yamlText.split('\n')) {
    const line = raw.replace(/\s+$/, '')
    if (line === '' || line.trimStart().startsWith('#')) continue
    const item = /^\s*-\s+(.*)$/.exec(line)
    if (item && listKey !== null) {
      const list = data[listKey]
      if (Array.isArray(list)) list.push(unquote(item[1] ?? ''))
      continue
    }
    const kv = /^([A-Za-z_][\w-]*)\s*:(?:\s+(.*))?$/.exec(line)
    if (!kv) continue
    const key = kv[1] as string
    const value = (kv[2] ?? '').trim()
    if (value === '') {
      data[key] = []
      listKey = key
      continue
    }
    listKey = null
    if (value.startsWith('[') && value.endsWith(']')) {
      data[key] = value
        .slice(1, -1)
        .split(',')
        .map((s) => unquote(s.trim()))
        .filter((s) => s !== '')
    } else {
      data[key] = unquote(value)
    }
  }
  // A key with neither a value nor list items is an empty value, not an empty list.
  for (const [k, v] of Object.entries(data)) if (Array.isArray(v) && v.length === 0) data[k] = ''
  return data
}

function unquote(s: string): string {
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) {
    try {
      return JSON.parse(s) as string
    } catch {
      return s.slice(1, -1)
    }
  }
  if (s.length >= 2 && s.startsWith("'") && s.endsWith("'"))
    return s.slice(1, -1).replace(/''/g, "'")
  return s.replace(/\s+#.*$/, '')
}

/** A scalar front matter value as text (`title: 2022` is a number to YAML, a title to us). */
export function scalarText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value)
  if (value instanceof Date) return value.toISOString()
  return ''
}

/**
 * `tags`/`categories` as Jekyll 4.3 reads them (Utils.pluralized_array_from_hash): a string is split
 * on whitespace, a list keeps its non-null entries as text. The singular key (`tag`, `category`)
 * wins when present, as in Jekyll.
 */
export function jekyllList(
  data: Record<string, unknown>,
  singular: string,
  plural: string,
): string[] {
  const pick = (value: unknown, split: boolean): string[] => {
    if (value === null || value === undefined) return []
    if (typeof value === 'string') return split ? value.split(/\s+/).filter(Boolean) : [value]
    if (Array.isArray(value))
      return value.flatMap((v) => (v === null || v === undefined ? [] : [scalarText(v)]))
    const text = scalarText(value)
    return text ? [text] : []
  }
  const values =
    singular in data && data[singular] !== null && data[singular] !== undefined
      ? pick(data[singular], false)
      : pick(data[plural], true)
  return values.map((v) => v.trim()).filter((v) => v !== '')
}
