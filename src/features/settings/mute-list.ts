// Muted words and sources: the lists as stored (cleaned the same way when typed and when read back)
// and the test an article is hidden by. Text is compared as search compares it (NFKC, lower case,
// spaces folded: src/shared/normalize.ts); a word matches as a substring, a source as a whole name.
import { normalize } from '../../shared/normalize.ts'

/** Entries a list keeps, and the characters an entry may have. */
export const MUTE_MAX_ENTRIES = 200
export const MUTE_MAX_CHARS = 100

/**
 * A muted list as kept: text entries trimmed, empty or overlong ones dropped, repeats (as compared)
 * dropped, at most MUTE_MAX_ENTRIES. A bad entry costs that entry only.
 */
export function cleanMuteList(entries: readonly unknown[]): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const e of entries) {
    if (typeof e !== 'string') continue
    const text = e.trim()
    const key = normalize(text)
    if (!key || text.length > MUTE_MAX_CHARS || seen.has(key)) continue
    seen.add(key)
    if (out.push(text) === MUTE_MAX_ENTRIES) break
  }
  return out
}

/** Whether an article is muted, from its title, source name and (when body is on) body text. */
export type MuteTest = (title: string, source: string | null, body: string | null) => boolean

/** The test of the lists, or undefined when nothing is muted. */
export function muteTest(
  words: readonly string[],
  sources: readonly string[],
): MuteTest | undefined {
  if (words.length === 0 && sources.length === 0) return undefined
  const w = words.map(normalize)
  const s = new Set(sources.map(normalize))
  const has = (text: string | null) => {
    const t = text === null ? '' : normalize(text)
    return t !== '' && w.some((x) => t.includes(x))
  }
  return (title, source, body) =>
    (source !== null && s.has(normalize(source))) || has(title) || has(body)
}
