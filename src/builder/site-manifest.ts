// The static site's manifest (`<state>.pages`): every file it wrote with the digest of its bytes,
// and what each archive list page held; trusted only while the folder is the one it describes.
import fs from 'node:fs'
import { digestOf } from './digest.ts'

/** Bump when what a page holds changes for the same items: every page is then written again. */
export const PAGES_VERSION = 3
export const MANIFEST_VERSION = 3
export const manifestFile = (stateFile: string) => `${stateFile}.pages`
export const pagesJournal = (stateFile: string) => `${stateFile}.pages-journal`

/** An article of an archive list page, as the sitemap needs it: id and date. */
export type Row = [id: string, date: string, category: string]

export type Manifest = {
  version: number
  pagesVersion: number
  appRoot: string
  siteUrl: string
  oldPermalinks: boolean
  /** Digest of the shell the pages were made from. */
  shell: string
  /** Every file written, with the digest of its bytes. */
  files: Record<string, string>
  /** Per archive list page (bundle path), the articles it held. */
  lists: Record<string, Row[]>
}

export function loadManifest(file: string): Manifest | null {
  try {
    const m = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest
    return m.version === MANIFEST_VERSION && typeof m.files === 'object' ? m : null
  } catch {
    return null
  }
}

export function readLines(file: string): string[] {
  try {
    return fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l !== '')
  } catch {
    return []
  }
}

export function sameDigest(file: string, hex: string | undefined): boolean {
  if (hex === undefined) return false
  try {
    return digestOf(fs.readFileSync(file)).toString('hex') === hex
  } catch {
    return false
  }
}
