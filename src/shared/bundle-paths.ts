// File names inside the bundle for ids, categories and tags: safe on every file system and in URLs,
// and computable by the app from an id alone, so a cold deep link to an article needs one request.
export const CONTENT_TEMPLATE = 'content/{key}.json'
export const CATEGORY_FEED_TEMPLATE = 'category/{key}/feed.json'
export const TAG_FEED_TEMPLATE = 'tag/{key}/feed.json'

const SAFE = /^[A-Za-z0-9_-]{1,80}$/

/** FNV-1a, 64 bit, over UTF-8: short, deterministic, synchronous in Node and browsers alike. */
export function fnv1a64(s: string): string {
  let h = 0xcbf29ce484222325n
  for (const b of new TextEncoder().encode(s)) {
    h ^= BigInt(b)
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn
  }
  return h.toString(16).padStart(16, '0')
}

/**
 * The file-name key of an id, category slug or tag. Plain ASCII names stay readable; anything else
 * (Chinese, spaces, `/`, `?`, `#`, case-only differences on case-insensitive file systems) becomes a
 * hash. Lower-case keys are prefixed so `Abc` and `abc` never share a file on macOS or Windows.
 */
export function fileKey(s: string): string {
  if (SAFE.test(s) && s === s.toLowerCase()) return s
  return `~${fnv1a64(s)}`
}

export function fillTemplate(template: string, key: string): string {
  return template.replace('{key}', key)
}
