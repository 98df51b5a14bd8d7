// One file with everything the reader keeps in this browser (settings, read marks and read-up-to
// cut-offs, favourites), to move to another browser or keep aside. Each store's part is its own
// stored form, so a backup is read back by the same validating codecs as storage, and importing
// merges as a change from another tab would: nothing already here is lost.
import * as v from 'valibot'
import { favouritesStore } from '../features/favourites/favourites-store.ts'
import { cutoffsStore } from '../features/reading-state/read-cutoffs.ts'
import { readMarksStore } from '../features/reading-state/read-marks-store.ts'
import { readSettingsStore } from '../features/reading-state/read-settings.ts'
import { settingsStore } from '../features/settings/settings-store.ts'
import type { SyncedStore } from '../lib/storage/synced-store.ts'

const FORMAT = 'news-reader-backup'
const VERSION = 1
/** A part larger than any store can grow in localStorage is not a backup of ours. */
const MAX_PART = 8_000_000

const STORES: Record<string, SyncedStore<unknown>> = {
  settings: settingsStore as SyncedStore<unknown>,
  readSettings: readSettingsStore as SyncedStore<unknown>,
  readMarks: readMarksStore as SyncedStore<unknown>,
  cutoffs: cutoffsStore as SyncedStore<unknown>,
  favourites: favouritesStore as SyncedStore<unknown>,
}

const BackupSchema = v.object({
  format: v.literal(FORMAT),
  version: v.literal(VERSION),
  stores: v.record(v.string(), v.pipe(v.string(), v.maxLength(MAX_PART))),
})

export function exportBackup(now = new Date()): string {
  const stores = Object.fromEntries(Object.entries(STORES).map(([k, s]) => [k, s.exportText()]))
  return JSON.stringify({ format: FORMAT, version: VERSION, exported: now.toISOString(), stores })
}

export type BackupResult = { imported: number; failed: number }

/** Merges a backup file in; null when the text is not a backup of this app. */
export function importBackup(text: string): BackupResult | null {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return null
  }
  const r = v.safeParse(BackupSchema, json)
  if (!r.success) return null
  const result = { imported: 0, failed: 0 }
  for (const [name, part] of Object.entries(r.output.stores)) {
    const store = Object.hasOwn(STORES, name) ? STORES[name] : undefined
    if (!store) continue
    if (store.importText(part)) result.imported++
    else result.failed++
  }
  return result
}
