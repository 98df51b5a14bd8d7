// categories.json and tags.json, paged: an archive can hold hundreds of thousands of tags, and a
// phone must be able to load the head of the directory. Entries go most used first; each page
// holds at most DIRECTORY_PAGE_ENTRIES entries and stays under the list pages' byte limit.
import {
  BUNDLE_VERSION,
  PAGE_BYTES_LIMIT,
  type CategoryEntry,
  type TagEntry,
} from '../shared/feed-bundle.ts'

export const CATEGORIES_FILE = 'categories.json'
export const TAGS_FILE = 'tags.json'
export const DIRECTORY_PAGE_ENTRIES = 1000

/** `categories.json` → `categories-000001.json`, the second page. */
export const directoryPageName = (head: string, n: number) =>
  n === 0 ? head : head.replace(/\.json$/, `-${String(n).padStart(6, '0')}.json`)

export type DirectoryFile = { path: string; text: string }

/** The pages of a directory, head first; every page but the last links to the next. */
export function directoryPages(head: string, entries: readonly (CategoryEntry | TagEntry)[]) {
  const texts = entries.map((e) => JSON.stringify(e))
  // Room for the envelope: version, total_items and next_url.
  const budget = PAGE_BYTES_LIMIT - 200
  const pages: string[][] = [[]]
  let bytes = 0
  texts.forEach((t) => {
    // The entry and the ",\n" that joins it to the next.
    const size = Buffer.byteLength(t) + 2
    const page = pages[pages.length - 1] as string[]
    if (page.length && (page.length >= DIRECTORY_PAGE_ENTRIES || bytes + size > budget)) {
      pages.push([t])
      bytes = size
    } else {
      page.push(t)
      bytes += size
    }
  })
  return pages.map((items, n): DirectoryFile => {
    const next =
      n + 1 < pages.length ? `,"next_url":${JSON.stringify(directoryPageName(head, n + 1))}` : ''
    return {
      path: directoryPageName(head, n),
      text: `{"version":${BUNDLE_VERSION},"total_items":${entries.length},"items":[\n${items.join(',\n')}\n]${next}}\n`,
    }
  })
}
