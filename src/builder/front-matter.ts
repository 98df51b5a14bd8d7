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
    const parsed: unknown =
      yamlText.trim() === '' ? {} : parseYaml(yamlText, { prettyErrors: false, logLevel: 'error' })
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
