// Reading a built bundle in tests: every file's bytes, and a paged directory's entries.
import fs from 'node:fs'
import path from 'node:path'
import { expect } from 'vitest'
import { PAGE_BYTES_LIMIT, directoryEntries } from '../../src/shared/feed-bundle.ts'
import { STATE_FILE } from '../../src/builder/state.ts'

/** Every file of a folder (path → bytes), without the build state. */
export function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>()
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${e.name}` : e.name
      if (e.isDirectory()) walk(child)
      else if (!child.startsWith(STATE_FILE))
        out.set(child, fs.readFileSync(path.join(root, child), 'latin1'))
    }
  }
  walk('')
  return out
}

const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'))

/** Every entry of a paged directory (categories.json, tags.json), following next_url. */
export function directory(root: string, head: string): unknown[] {
  const entries: unknown[] = []
  for (let file: string | undefined = head; file;) {
    const page = directoryEntries(readJson(path.join(root, file)))
    expect(page).not.toBeNull()
    expect(fs.statSync(path.join(root, file)).size).toBeLessThan(PAGE_BYTES_LIMIT)
    entries.push(...(page?.items ?? []))
    file = page?.nextUrl
  }
  return entries
}
